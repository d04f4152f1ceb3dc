import { describe, expect, it } from 'vitest';
import { BASEMAP_COUNTRIES, findMentions, GAZETTEER, termsFor, type Mention } from './gazetteer';

const builtIns = new Map(Object.entries(GAZETTEER));

function terms(extra: Record<string, string[]> = {}): Map<string, readonly string[]> {
	const map = new Map<string, readonly string[]>(builtIns);
	for (const [iso3, names] of Object.entries(extra)) {
		map.set(iso3, [...(map.get(iso3) ?? []), ...names]);
	}
	return map;
}

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

	it('names countries of the basemap, but for six states too small for it', () => {
		expect(BASEMAP_COUNTRIES.size).toBe(177);
		expect(Object.keys(GAZETTEER).filter((iso3) => !BASEMAP_COUNTRIES.has(iso3))).toEqual([
			'AND',
			'LIE',
			'MLT',
			'MCO',
			'SMR',
			'VAT'
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
		expect(findMentions('Somalia and Belarussian and Frenchness', terms())).toEqual([]);
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

describe('termsFor', () => {
	const country = (iso3: string, add: string[], remove: string[]) => ({
		iso3,
		roles: [],
		terms: { add, remove },
		passages: { add: [], remove: [] },
		related: []
	});

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
		const t = termsFor({ countries: [country('XKX', ['Kosovo'], [])] });
		expect(t.get('XKX')).toEqual(['Kosovo']);
	});
});
