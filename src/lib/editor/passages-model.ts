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

// passagesFor keeps the mentions it reads per briefing object (compiling the pattern of some 1,100
// names, then reading every paragraph). In the editor a new draft comes with every keystroke, and
// most edits (a title, a reason, a role, a passage added) change neither the article nor any term:
// what the names find is the same. So one view object is kept per article and set of terms, and
// only its `countries` (where passagesFor reads the passages edits) is brought up to date before
// each reading; the article is read again only when its paragraphs, its language or a term change.
interface View {
	language: string | undefined;
	article: { paragraphs: readonly string[] };
	countries: ServedBriefing['countries'];
}
const views = new WeakMap<readonly string[], Map<string, View>>();
/** The views kept per article: a few sets of terms (an undo goes back to the one before). */
const VIEWS_PER_ARTICLE = 4;

type Countries = readonly CountryInput[];
const termsKeys = new WeakMap<Countries, string>();
const servedCountries = new WeakMap<Countries, ServedBriefing['countries']>();
const plainCountries = new WeakMap<Countries, ServedBriefing['countries']>();

function termsKeyOf(countries: Countries): string {
	let key = termsKeys.get(countries);
	if (key === undefined) {
		key = JSON.stringify(countries.map((c) => [c.iso3, c.terms?.add ?? [], c.terms?.remove ?? []]));
		termsKeys.set(countries, key);
	}
	return key;
}

/** The entries in the served shape (defaults filled in); `plain` leaves out the passages edits. */
function servedOf(countries: Countries, plain: boolean): ServedBriefing['countries'] {
	const cache = plain ? plainCountries : servedCountries;
	let served = cache.get(countries);
	if (!served) {
		served = countries.map((c) => ({
			iso3: c.iso3,
			roles: [],
			terms: termsOf(c),
			passages: plain ? { add: [], remove: [] } : passagesEditOf(c),
			related: []
		}));
		cache.set(countries, served);
	}
	return served;
}

/**
 * The parts of the draft the panel's passages read, in the served shape. Only `language`,
 * `article.paragraphs` and `countries` are read by passagesFor; `plain` leaves out every hand
 * edit of passages: what the names alone find.
 */
function viewOf(draft: Draft, plain = false): ServedBriefing {
	const doc = draft.document;
	const paragraphs = doc.article.paragraphs;
	let byTerms = views.get(paragraphs);
	if (!byTerms) views.set(paragraphs, (byTerms = new Map()));
	const key = `${doc.language ?? ''}\n${termsKeyOf(doc.countries)}`;
	let view = byTerms.get(key);
	if (!view) {
		if (byTerms.size >= VIEWS_PER_ARTICLE) byTerms.delete(byTerms.keys().next().value!);
		view = { language: doc.language, article: { paragraphs }, countries: [] };
		byTerms.set(key, view);
	}
	view.countries = servedOf(doc.countries, plain);
	return view as unknown as ServedBriefing;
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

/**
 * The country's built-in names in the draft's language (short and official names, alternates,
 * demonyms, capitals), each with whether it counts in this briefing: one the author took out
 * (`terms.remove`) does not.
 */
export function namesOf(draft: Draft, iso3: string): { name: string; counted: boolean }[] {
	const entry = entryOf(draft, iso3);
	const removed = new Set(entry ? termsOf(entry).remove : []);
	return (gazetteerFor(draft.document.language).names[iso3] ?? []).map((name) => ({
		name,
		counted: !removed.has(name)
	}));
}

/**
 * Takes a built-in name out of this briefing's reading of the country (`terms.remove`), when in
 * this article it names something else (the American state of Georgia, a player named Jordan),
 * or puts it back. The passages and the counts of Countries found follow at once.
 */
export function setNameCounted(
	draft: Draft,
	iso3: string,
	name: string,
	counted: boolean,
	nameOf: (iso3: string) => string = (c) => c
): EditResult {
	const country = nameOf(iso3);
	const entry = entryOf(draft, iso3);
	if (!entry) return notListed(country);
	if (!gazetteerFor(draft.document.language).names[iso3]?.includes(name))
		return { ok: false, error: `“${name}” is not one of the names that find ${country}.` };
	const terms = termsOf(entry);
	const removed = terms.remove.includes(name);
	if (counted !== removed) return { ok: true, draft };
	if (!counted && terms.remove.length >= LIMITS.termsPerCountry)
		return {
			ok: false,
			error: `${country} already leaves out ${LIMITS.termsPerCountry} names, the most a country can.`
		};
	terms.remove = counted ? terms.remove.filter((t) => t !== name) : [...terms.remove, name];
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
