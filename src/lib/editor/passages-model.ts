/**
 * A country's passages in the editor: the paragraphs its panel on the map will show ("the passages
 * that concern it"), and the author's corrections to them, as pure Draft → Draft functions.
 *
 * The passages are the panel's own (passagesFor in $lib/briefing/passages.ts), computed over the
 * draft's document: every paragraph where the gazetteer's names or the briefing's story terms name
 * the country, plus its `passages.add`, minus its `passages.remove`. There is one matcher.
 *
 * Story terms "count everywhere", because that is how the document works: termsFor builds one
 * table of names for the whole briefing, the built-in names plus every listed country's
 * `terms.add` (minus its `terms.remove`), and that table finds mentions in every paragraph. A term
 * added for a country therefore adds that country to every paragraph that uses it, in its panel
 * and in the map's country index, and "Find countries" reads the article with the same edits
 * (`termEditsOf`), so its counts agree with the panel. A term another country already owns (a
 * built-in name, or another country's story term) would be matched for the first owner only, so
 * it is refused with the name of that country.
 *
 * Every change is checked here, with an error that names the problem, so the author sees why
 * nothing happened; a draft that still breaks a rule (one written by hand, or an article cut
 * afterwards) is reported, field by field, when it is exported.
 */
import { gazetteerFor, type TermEdits } from '$lib/briefing/gazetteer';
import { LIMITS } from '$lib/briefing/limits';
import { passagesFor, type Passage, type ServedBriefing } from '$lib/briefing/passages';
import { findCountries } from './find-countries';
import { isFoundStale, type CountryInput, type Draft } from './draft-model';

export type { Passage } from '$lib/briefing/passages';

/** A change made, or why it was not: one sentence, naming the country and the problem. */
export type EditResult = { ok: true; draft: Draft } | { ok: false; error: string };

const termsOf = (c: CountryInput) => ({
	add: [...(c.terms?.add ?? [])],
	remove: [...(c.terms?.remove ?? [])]
});
const passagesEditOf = (c: CountryInput) => ({
	add: [...(c.passages?.add ?? [])],
	remove: [...(c.passages?.remove ?? [])]
});

/** The draft's terms as the gazetteer reads them: its language and every listed country's edits. */
export function termEditsOf(draft: Draft): TermEdits {
	return {
		language: draft.document.language,
		countries: draft.document.countries.map((c) => ({ iso3: c.iso3, terms: termsOf(c) }))
	};
}

// passagesFor keeps the mentions it reads per briefing object; a draft is immutable, so one view of
// it serves every country's passages (the pattern is compiled once, not per country). The view is
// kept by the draft's paragraphs and countries (the arrays an edit elsewhere, a title typed, keeps
// as they are), so only a change of the article or of a country reads the article again.
// The plain view leaves out every hand edit of passages: what the names alone find.
type Views = WeakMap<readonly string[], WeakMap<readonly CountryInput[], ServedBriefing>>;
const views: Views = new WeakMap();
const plainViews: Views = new WeakMap();

/**
 * The parts of the draft the panel's passages read, in the served shape (defaults filled in).
 * Only `language`, `article.paragraphs` and `countries` are read by passagesFor.
 */
function viewOf(draft: Draft, plain = false): ServedBriefing {
	const doc = draft.document;
	const cache = plain ? plainViews : views;
	let byCountries = cache.get(doc.article.paragraphs);
	if (!byCountries) cache.set(doc.article.paragraphs, (byCountries = new WeakMap()));
	let view = byCountries.get(doc.countries);
	if (!view || view.language !== doc.language) {
		view = {
			language: doc.language,
			article: { paragraphs: doc.article.paragraphs },
			countries: doc.countries.map((c) => ({
				iso3: c.iso3,
				roles: [],
				terms: termsOf(c),
				passages: plain ? { add: [], remove: [] } : passagesEditOf(c),
				related: []
			}))
		} as unknown as ServedBriefing;
		byCountries.set(doc.countries, view);
	}
	return view;
}

