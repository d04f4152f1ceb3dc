import { BASEMAP_COUNTRIES } from './basemap';
import { describe, expect, it } from 'vitest';
import {
	findMentions as findWith,
	gazetteerFor,
	mentionFinder,
	termsFor,
	type Mention
} from './gazetteer';

// The tables as the build writes them (provided to every test by test-setup.ts).
const EN = gazetteerFor('en');
const GAZETTEER = EN.names;
const builtIns = new Map(Object.entries(GAZETTEER));
/** Mentions in English text, with the English phrases that name no country. */
const findMentions = (text: string, t: ReadonlyMap<string, readonly string[]>) =>
	findWith(text, t, EN.notACountry);

function terms(extra: Record<string, string[]> = {}): Map<string, readonly string[]> {
	const map = new Map<string, readonly string[]>(builtIns);
	for (const [iso3, names] of Object.entries(extra)) {
		map.set(iso3, [...(map.get(iso3) ?? []), ...names]);
	}
	return map;
}

// The French table, as the app loads it.
const frTable = gazetteerFor('fr').names;

const words = (ms: Mention[]) => ms.map((m) => `${m.iso3}:${m.term}`);

describe('the built-in gazetteer', () => {
	it('gives every term to one country only, so a mention is never ambiguous', () => {
		const owners = new Map<string, string>();
		for (const [iso3, names] of Object.entries(GAZETTEER)) {
			expect(iso3).toMatch(/^[A-Z]{3}$/);
			for (const name of names) {
				expect(owners.get(name), `"${name}" in ${iso3} and ${owners.get(name)}`).toBeUndefined();
				owners.set(name, iso3);
			}
		}
	});

	it('names every country of the basemap, and the UN member states too small for it', () => {
		expect(BASEMAP_COUNTRIES.size).toBe(177);
		for (const iso3 of BASEMAP_COUNTRIES) expect(GAZETTEER[iso3]?.length, iso3).toBeGreaterThan(0);
		// The hand-typed table knew six micro-states (AND, LIE, MLT, MCO, SMR, VAT); the generated one
		// knows every UN member state the 1:110m basemap cannot draw, and the Vatican.
		expect(Object.keys(GAZETTEER).filter((iso3) => !BASEMAP_COUNTRIES.has(iso3))).toEqual([
			'AND',
			'ATG',
			'BHR',
			'BRB',
			'COM',
			'CPV',
			'DMA',
			'FSM',
			'GRD',
			'KIR',
			'KNA',
			'LCA',
			'LIE',
			'MCO',
			'MDV',
			'MHL',
			'MLT',
			'MUS',
			'NRU',
			'PLW',
			'SGP',
			'SMR',
			'STP',
			'SYC',
			'TON',
			'TUV',
			'VAT',
			'VCT',
			'WSM'
		]);
	});

	it('knows the story’s countries, their neighbours, demonyms and capitals', () => {
		for (const iso3 of [
			'FRA',
			'RUS',
			'UKR',
			'MLI',
			'HUN',
			'SVN',
			'GBR',
			'USA',
			'BLR',
			'POL',
			'DEU'
		]) {
			expect(GAZETTEER[iso3], iso3).toBeDefined();
		}
		const pairs: [string, string][] = [
			['FRA', 'French'],
			['RUS', 'Russian'],
			['UKR', 'Ukrainian'],
			['GBR', 'British'],
			['USA', 'U.S.'],
			['HUN', 'Hungarian'],
			['SVN', 'Slovenian'],
			['MLI', 'Malian'],
			['FRA', 'Paris'],
			['RUS', 'Moscow'],
			['UKR', 'Kyiv'],
			['MLI', 'Bamako'],
			['HUN', 'Budapest'],
			['SVN', 'Ljubljana'],
			['GBR', 'London'],
			['USA', 'Washington']
		];
		for (const [iso3, name] of pairs) expect(GAZETTEER[iso3], name).toContain(name);
	});

	it('holds no story: metonyms such as Macron or the Kremlin come from the briefing', () => {
		const all = Object.values(GAZETTEER).flat();
		for (const name of ['Macron', 'Putin', 'Kremlin', 'Versailles', 'Johnson', 'Biden']) {
			expect(all).not.toContain(name);
		}
	});
});

