/**
 * Which words of an article name which country. The built-in table holds only general names
 * (country, short forms, demonyms, capital); anything story-specific, such as a leader's surname
 * or "the Kremlin", comes from the briefing's `terms.add`, so the code knows no story.
 */
import names from '../../../geodata/names.json';
import type { Briefing } from './schema';

/**
 * The countries the basemap draws (built by scripts/geodata into geodata/names.json, which the
 * map reads too): a briefing can list, relate, fit or concern only these. A few of the table's
 * countries below are too small for it (Andorra, Liechtenstein, Malta, Monaco, San Marino, the
 * Vatican): an article may name them, and the panel quotes it, but a briefing cannot list them.
 */
export const BASEMAP_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(names));

/**
 * Names per ISO 3166-1 alpha-3 code, matched case-sensitively on word boundaries. Plurals are
 * listed because "Russians" must not fall back to "Russian" + "s". Left out on purpose, because in
 * news copy they usually name something else: "Brussels" (the EU), "The Hague" (the courts),
 * "America"/"American" (also the continents), "Macedonia" (also a Greek region), "Pole(s)" (also
 * the geographic poles), and surnames of any kind.
 */
export const GAZETTEER: Readonly<Record<string, readonly string[]>> = {
	// The story's countries.
	FRA: ['France', 'French', 'Frenchman', 'Frenchmen', 'Frenchwoman', 'Frenchwomen', 'Paris'],
	RUS: ['Russia', 'Russian Federation', 'Russian', 'Russians', 'Moscow'],
	UKR: ['Ukraine', 'Ukrainian', 'Ukrainians', 'Kyiv', 'Kiev'],
	MLI: ['Mali', 'Malian', 'Malians', 'Bamako'],
	HUN: ['Hungary', 'Hungarian', 'Hungarians', 'Budapest'],
	SVN: ['Slovenia', 'Slovenian', 'Slovenians', 'Slovene', 'Slovenes', 'Ljubljana'],
	GBR: [
		'United Kingdom',
		'UK',
		'U.K.',
		'Great Britain',
		'Britain',
		'British',
		'Briton',
		'Britons',
		'England',
		'Scotland',
		'Wales',
		'Northern Ireland',
		'London'
	],
	USA: ['United States of America', 'United States', 'U.S.A.', 'USA', 'U.S.', 'US', 'Washington'],
	BLR: ['Belarus', 'Belarusian', 'Belarusians', 'Minsk'],

	// The rest of Europe, for briefings about it and for neighbours an article names in passing.
	ALB: ['Albania', 'Albanian', 'Albanians', 'Tirana'],
	AND: ['Andorra', 'Andorran', 'Andorrans', 'Andorra la Vella'],
	AUT: ['Austria', 'Austrian', 'Austrians', 'Vienna'],
	BEL: ['Belgium', 'Belgian', 'Belgians'],
	BIH: [
		'Bosnia and Herzegovina',
		'Bosnia-Herzegovina',
		'Bosnia',
		'Bosnian',
		'Bosnians',
		'Sarajevo'
	],
	BGR: ['Bulgaria', 'Bulgarian', 'Bulgarians', 'Sofia'],
	HRV: ['Croatia', 'Croatian', 'Croatians', 'Croats', 'Zagreb'],
	CYP: ['Cyprus', 'Cypriot', 'Cypriots', 'Nicosia'],
	CZE: ['Czech Republic', 'Czechia', 'Czech', 'Czechs', 'Prague'],
	DNK: ['Denmark', 'Danish', 'Danes', 'Copenhagen'],
	EST: ['Estonia', 'Estonian', 'Estonians', 'Tallinn'],
	FIN: ['Finland', 'Finnish', 'Finns', 'Helsinki'],
	DEU: ['Germany', 'German', 'Germans', 'Berlin'],
	GRC: ['Greece', 'Greek', 'Greeks', 'Athens'],
	ISL: ['Iceland', 'Icelandic', 'Icelanders', 'Reykjavik', 'Reykjavík'],
	IRL: ['Republic of Ireland', 'Ireland', 'Irish', 'Dublin'],
	ITA: ['Italy', 'Italian', 'Italians', 'Rome'],
	LVA: ['Latvia', 'Latvian', 'Latvians', 'Riga'],
	LIE: ['Liechtenstein', 'Vaduz'],
	LTU: ['Lithuania', 'Lithuanian', 'Lithuanians', 'Vilnius'],
	LUX: ['Luxembourg', 'Luxembourgish', 'Luxembourger', 'Luxembourgers'],
	MLT: ['Malta', 'Maltese', 'Valletta'],
	MDA: ['Moldova', 'Moldovan', 'Moldovans', 'Chișinău', 'Chisinau'],
	MCO: ['Monaco', 'Monegasque'],
	MNE: ['Montenegro', 'Montenegrin', 'Montenegrins', 'Podgorica'],
	NLD: ['Netherlands', 'Holland', 'Dutch', 'Amsterdam'],
	MKD: ['North Macedonia', 'Skopje'],
	NOR: ['Norway', 'Norwegian', 'Norwegians', 'Oslo'],
	POL: ['Poland', 'Polish', 'Warsaw'],
	PRT: ['Portugal', 'Portuguese', 'Lisbon'],
	ROU: ['Romania', 'Romanian', 'Romanians', 'Bucharest'],
	SMR: ['San Marino', 'Sammarinese'],
	SRB: ['Serbia', 'Serbian', 'Serbians', 'Serbs', 'Belgrade'],
	SVK: ['Slovakia', 'Slovak', 'Slovaks', 'Slovakian', 'Bratislava'],
	ESP: ['Spain', 'Spanish', 'Spaniards', 'Madrid'],
	SWE: ['Sweden', 'Swedish', 'Swedes', 'Stockholm'],
	CHE: ['Switzerland', 'Swiss', 'Bern'],
	VAT: ['Vatican City', 'Holy See'],

	// Russia's other neighbours and the powers most often named beside it.
	TUR: ['Türkiye', 'Turkey', 'Turkish', 'Turks', 'Ankara'],
	GEO: ['Georgia', 'Georgian', 'Georgians', 'Tbilisi'],
	ARM: ['Armenia', 'Armenian', 'Armenians', 'Yerevan'],
	AZE: ['Azerbaijan', 'Azerbaijani', 'Azerbaijanis', 'Azeri', 'Baku'],
	// The capital was called Nur-Sultan from 2019 to 2022, so both names occur in the period's news.
	KAZ: ['Kazakhstan', 'Kazakh', 'Kazakhs', 'Astana', 'Nur-Sultan'],
	CHN: ["People's Republic of China", 'People’s Republic of China', 'China', 'Chinese', 'Beijing'],
	CAN: ['Canada', 'Canadian', 'Canadians', 'Ottawa'],
	SYR: ['Syria', 'Syrian', 'Syrians', 'Damascus'],
	LBY: ['Libya', 'Libyan', 'Libyans', 'Tripoli'],

	// Mali's neighbours, and the other states where the same mercenaries were reported.
	DZA: ['Algeria', 'Algerian', 'Algerians', 'Algiers'],
	NER: ['Niger', 'Nigerien', 'Nigeriens', 'Niamey'],
	NGA: ['Nigeria', 'Nigerian', 'Nigerians', 'Abuja'],
	BFA: ['Burkina Faso', 'Burkinabe', 'Burkinabè', 'Ouagadougou'],
	CIV: ['Côte d’Ivoire', "Côte d'Ivoire", 'Ivory Coast', 'Ivorian', 'Ivorians', 'Yamoussoukro'],
	GIN: ['Guinea', 'Guinean', 'Guineans', 'Conakry'],
	GNB: ['Guinea-Bissau', 'Bissau'],
	GNQ: ['Equatorial Guinea', 'Equatoguinean', 'Malabo'],
	SEN: ['Senegal', 'Senegalese', 'Dakar'],
	MRT: ['Mauritania', 'Mauritanian', 'Mauritanians', 'Nouakchott'],
	CAF: ['Central African Republic', 'Bangui']
};

