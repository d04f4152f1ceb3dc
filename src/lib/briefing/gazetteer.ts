/**
 * Which words of an article name which country. The built-in table holds only general names
 * (country, short forms, demonyms, capital); anything story-specific, such as a leader's surname
 * or "the Kremlin", comes from the briefing's `terms.add`, so the code knows no story.
 */

/** What the terms of a briefing are read from: its language and its countries' edits. */
export interface TermEdits {
	/** The document's language tag; English when absent. */
	language?: string;
	countries: readonly {
		iso3: string;
		terms: { add: readonly string[]; remove: readonly string[] };
	}[];
}

/** A gazetteer: names per ISO alpha-3 code. */
export type Gazetteer = Readonly<Record<string, readonly string[]>>;

/**
 * One language's built-in tables, made by `npm run geodata` (scripts/geodata/gazetteer.js) from
 * CLDR, i18n-iso-countries and world-countries, for every country and territory of the basemap
 * and the micro-states it cannot draw:
 * - `names`, matched case-sensitively on word boundaries: short and official names, alternates
 *   ("Ivory Coast", "Burma"), demonyms with their plurals (listed, because "Russians" must not
 *   fall back to "Russian" + "s"), capitals and former capital names. French names carry no
 *   article ("Russie" is found in "la Russie" and "en Russie" alike), and French demonyms come as
 *   nouns and lower-case adjectives ("les Russes", "les forces russes").
 * - `notACountry`: phrases that contain a country's name but name no country ("New Guinea",
 *   "Gulf of Guinea", "Jordan River"), matched as wholes so the name inside them is no mention,
 *   unless a briefing makes one of them a term of its own.
 * The hand-kept exceptions, each with its reason, are in scripts/geodata/gazetteer-exceptions.js:
 * left out because in news copy they usually name something else or two countries at once are
 * "Brussels" (the EU), "The Hague" (the courts), "America"/"American" (also the continents),
 * "Macedonia" (also a Greek region), "Congo" and "Korea" (two countries each), "Pole(s)" (also
 * the geographic poles), and surnames of any kind.
 *
 * The tables are data, not code: the app fetches the one a briefing's language needs
 * (src/lib/content/gazetteer.ts) and hands it here before it reads the briefing; the build and
 * the unit tests hand over the files as they are.
 */
export interface GazetteerTables {
	names: Gazetteer;
	notACountry: readonly string[];
}

/** The languages with a built-in table: French, and English for every other language. */
export type GazetteerLanguage = 'en' | 'fr';

/** The table a language tag ("fr", "fr-FR", "en-GB", "de") is read with. */
export function gazetteerLanguage(tag: string | undefined): GazetteerLanguage {
	return tag?.toLowerCase().split(/[-_]/)[0] === 'fr' ? 'fr' : 'en';
}

const provided = new Map<GazetteerLanguage, GazetteerTables>();

/** Makes a language's tables available to everything that reads briefings. */
export function provideGazetteer(language: GazetteerLanguage, tables: GazetteerTables): void {
	provided.set(language, tables);
}

/** Every table provided so far, to hand to another thread that reads briefings. */
export function providedGazetteers(): [GazetteerLanguage, GazetteerTables][] {
	return [...provided];
}

/** Whether the tables for a language tag have been provided. */
export function hasGazetteer(tag: string | undefined): boolean {
	return provided.has(gazetteerLanguage(tag));
}

/**
 * The tables for a language tag. Reading a briefing before its language's tables are provided is
 * a mistake of the code, not of the briefing: it throws.
 */
export function gazetteerFor(tag: string | undefined): GazetteerTables {
	const language = gazetteerLanguage(tag);
	const tables = provided.get(language);
	if (!tables) throw new Error(`The ${language} gazetteer has not been loaded`);
	return tables;
}

const isNameTable = (x: unknown): x is Gazetteer =>
	typeof x === 'object' &&
	x !== null &&
	!Array.isArray(x) &&
	Object.entries(x).every(
		([code, names]) =>
			/^[A-Z]{3}$/.test(code) &&
			Array.isArray(names) &&
			names.every((n) => typeof n === 'string' && n.length > 0)
	);
const isPhraseList = (x: unknown): x is string[] =>
	Array.isArray(x) && x.every((p) => typeof p === 'string' && p.length > 0);

/**
 * A language's tables from its file under geodata/ (`gazetteer.json` for English,
 * `gazetteer-<language>.json` for the others): `{ notACountry: [phrase], <language>: { ISO3:
 * [name] } }`. Throws when a file does not have that shape (a stale or damaged asset).
 */
export function tablesFromFile(language: GazetteerLanguage, file: unknown): GazetteerTables {
	const record = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
	const names = record[language];
	const notACountry = record.notACountry;
	if (!isNameTable(names) || !isPhraseList(notACountry)) {
		throw new Error(`The ${language} gazetteer file is not a table of names by country code`);
	}
	return { names, notACountry };
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
export function termsFor(
	briefing: TermEdits,
	table: Gazetteer = gazetteerFor(briefing.language).names
): Map<string, string[]> {
	const terms = new Map<string, string[]>();
	for (const [iso3, names] of Object.entries(table)) terms.set(iso3, [...names]);
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
 * every paragraph, so the pattern of about a thousand names is not rebuilt for each one.
 */
export function mentionFinder(
	terms: ReadonlyMap<string, readonly string[]>,
	notACountry: readonly string[] = []
): (text: string) => Mention[] {
	// First country wins a term claimed twice, so the result never depends on sort stability.
	const owner = new Map<string, string>();
	for (const [iso3, names] of terms) {
		for (const name of names) if (name && !owner.has(name)) owner.set(name, iso3);
	}
	if (owner.size === 0) return () => [];
	// A phrase that names no country is matched too (and then skipped), so the longer phrase
	// hides the country's name inside it: "New Guinea" is not Guinea.
	const blockers = notACountry.filter((phrase) => !owner.has(phrase));
	// A regex alternation takes the first alternative that fits, not the longest, so listing the
	// longest terms first makes "Russian" beat "Russia" and "United States" beat any part of it;
	// scanning left to right then yields leftmost-longest, non-overlapping matches.
	const alternatives = [...owner.keys(), ...blockers]
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
	terms: ReadonlyMap<string, readonly string[]>,
	notACountry: readonly string[] = []
): Mention[] {
	return mentionFinder(terms, notACountry)(text);
}
