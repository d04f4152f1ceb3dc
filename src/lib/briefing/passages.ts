/**
 * What the country panel says about a country, computed from the served briefing: the passages
 * that concern it (with the words naming it marked), its roles and its troop notes. Pure data, so
 * the panel only renders and the same answers can be pinned by unit tests.
 */
import { gazetteerFor, mentionFinder, termsFor, type Mention } from './gazetteer';
import { formatDate, isAfter } from './text.js';
import type { CountryEntry, Precision, Role, ServedBriefing, TroopNote } from './schema';

export type { ServedBriefing } from './schema';
export { formatDate, formatNumber, formatProvenance } from './text.js';

/**
 * A piece of a paragraph; `mark` is true for the words that name the country. The UI wraps those
 * in <mark> as text nodes, so no article text is ever parsed as HTML.
 */
export interface Segment {
	text: string;
	mark: boolean;
}

export interface Passage {
	/** 1-based, as quoted in the briefing ("para. 4"). */
	paragraph: number;
	text: string;
	/** Concatenated, the segments give back `text` exactly. */
	segments: Segment[];
	/** Mentions past MARKS_PER_PASSAGE, left in plain text (0 in any real article). */
	unmarked: number;
}

/**
 * The most mentions one passage highlights. A real paragraph names a country a few times (the
 * embedded article's, at most 3); a hostile one can name it 700 times within the schema's limits,
 * and every <mark> is an element to build and lay out, so past this the text stays plain.
 */
export const MARKS_PER_PASSAGE = 50;

export interface ResolvedRole {
	role: Role;
	reason: string;
}

/** Everything the panel needs about one country. */
export interface CountryDossier {
	iso3: string;
	/** Undefined for a country the article names but the briefing does not list. */
	entry: CountryEntry | undefined;
	passages: Passage[];
	/** The notes whose `concerns` include the country, in the briefing's order. */
	troopNotes: TroopNote[];
	/** The first role: it sets the country's fill on the map. */
	primaryRole: ResolvedRole | undefined;
	otherRoles: ResolvedRole[];
}

// Finding mentions compiles a pattern of about 1,100 names (some 9 ms) and runs it over the whole
// article (a long one, some tens of ms more); a briefing is immutable once parsed, so each one is
// read once however many panels open. Each paragraph's mentions are kept by country, so that a
// panel picks its own without going through everyone else's. The reading can be done ahead, a
// slice at a time in idle time (prepareCountryIndex), so that the first click does not pay for
// it; whatever is left when a panel asks is done then.
interface MentionIndex {
	find: ((text: string) => Mention[]) | undefined;
	/** Each read paragraph's mentions by country, in article order. */
	byParagraph: Map<string, Mention[]>[];
}
const mentionCache = new WeakMap<ServedBriefing, MentionIndex>();

/** The briefing's mention index, read on as far as `more()` allows (to the end by default). */
function readMentions(briefing: ServedBriefing, more: () => boolean = () => true): MentionIndex {
	let index = mentionCache.get(briefing);
	if (!index) mentionCache.set(briefing, (index = { find: undefined, byParagraph: [] }));
	const paragraphs = briefing.article.paragraphs;
	if (!index.find) {
		const tables = gazetteerFor(briefing.language);
		index.find = mentionFinder(termsFor(briefing, tables.names), tables.notACountry);
		// The pattern alone is a step of its own: the paragraphs wait for the next slice.
		if (!more()) return index;
	}
	while (index.byParagraph.length < paragraphs.length) {
		const byCountry = new Map<string, Mention[]>();
		for (const m of index.find(paragraphs[index.byParagraph.length]!)) {
			const list = byCountry.get(m.iso3);
			if (list) list.push(m);
			else byCountry.set(m.iso3, [m]);
		}
		index.byParagraph.push(byCountry);
		if (index.byParagraph.length < paragraphs.length && !more()) break;
	}
	return index;
}

function mentionsByParagraph(briefing: ServedBriefing): Map<string, Mention[]>[] {
	return readMentions(briefing).byParagraph;
}

function segmentsOf(text: string, mentions: readonly Mention[]): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const m of mentions.slice(0, MARKS_PER_PASSAGE)) {
		if (m.start > at) segments.push({ text: text.slice(at, m.start), mark: false });
		segments.push({ text: text.slice(m.start, m.end), mark: true });
		at = m.end;
	}
	if (at < text.length) segments.push({ text: text.slice(at), mark: false });
	return segments;
}

/**
 * Every paragraph that names the country (by the gazetteer and the briefing's terms), plus the
 * entry's `passages.add`, minus its `passages.remove`, in article order. Only the words naming
 * this country are marked: a paragraph about France and Russia marks "Macron" in France's panel
 * and "Putin" in Russia's.
 */
export function passagesFor(briefing: ServedBriefing, iso3: string): Passage[] {
	const paragraphs = briefing.article.paragraphs;
	const byParagraph = mentionsByParagraph(briefing);
	const entry = briefing.countries.find((c) => c.iso3 === iso3);
	const removed = new Set(entry?.passages.remove ?? []);
	const added = new Set(entry?.passages.add ?? []);

	const passages: Passage[] = [];
	paragraphs.forEach((text, i) => {
		const paragraph = i + 1;
		if (removed.has(paragraph)) return;
		const own = byParagraph[i]?.get(iso3) ?? [];
		if (own.length === 0 && !added.has(paragraph)) return;
		passages.push({
			paragraph,
			text,
			segments: segmentsOf(text, own),
			unmarked: Math.max(0, own.length - MARKS_PER_PASSAGE)
		});
	});
	return passages;
}

