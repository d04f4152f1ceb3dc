/**
 * Which words of an article name which country. The built-in table holds only general names
 * (country, short forms, demonyms, capital); anything story-specific, such as a leader's surname
 * or "the Kremlin", comes from the briefing's `terms.add`, so the code knows no story.
 */
import gazetteer from '../../../geodata/gazetteer.json';

/** What the terms of a briefing are read from: its countries' additions and removals. */
export interface TermEdits {
	countries: readonly {
		iso3: string;
		terms: { add: readonly string[]; remove: readonly string[] };
	}[];
}

/**
 * Names per ISO 3166-1 alpha-3 code, matched case-sensitively on word boundaries, for every
 * country and territory of the basemap and the micro-states above. Built by `npm run geodata`
 * (scripts/geodata/gazetteer.js) from CLDR, i18n-iso-countries and world-countries: short and
 * official names, alternates ("Ivory Coast", "Burma"), demonyms with their plurals (listed, because
 * "Russians" must not fall back to "Russian" + "s"), capitals and former capital names ("Kiev").
 * The hand-kept exceptions, each with its reason, are in scripts/geodata/gazetteer-exceptions.js:
 * left out because in news copy they usually name something else or two countries at once are
 * "Brussels" (the EU), "The Hague" (the courts), "America"/"American" (also the continents),
 * "Macedonia" (also a Greek region), "Congo" and "Korea" (two countries each), "Pole(s)" (also
 * the geographic poles), and surnames of any kind.
 */
export const GAZETTEER: Readonly<Record<string, readonly string[]>> = gazetteer.en;

/**
 * Phrases that contain a country's name but name no country ("New Guinea", "Gulf of Guinea",
 * "Indian Ocean", "Jordan River"): matched as wholes, so the name inside them is not a mention,
 * unless a briefing makes one of them a term of its own.
 */
export const NOT_A_COUNTRY: readonly string[] = gazetteer.notACountry;

/** A gazetteer: names per ISO alpha-3 code. */
export type Gazetteer = Readonly<Record<string, readonly string[]>>;

/**
 * The built-in table for a language code ("fr", "fr-FR"): French for French, English otherwise.
 * The French table (geodata/gazetteer-fr.json, from the same sources) is loaded only when asked
 * for, so an English briefing does not carry it. Briefings have no language field yet, so the app
 * uses English; a French briefing will pick its table through this. French names carry no
 * article: "Russie" is found in "la Russie", "de Russie" and "en Russie" alike, "États-Unis" in
 * "les États-Unis" and "aux États-Unis", and demonyms come as nouns and lower-case adjectives
 * ("les Russes", "les forces russes").
 */
export async function gazetteerFor(language: string): Promise<Gazetteer> {
	if (language.toLowerCase().split(/[-_]/)[0] !== 'fr') return GAZETTEER;
	return (await import('../../../geodata/gazetteer-fr.json')).default;
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
	table: Readonly<Record<string, readonly string[]>> = GAZETTEER
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
	terms: ReadonlyMap<string, readonly string[]>
): (text: string) => Mention[] {
	// First country wins a term claimed twice, so the result never depends on sort stability.
	const owner = new Map<string, string>();
	for (const [iso3, names] of terms) {
		for (const name of names) if (name && !owner.has(name)) owner.set(name, iso3);
	}
	if (owner.size === 0) return () => [];
	// A phrase that names no country is matched too (and then skipped), so the longer phrase
	// hides the country's name inside it: "New Guinea" is not Guinea.
	const blockers = NOT_A_COUNTRY.filter((phrase) => !owner.has(phrase));
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
	terms: ReadonlyMap<string, readonly string[]>
): Mention[] {
	return mentionFinder(terms)(text);
}
