/**
 * "Find countries" in the editor: every country the whole-world gazetteer finds in an article,
 * with the passages that name it, for the "Countries found" list. Pure data, so the list only
 * renders and the same answers are pinned by unit tests (find-countries.test.ts, over the articles
 * in tests/fixtures/articles/).
 *
 * The matching is the gazetteer's own (termsFor + mentionFinder), the same that marks passages in
 * the country panel: a country listed here is one the panel will find passages for, and a fix to
 * the tables (scripts/geodata/gazetteer-exceptions.js) fixes both.
 */
import {
	gazetteerFor,
	mentionFinder,
	termsFor,
	type GazetteerTables,
	type Mention,
	type TermEdits
} from '$lib/briefing/gazetteer';
import { COUNTRY_NAMES } from '$lib/map/geodata';

// The article is split as a briefing's article is (blocks between blank lines, numbered from 1),
// so the paragraph numbers shown here are the ones the briefing will quote ("para. 4").
export { splitParagraphs as splitArticle } from '$lib/briefing/text.js';

export interface FoundCountry {
	iso3: string;
	/** The basemap's English short name; the gazetteer's first name for a country it cannot draw. */
	name: string;
	/** The 1-based numbers of the paragraphs that name it, in article order. */
	passages: number[];
	/** Its first mention: `text` is the whole paragraph, `text.slice(start, end)` the words. */
	first: { paragraph: number; text: string; start: number; end: number };
}

export interface FindOptions {
	/** The article's language tag; the edits' language, then English, when absent. */
	language?: string;
	/** The briefing's own terms (`terms.add` / `terms.remove`), applied over the built-in table. */
	edits?: TermEdits;
}

// Compiling the pattern of some 1,100 names is the costliest step for a short article; the
// built-in tables never change while the page is open, so without edits it is done once per
// language.
const plainFinders = new WeakMap<GazetteerTables, (text: string) => Mention[]>();

function finderFor(tables: GazetteerTables, edits: TermEdits | undefined) {
	if (edits && edits.countries.length > 0) {
		return mentionFinder(termsFor(edits, tables.names), tables.notACountry);
	}
	let find = plainFinders.get(tables);
	if (!find) {
		find = mentionFinder(termsFor({ countries: [] }, tables.names), tables.notACountry);
		plainFinders.set(tables, find);
	}
	return find;
}

let basemapNames: Map<string, string> | undefined;

function nameOf(iso3: string, tables: GazetteerTables): string {
	basemapNames ??= new Map(COUNTRY_NAMES.map((c) => [c.iso3, c.name]));
	return basemapNames.get(iso3) ?? tables.names[iso3]?.[0] ?? iso3;
}

/**
 * The countries named in `paragraphs`, most passages first, then by first appearance. A country
 * counts once per paragraph, however many times the paragraph names it.
 */
export function findCountries(
	paragraphs: readonly string[],
	options: FindOptions = {}
): FoundCountry[] {
	const tables = gazetteerFor(options.language ?? options.edits?.language);
	const find = finderFor(tables, options.edits);
	const found = new Map<string, FoundCountry>();
	paragraphs.forEach((text, index) => {
		const paragraph = index + 1;
		for (const m of find(text)) {
			const country = found.get(m.iso3);
			if (!country) {
				found.set(m.iso3, {
					iso3: m.iso3,
					name: nameOf(m.iso3, tables),
					passages: [paragraph],
					first: { paragraph, text, start: m.start, end: m.end }
				});
			} else if (country.passages.at(-1) !== paragraph) {
				country.passages.push(paragraph);
			}
		}
	});
	// Insertion order is first appearance (paragraphs in order, mentions sorted by start), and
	// the sort is stable, so ties on the count keep it.
	return [...found.values()].sort((a, b) => b.passages.length - a.passages.length);
}