describe('findMentions', () => {
	it('counts "Russian" once, as Russia, not as "Russia" plus "n"', () => {
		const ms = findMentions('Russian President Vladimir Putin', terms());
		expect(ms).toEqual([{ start: 0, end: 7, iso3: 'RUS', term: 'Russian' }]);
	});

	it('matches "Russia’s" and "France’s" (curly apostrophe) as Russia and France', () => {
		const text = 'condemn Russia’s interference in France’s sphere';
		expect(words(findMentions(text, terms()))).toEqual(['RUS:Russia', 'FRA:France']);
		expect(findMentions(text, terms())[0]).toMatchObject({ start: 8, end: 14 });
	});

	it('counts a possessive "Macron’s" or "Macron\'s" as Macron', () => {
		const t = terms({ FRA: ['Macron'] });
		expect(words(findMentions('But Macron’s numerous initiatives', t))).toEqual(['FRA:Macron']);
		expect(words(findMentions("But Macron's numerous initiatives", t))).toEqual(['FRA:Macron']);
	});

	it('takes the longest term: "Ukrainian", "United States", "Emmanuel Macron" are one mention each', () => {
		const t = terms({ FRA: ['Macron', 'Emmanuel Macron'] });
		const text = 'Emmanuel Macron met the Ukrainian leader and the United States envoy.';
		expect(words(findMentions(text, t))).toEqual([
			'FRA:Emmanuel Macron',
			'UKR:Ukrainian',
			'USA:United States'
		]);
	});

	it('matches "U.S." with its dots, and not inside "U.S.S.R." or "USSR"', () => {
		expect(findMentions('and U.S. President Joe Biden.', terms())).toEqual([
			{ start: 4, end: 8, iso3: 'USA', term: 'U.S.' }
		]);
		expect(findMentions('the dictates of the USSR and the U.S.S.R.', terms())).toEqual([]);
	});

	it('needs word boundaries on both sides, Unicode-aware', () => {
		// "Somalia" is Somalia (the table knows it now), never "Mali" inside it.
		expect(words(findMentions('Somalia and Belarussian and Frenchness', terms()))).toEqual([
			'SOM:Somalia'
		]);
		expect(words(findMentions('“Ukraine”, (Mali)—Moscow', terms()))).toEqual([
			'UKR:Ukraine',
			'MLI:Mali',
			'RUS:Moscow'
		]);
		// An accented letter is a letter: "Malié" is not "Mali".
		expect(findMentions('Malié', terms())).toEqual([]);
	});

	it('is case-sensitive, so "french fries" and "turkey" name no country', () => {
		expect(findMentions('french fries and roast turkey', terms())).toEqual([]);
	});

	it('lets a longer name of one country win over a shorter one of another', () => {
		expect(words(findMentions('Belfast, Northern Ireland; Dublin, Ireland', terms()))).toEqual([
			'GBR:Northern Ireland',
			'IRL:Dublin',
			'IRL:Ireland'
		]);
		expect(words(findMentions('Guinea-Bissau and Equatorial Guinea, not Guinea', terms()))).toEqual(
			['GNB:Guinea-Bissau', 'GNQ:Equatorial Guinea', 'GIN:Guinea']
		);
	});

	it('returns mentions sorted by start, never overlapping, each slicing back to its term', () => {
		const text =
			'Russia has massed about 100,000 troops near the Ukrainian borders and demanded security guarantees from NATO and the United States, including that NATO will never accept Ukraine.';
		const ms = findMentions(text, terms());
		expect(words(ms)).toEqual(['RUS:Russia', 'UKR:Ukrainian', 'USA:United States', 'UKR:Ukraine']);
		ms.forEach((m, i) => {
			expect(text.slice(m.start, m.end)).toBe(m.term);
			if (i > 0) expect(m.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
		});
	});

	it('escapes terms, so a dot or a bracket in a name is literal', () => {
		const t = new Map([['XXA', ['A.B (x)']]]);
		expect(findMentions('A.B (x) and AxB (x)', t)).toEqual([
			{ start: 0, end: 7, iso3: 'XXA', term: 'A.B (x)' }
		]);
	});

	it('finds nothing with no terms', () => {
		expect(findMentions('Russia', new Map())).toEqual([]);
	});
});

const country = (iso3: string, add: string[], remove: string[]) => ({
	iso3,
	roles: [],
	terms: { add, remove },
	passages: { add: [], remove: [] },
	related: []
});

describe('termsFor', () => {
	it('merges the built-ins with terms.add, minus terms.remove', () => {
		const t = termsFor({ countries: [country('RUS', ['Kremlin', 'Putin'], ['Moscow'])] });
		expect(t.get('RUS')).toEqual([
			'Russia',
			'Russian Federation',
			'Russian',
			'Russians',
			'Kremlin',
			'Putin'
		]);
		// Countries the briefing does not list keep their built-in names.
		expect(t.get('DEU')).toEqual([...GAZETTEER.DEU!]);
	});

	it('accepts a listed country the gazetteer does not know', () => {
		// Every basemap code is known now (Kosovo too), so an unknown code stands in.
		const t = termsFor({ countries: [country('ZZZ', ['Zed'], [])] });
		expect(t.get('ZZZ')).toEqual(['Zed']);
	});
});

describe('the whole world', () => {
	const find = (text: string) => words(findMentions(text, terms()));

	it('knows the countries the hand-typed table missed, with demonyms and capitals', () => {
		expect(find('Iran, Benin and Chad; Iranians in Tehran, Beninese in Porto-Novo')).toEqual([
			'IRN:Iran',
			'BEN:Benin',
			'TCD:Chad',
			'IRN:Iranians',
			'IRN:Tehran',
			'BEN:Beninese',
			'BEN:Porto-Novo'
		]);
		expect(find("Chadian troops left N’Djamena and N'Djamena")).toEqual([
			'TCD:Chadian',
			'TCD:N’Djamena',
			"TCD:N'Djamena"
		]);
	});

	it('finds the common alternates', () => {
		expect(
			find(
				'Ivory Coast, Turkey, Burma, Swaziland, the Czech Republic, Holland, the DRC and South Korea'
			)
		).toEqual([
			'CIV:Ivory Coast',
			'TUR:Turkey',
			'MMR:Burma',
			'SWZ:Swaziland',
			'CZE:Czech Republic',
			'NLD:Holland',
			'COD:DRC',
			'KOR:South Korea'
		]);
		expect(find('Côte d’Ivoire, Türkiye, Myanmar, Eswatini, Czechia, the Netherlands')).toEqual([
			'CIV:Côte d’Ivoire',
			'TUR:Türkiye',
			'MMR:Myanmar',
			'SWZ:Eswatini',
			'CZE:Czechia',
			'NLD:Netherlands'
		]);
		expect(find('from Kiev and Kyiv, Rangoon and Nur-Sultan')).toEqual([
			'UKR:Kiev',
			'UKR:Kyiv',
			'MMR:Rangoon',
			'KAZ:Nur-Sultan'
		]);
	});

	it('never finds Niger inside Nigeria or Nigerian', () => {
		expect(find('Nigeria and Nigerian troops, Nigerians, Niger and Nigerien troops')).toEqual([
			'NGA:Nigeria',
			'NGA:Nigerian',
			'NGA:Nigerians',
			'NER:Niger',
			'NER:Nigerien'
		]);
		expect(find('Niger’s border')).toEqual(['NER:Niger']);
	});

	it('never counts Guinea-Bissau, Equatorial Guinea or Papua New Guinea also as Guinea', () => {
		expect(
			find(
				'Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea; Bissau-Guinean and Guinean'
			)
		).toEqual([
			'GNB:Guinea-Bissau',
			'GNQ:Equatorial Guinea',
			'PNG:Papua New Guinea',
			'GIN:Guinea',
			'GNB:Bissau-Guinean',
			'GIN:Guinean'
		]);
		expect(find('Equatorial Guinean and Papua New Guinean officials')).toEqual([
			'GNQ:Equatorial Guinean',
			'PNG:Papua New Guinean'
		]);
		// The island and the gulf name no country.
		expect(find('the island of New Guinea and the Gulf of Guinea')).toEqual([]);
	});

	it('tells the two Congos apart, and leaves a bare "Congo" to the briefing', () => {
		expect(
			find(
				'the Democratic Republic of the Congo, the Republic of the Congo, the DRC, Congo-Brazzaville'
			)
		).toEqual([
			'COD:Democratic Republic of the Congo',
			'COG:Republic of the Congo',
			'COD:DRC',
			'COG:Congo-Brazzaville'
		]);
		expect(find('Kinshasa and Brazzaville')).toEqual(['COD:Kinshasa', 'COG:Brazzaville']);
		expect(find('Congo and the Congolese')).toEqual([]);
		const t = termsFor({ countries: [country('COD', ['Congo'], [])] });
		expect(words(findMentions('Congo and the Republic of the Congo', t))).toEqual([
			'COD:Congo',
			'COG:Republic of the Congo'
		]);
	});

	it('tells Sudan from South Sudan, Dominica from the Dominican Republic, the two Koreas', () => {
		expect(find('South Sudan and Sudan; South Sudanese and Sudanese')).toEqual([
			'SSD:South Sudan',
			'SDN:Sudan',
			'SSD:South Sudanese',
			'SDN:Sudanese'
		]);
		expect(find('Dominica, the Dominican Republic, a Dominican')).toEqual([
			'DMA:Dominica',
			'DOM:Dominican Republic',
			'DOM:Dominican'
		]);
		expect(find('North Korea, South Korea, North Korean, South Koreans, Korea, Korean')).toEqual([
			'PRK:North Korea',
			'KOR:South Korea',
			'PRK:North Korean',
			'KOR:South Koreans'
		]);
	});

	it('reads "North Macedonia" as the country and a bare "Macedonia" as nothing', () => {
		expect(find('North Macedonia, Skopje; Macedonia, Macedonian')).toEqual([
			'MKD:North Macedonia',
			'MKD:Skopje'
		]);
	});

	it('keeps Georgia, Jordan and Chad, which a briefing can remove where they mean something else', () => {
		expect(find('Georgia, Jordan and Chad')).toEqual(['GEO:Georgia', 'JOR:Jordan', 'TCD:Chad']);
		expect(find('the Jordan River, the River Jordan, Washington State')).toEqual([]);
		expect(find('the Indian Ocean, New Mexico, American Samoa; Indian troops')).toEqual([
			'IND:Indian'
		]);
		const t = termsFor({
			countries: [country('GEO', [], ['Georgia']), country('TCD', [], ['Chad'])]
		});
		expect(words(findMentions('Atlanta, Georgia; Chad Smith; Tbilisi', t))).toEqual([
			'GEO:Tbilisi'
		]);
	});

	it('lets a briefing make a blocked phrase its own term', () => {
		const t = termsFor({ countries: [country('NGA', ['Niger Delta'], [])] });
		expect(words(findMentions('the Niger Delta', t))).toEqual(['NGA:Niger Delta']);
		expect(find('the Niger Delta')).toEqual([]);
	});

	it('keeps metonyms out: they stay per-briefing terms', () => {
		const all = new Set([...Object.values(GAZETTEER), ...Object.values(frTable)].flat());
		for (const m of [
			'Kremlin',
			'the Kremlin',
			'Élysée',
			'the Élysée',
			'Downing Street',
			'White House'
		]) {
			expect(all.has(m), m).toBe(false);
		}
	});
});

describe('French', () => {
	const fr = () => new Map(Object.entries(frTable));
	const find = (text: string) => words(findWith(text, fr(), gazetteerFor('fr').notACountry));

	it('does not take a French phrase that names no country for the country inside it', () => {
		expect(
			find("la Nouvelle-Guinée, le golfe de Guinée, l'océan Indien, le Nouveau-Mexique")
		).toEqual([]);
		expect(find('le delta du Niger, au Niger et en Papouasie-Nouvelle-Guinée')).toEqual([
			'NER:Niger',
			'PNG:Papouasie-Nouvelle-Guinée'
		]);
	});

	it('picks the table by language code: French for French, English for any other', () => {
		expect(gazetteerFor('fr').names).toBe(frTable);
		expect(gazetteerFor('fr-FR').names).toBe(frTable);
		expect(gazetteerFor('FR_ca').names).toBe(frTable);
		expect(gazetteerFor('en').names).toBe(GAZETTEER);
		expect(gazetteerFor('de').names).toBe(GAZETTEER);
		expect(gazetteerFor(undefined).names).toBe(GAZETTEER);
		expect(Object.keys(frTable)).toEqual(Object.keys(GAZETTEER));
		expect(frTable.RUS).toContain('Russie');
	});

	it('finds country and capital names in French, whatever the article before them', () => {
		expect(find('la Russie, Moscou, les États-Unis et aux États-Unis, en Russie')).toEqual([
			'RUS:Russie',
			'RUS:Moscou',
			'USA:États-Unis',
			'USA:États-Unis',
			'RUS:Russie'
		]);
		expect(find('Londres, Pékin, Varsovie, le Royaume-Uni, l’Allemagne, Berlin')).toEqual([
			'GBR:Londres',
			'CHN:Pékin',
			'POL:Varsovie',
			'GBR:Royaume-Uni',
			'DEU:Allemagne',
			'DEU:Berlin'
		]);
	});

	it('finds demonyms as nouns and as lower-case adjectives, with plurals', () => {
		expect(find('les Russes et les forces russes, le président français')).toEqual([
			'RUS:Russes',
			'RUS:russes',
			'FRA:français'
		]);
	});

	it('handles the same ambiguities', () => {
		expect(find('le Niger et le Nigeria, nigérien et nigérian')).toEqual([
			'NER:Niger',
			'NGA:Nigeria',
			'NER:nigérien',
			'NGA:nigérian'
		]);
		expect(find('la Guinée-Bissau, la Guinée équatoriale et la Guinée')).toEqual([
			'GNB:Guinée-Bissau',
			'GNQ:Guinée équatoriale',
			'GIN:Guinée'
		]);
		expect(find('la RDC, le Congo, la Macédoine du Nord, la Macédoine, la Corée du Sud')).toEqual([
			'COD:RDC',
			'MKD:Macédoine du Nord',
			'KOR:Corée du Sud'
		]);
	});

	it('merges a briefing’s terms into the French table', () => {
		const t = termsFor({ countries: [country('RUS', ['Kremlin'], ['Moscou'])] }, frTable);
		expect(words(mentionFinder(t)('le Kremlin, Moscou et la Russie'))).toEqual([
			'RUS:Kremlin',
			'RUS:Russie'
		]);
	});
});