/** The built-in names of a country; empty for a code the table does not know. */
export function builtInTerms(iso3: string): readonly string[] {
	return GAZETTEER[iso3] ?? [];
}

/** One place where the text names a country: `text.slice(start, end) === term`. */
export interface Mention {
	start: number;
	end: number;
	iso3: string;
	term: string;
}

/**
 * The terms that name each country in one briefing: the built-in table for every country it
 * knows (so a passing "Germany" is still found), plus each listed country's `terms.add`, minus
 * its `terms.remove`.
 */
export function termsFor(briefing: Pick<Briefing, 'countries'>): Map<string, string[]> {
	const terms = new Map<string, string[]>();
	for (const [iso3, names] of Object.entries(GAZETTEER)) terms.set(iso3, [...names]);
	for (const country of briefing.countries) {
		const removed = new Set(country.terms.remove);
		const merged = [...(terms.get(country.iso3) ?? []), ...country.terms.add];
		terms.set(
			country.iso3,
			[...new Set(merged)].filter((t) => !removed.has(t))
		);
	}
	return terms;
}

// Letters, combining marks, digits and the underscore count as word characters, so "Russian"
// never matches inside "Belarussian" and "Mali" never inside "Somali"; apostrophes, curly or
// straight, do not, so "Russia’s" and "Macron's" still name Russia and Macron.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

// Only these are escapable in a `u`-flag pattern: escaping anything else (a hyphen, say) is a
// syntax error there, unlike in a legacy pattern.
function escapeForPattern(term: string): string {
	return term.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Compiles the terms once into a function that finds mentions in any text; passages use it over
 * every paragraph, so the pattern of a few hundred names is not rebuilt for each one.
 */
export function mentionFinder(
	terms: ReadonlyMap<string, readonly string[]>
): (text: string) => Mention[] {
	// First country wins a term claimed twice, so the result never depends on sort stability.
	const owner = new Map<string, string>();
	for (const [iso3, names] of terms) {
		for (const name of names) if (name && !owner.has(name)) owner.set(name, iso3);
	}
	if (owner.size === 0) return () => [];
	// A regex alternation takes the first alternative that fits, not the longest, so listing the
	// longest terms first makes "Russian" beat "Russia" and "United States" beat any part of it;
	// scanning left to right then yields leftmost-longest, non-overlapping matches.
	const alternatives = [...owner.keys()]
		.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
		.map(escapeForPattern);
	const pattern = new RegExp(
		`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`,
		'gu'
	);
	return (text) => {
		const mentions: Mention[] = [];
		for (const match of text.matchAll(pattern)) {
			const term = match[0];
			const iso3 = owner.get(term);
			if (iso3 === undefined) continue;
			mentions.push({ start: match.index, end: match.index + term.length, iso3, term });
		}
		return mentions;
	};
}

/**
 * Every mention of a country in `text`, sorted by start and never overlapping: matched
 * case-sensitively on Unicode word boundaries, longest term first.
 */
export function findMentions(
	text: string,
	terms: ReadonlyMap<string, readonly string[]>
): Mention[] {
	return mentionFinder(terms)(text);
}