/**
 * The passages of a country in the draft, as its panel on the map will show them: in article
 * order, each with its words naming the country marked. Needs the language's gazetteer loaded.
 */
export function passagesOf(draft: Draft, iso3: string): Passage[] {
	return passagesFor(viewOf(draft), iso3);
}

/** The paragraphs the names alone find for the country: its passages before any hand edit. */
function namedIn(draft: Draft, iso3: string): Set<number> {
	return new Set(passagesFor(viewOf(draft, true), iso3).map((p) => p.paragraph));
}

function entryOf(draft: Draft, iso3: string): CountryInput | undefined {
	return draft.document.countries.find((c) => c.iso3 === iso3);
}

function withEntry(draft: Draft, iso3: string, change: (c: CountryInput) => CountryInput): Draft {
	return {
		...draft,
		document: {
			...draft.document,
			countries: draft.document.countries.map((c) => (c.iso3 === iso3 ? change(c) : c))
		}
	};
}

const notListed = (name: string): EditResult => ({
	ok: false,
	error: `${name} is not in the briefing: check it in the list of countries first.`
});

function checkParagraph(draft: Draft, n: number): string | null {
	const count = draft.document.article.paragraphs.length;
	if (count === 0) return 'The article has no paragraphs yet.';
	if (!Number.isInteger(n) || n < 1 || n > count)
		return `Choose a paragraph from 1 to ${count}: the article has ${count} ${count === 1 ? 'paragraph' : 'paragraphs'}.`;
	return null;
}

/**
 * Shows paragraph `n` in the country's passages: a paragraph removed before comes back (out of
 * `passages.remove`); one the names do not find goes in `passages.add`.
 */
export function addPassage(
	draft: Draft,
	iso3: string,
	n: number,
	nameOf: (iso3: string) => string = (c) => c
): EditResult {
	const name = nameOf(iso3);
	const entry = entryOf(draft, iso3);
	if (!entry) return notListed(name);
	const bad = checkParagraph(draft, n);
	if (bad) return { ok: false, error: bad };
	if (passagesOf(draft, iso3).some((p) => p.paragraph === n))
		return { ok: false, error: `Paragraph ${n} is already a passage of ${name}.` };
	const edit = passagesEditOf(entry);
	if (edit.remove.includes(n)) edit.remove = edit.remove.filter((p) => p !== n);
	if (!namedIn(draft, iso3).has(n)) {
		if (edit.add.length >= LIMITS.passagesPerCountry)
			return {
				ok: false,
				error: `${name} already adds ${LIMITS.passagesPerCountry} paragraphs, the most a country can.`
			};
		edit.add = [...edit.add, n].sort((a, b) => a - b);
	}
	return { ok: true, draft: withEntry(draft, iso3, (c) => ({ ...c, passages: edit })) };
}

/**
 * Takes paragraph `n` out of the country's passages: one added by hand leaves `passages.add`; one
 * the names find is recorded in `passages.remove` (a paragraph can be both: added, then named by a
 * story term).
 */
export function removePassage(
	draft: Draft,
	iso3: string,
	n: number,
	nameOf: (iso3: string) => string = (c) => c
): EditResult {
	const name = nameOf(iso3);
	const entry = entryOf(draft, iso3);
	if (!entry) return notListed(name);
	const bad = checkParagraph(draft, n);
	if (bad) return { ok: false, error: bad };
	if (!passagesOf(draft, iso3).some((p) => p.paragraph === n))
		return { ok: false, error: `Paragraph ${n} is not a passage of ${name}.` };
	const edit = passagesEditOf(entry);
	edit.add = edit.add.filter((p) => p !== n);
	if (namedIn(draft, iso3).has(n)) {
		if (edit.remove.length >= LIMITS.passagesPerCountry)
			return {
				ok: false,
				error: `${name} already removes ${LIMITS.passagesPerCountry} paragraphs, the most a country can.`
			};
		edit.remove = [...edit.remove, n].sort((a, b) => a - b);
	}
	return { ok: true, draft: withEntry(draft, iso3, (c) => ({ ...c, passages: edit })) };
}