function resolveRoles(briefing: ServedBriefing, entry: CountryEntry | undefined): ResolvedRole[] {
	const byId = new Map(briefing.roles.map((r) => [r.id, r]));
	const resolved: ResolvedRole[] = [];
	for (const assignment of entry?.roles ?? []) {
		const role = byId.get(assignment.role);
		// The schema rejects unknown role ids; skipping keeps a hand-built object from crashing.
		if (role) resolved.push({ role, reason: assignment.reason });
	}
	return resolved;
}

const indexCache = new WeakMap<ServedBriefing, Map<string, CountryDossier>>();

/**
 * Every country the briefing lists, then every other country the article names, in that order:
 * the country list reads in the editor's order, and nothing the article names is left out. Built
 * once per briefing (the same Map every time), so that opening a panel finds it ready.
 */
export function countryIndex(briefing: ServedBriefing): Map<string, CountryDossier> {
	const cached = indexCache.get(briefing);
	if (cached) return cached;
	const entries = new Map(briefing.countries.map((c) => [c.iso3, c]));
	const codes = new Set(entries.keys());
	for (const byCountry of mentionsByParagraph(briefing)) {
		for (const iso3 of byCountry.keys()) codes.add(iso3);
	}
	// Each country's notes in one pass over the notes, in the briefing's order (a note naming a
	// country twice is refused by the schema, and listed once here all the same).
	const notesOf = new Map<string, TroopNote[]>();
	for (const note of briefing.troopNotes) {
		for (const iso3 of new Set(note.concerns)) {
			const list = notesOf.get(iso3);
			if (list) list.push(note);
			else notesOf.set(iso3, [note]);
		}
	}
	const index = new Map<string, CountryDossier>();
	for (const iso3 of codes) {
		const entry = entries.get(iso3);
		const [primaryRole, ...otherRoles] = resolveRoles(briefing, entry);
		// A country's passages are built when its panel first asks for them, not every country's
		// when the first panel opens.
		let passages: Passage[] | undefined;
		index.set(iso3, {
			iso3,
			entry,
			get passages() {
				return (passages ??= passagesFor(briefing, iso3));
			},
			troopNotes: notesOf.get(iso3) ?? [],
			primaryRole,
			otherRoles
		});
	}
	indexCache.set(briefing, index);
	return index;
}

/** What idle time looks like to prepareCountryIndex: how much of it is left, in ms. */
export interface IdleDeadline {
	timeRemaining(): number;
}

/** Runs `step` when the page is idle; returns how to cancel it. */
export type IdleScheduler = (step: (deadline: IdleDeadline) => void) => () => void;

/**
 * requestIdleCallback, or where there is none (Safari) a short timeout. Either way a step that
 * was not given idle time (the callback timed out: the page is never idle) gets a slice of 10 ms,
 * so that the index is still built in a second or so, not a paragraph per timeout.
 */
export const whenIdle: IdleScheduler = (step) => {
	const slice = (deadline?: { didTimeout: boolean; timeRemaining(): number }) => {
		const end = performance.now() + 10;
		step(
			deadline && !deadline.didTimeout
				? deadline
				: { timeRemaining: () => Math.max(0, end - performance.now()) }
		);
	};
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(slice, { timeout: 1_000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(slice, 50);
	return () => clearTimeout(id);
};

/**
 * Builds the briefing's country index ahead of the first click, in idle time and a slice at a
 * time (the pattern, then as many paragraphs as each idle period has room for), so that neither
 * the first view nor the first panel waits for it. A panel opened before it is done finishes the
 * rest at once. Returns how to stop (for a page that shows another briefing meanwhile).
 */
export function prepareCountryIndex(
	briefing: ServedBriefing,
	schedule: IdleScheduler = whenIdle
): () => void {
	let cancel = () => {};
	const step = (deadline: IdleDeadline) => {
		if (indexCache.has(briefing)) return;
		const read = mentionCache.get(briefing)?.byParagraph.length ?? -1;
		const index = readMentions(briefing, () => deadline.timeRemaining() > 1);
		const done = index.byParagraph.length === briefing.article.paragraphs.length;
		// The index itself (one pass over the notes) in a slice of its own, unless this one read
		// nothing: a page that is never idle still gets it, at the idle callbacks' timeout.
		if (done && (deadline.timeRemaining() > 1 || index.byParagraph.length === read)) {
			countryIndex(briefing);
		} else cancel = schedule(step);
	};
	cancel = schedule(step);
	return () => cancel();
}

/**
 * How precisely a point is placed, in words: at the named site itself, at a town near it, or
 * standing for a region (`name` is the point's own name, for a site).
 */
export function formatPrecision(p: Precision, name?: string): string {
	switch (p.level) {
		case 'site': {
			const site = p.at ?? name;
			return `Marked at the named site${site ? `: ${site}` : ''}.`;
		}
		case 'town':
			return `Marked at the town of ${p.at ?? name ?? 'its name'}; the site is nearby.`;
		case 'region':
			return `Only the region is known: marked at ${p.at ?? name ?? 'a point in it'}.`;
	}
}

/** "9 November 2021 to 19 January 2022", or a single date when the report gives one. */
export function formatObserved(observed: NonNullable<TroopNote['observed']>): string {
	const { from, to } = observed;
	return to === undefined || to === from
		? formatDate(from)
		: `${formatDate(from)} to ${formatDate(to)}`;
}

/**
 * Whether a note reports something first seen after the briefing's date (the article's), so the
 * panel can say that the article's author could not have known it.
 */
export function isAfterArticle(note: TroopNote, asOf: string): boolean {
	const first =
		note.observed?.from ?? (note.provenance.kind === 'source' ? note.provenance.date : undefined);
	return isAfter(first, asOf);
}