/** The story terms the author gave a country (its `terms.add`), in the order added. */
export function termsAdded(draft: Draft, iso3: string): string[] {
	const entry = entryOf(draft, iso3);
	return entry ? termsOf(entry).add : [];
}

/**
 * What "Find countries" found, read again with the draft's terms, when it is current: a story
 * term added or removed changes the counts of the list at once, as it changes the panel's.
 */
function refreshFound(draft: Draft): Draft {
	if (draft.editor.found === null || isFoundStale(draft)) return draft;
	const found = findCountries(draft.document.article.paragraphs, {
		language: draft.document.language,
		edits: termEditsOf(draft)
	});
	return { ...draft, editor: { ...draft.editor, found } };
}

/**
 * Adds a story term for a country ("the Kremlin", a leader's surname used alone): from then on it
 * names the country in every paragraph (see the file's comment). Trimmed; refused when empty, too
 * long, the country's already, another country's (built-in or story term), or past the limit. A
 * built-in name the country had removed is simply restored.
 */
export function addTerm(
	draft: Draft,
	iso3: string,
	raw: string,
	nameOf: (iso3: string) => string = (c) => c
): EditResult {
	const name = nameOf(iso3);
	const entry = entryOf(draft, iso3);
	if (!entry) return notListed(name);
	const term = raw.trim().replace(/\s+/g, ' ');
	if (!term) return { ok: false, error: `Story term for ${name}: type a word or a phrase first.` };
	if (term.length > LIMITS.termChars)
		return {
			ok: false,
			error: `Story term for ${name}: “${term.slice(0, 40)}…” is ${term.length} characters long; the limit is ${LIMITS.termChars}.`
		};
	const terms = termsOf(entry);
	if (terms.add.includes(term))
		return { ok: false, error: `“${term}” is already a story term of ${name}.` };
	const builtIn = gazetteerFor(draft.document.language).names;
	if (terms.remove.includes(term)) {
		terms.remove = terms.remove.filter((t) => t !== term);
		if (builtIn[iso3]?.includes(term)) {
			return {
				ok: true,
				draft: refreshFound(withEntry(draft, iso3, (c) => ({ ...c, terms })))
			};
		}
	} else if (builtIn[iso3]?.includes(term)) {
		return { ok: false, error: `“${term}” already names ${name}: it counts without being added.` };
	}
	for (const other of draft.document.countries) {
		if (other.iso3 !== iso3 && termsOf(other).add.includes(term))
			return {
				ok: false,
				error: `“${term}” is already a story term of ${nameOf(other.iso3)}: a term names one country.`
			};
	}
	for (const [code, names] of Object.entries(builtIn)) {
		if (code === iso3 || !names.includes(term)) continue;
		const removedThere = draft.document.countries.some(
			(c) => c.iso3 === code && termsOf(c).remove.includes(term)
		);
		if (!removedThere)
			return {
				ok: false,
				error: `“${term}” already names ${nameOf(code)}: a term names one country.`
			};
	}
	if (terms.add.length >= LIMITS.termsPerCountry)
		return {
			ok: false,
			error: `${name} already has ${LIMITS.termsPerCountry} story terms, the most a country can.`
		};
	terms.add = [...terms.add, term];
	return { ok: true, draft: refreshFound(withEntry(draft, iso3, (c) => ({ ...c, terms }))) };
}

/** Removes one of the country's story terms: it no longer names the country anywhere. */
export function removeTerm(
	draft: Draft,
	iso3: string,
	term: string,
	nameOf: (iso3: string) => string = (c) => c
): EditResult {
	const name = nameOf(iso3);
	const entry = entryOf(draft, iso3);
	if (!entry) return notListed(name);
	const terms = termsOf(entry);
	if (!terms.add.includes(term))
		return { ok: false, error: `“${term}” is not a story term of ${name}.` };
	terms.add = terms.add.filter((t) => t !== term);
	return { ok: true, draft: refreshFound(withEntry(draft, iso3, (c) => ({ ...c, terms }))) };
}
