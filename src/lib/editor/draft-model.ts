/**
 * The editor's model: a briefing in progress, as plain data and pure functions (no DOM, no map,
 * no runes), so every step of authoring is pinned by unit tests (draft-model.test.ts) and the
 * state owner (draft.svelte.ts) only calls them.
 *
 * A draft is two parts:
 * - `document`: the briefing document itself, in the shape of the schema's input (the served and
 *   exported form, format version 1), so exporting it later is `draftToDocument` and a validation;
 *   it may be incomplete (an empty reason, no country yet) while the author works;
 * - `editor`: what only the editor needs: the article's text as typed, the countries the last
 *   "Find countries" found, the entries of countries unchecked (kept, so that checking one again
 *   brings back its role and reason), and the role new countries get.
 *
 * Paragraph numbers stay stable across edits of the article's text: `setArticle` matches the new
 * paragraphs to the old ones (`paragraphMoves`: unchanged paragraphs by their text, edited ones by
 * their place between unchanged ones) and renumbers every paragraph number the document holds
 * (today the countries' `passages` edits; scenes' and troop notes' paragraphs go through the same
 * map once the editor writes them). A paragraph deleted takes its references with it.
 */
import { z } from 'zod';
import { formatIssues } from '$lib/briefing/schema/report';
import type { documentObject } from '$lib/briefing/schema/document';
import { BASEMAP_COUNTRIES } from '$lib/briefing/basemap';
import { LIMITS } from '$lib/briefing/limits';
import {
	PATTERNS,
	SWATCHES,
	SWATCH_NAMES,
	type PatternName,
	type SwatchName
} from '$lib/briefing/palette';
import { splitParagraphs } from '$lib/briefing/text.js';
import type { FoundCountry } from './find-countries';
import { noteProblem, renumberNotes, unusedNoteOverlayIds } from './notes-model';
import type { MapContent } from '$lib/map/briefing-map';
import type { MapOverlay } from '$lib/map/overlays';
import { roleLooks, type RoleLook, type StyledCountry } from '$lib/map/style';
import type { Bounds } from '$lib/map/geodata';
import { renumberScenes, scenesForDocument } from './scenes-model';

/** A briefing document as the schema reads it (its input: defaults may be left out). */
export type DocumentInput = z.input<typeof documentObject>;
export type RoleInput = DocumentInput['roles'][number];
export type CountryInput = DocumentInput['countries'][number];

export interface EditorState {
	/** The article as the author typed, pasted or opened it; the document holds its paragraphs. */
	articleText: string;
	/** What the last "Find countries" found, and the paragraphs it read (to tell when it is stale). */
	found: FoundCountry[] | null;
	foundFrom: string[] | null;
	/** Countries unchecked by the author, by ISO alpha-3: their entries, kept for a re-check. */
	setAside: Record<string, CountryInput>;
	/** The role a country gets when it joins the briefing. */
	defaultRole: string;
	/**
	 * The document's own frame is kept at export (a briefing opened to be edited: its author chose
	 * it); otherwise the frame is fitted to the countries.
	 */
	keepFrame?: boolean;
}

export interface Draft {
	document: DocumentInput;
	editor: EditorState;
}

/**
 * What a stored draft must be for the editor to open it: the parts the editor reads, with their
 * types (the rest of the document, and the limits of a briefing, are the schema's to judge, at
 * export: a draft may be over them while it is being worked on, and must still open). A draft is
 * read back from the browser's storage, which another version of the app, or a broken disk, may
 * have written: it is checked like any input (the store caps its size and depth), and one that
 * fails is not opened (nor deleted).
 */
const countryShape = z.looseObject({
	iso3: z.string().regex(/^[A-Z]{3}$/),
	roles: z.array(z.looseObject({ role: z.string(), reason: z.string().optional() }))
});
const draftShape = z.object({
	document: z.looseObject({
		id: z.string(),
		title: z.string(),
		asOf: z.string(),
		language: z.string().optional(),
		article: z.looseObject({
			paragraphs: z.array(z.string())
		}),
		roles: z.array(
			z.looseObject({
				id: z.string(),
				label: z.string(),
				description: z.string().optional()
			})
		),
		countries: z.array(countryShape)
	}),
	editor: z.object({
		// The article may be longer than a briefing allows while it is being cut down (the draft
		// store caps a draft's size): export says so, opening it again must not fail.
		articleText: z.string(),
		found: z.array(z.looseObject({ iso3: z.string(), passages: z.array(z.number()) })).nullable(),
		foundFrom: z.array(z.string()).nullable(),
		setAside: z.record(z.string(), countryShape),
		defaultRole: z.string(),
		keepFrame: z.boolean().optional()
	})
});

/** A draft read back from storage: the draft, or one line per problem, each naming its field. */
export function parseDraft(
	raw: unknown
): { ok: true; draft: Draft } | { ok: false; errors: string[] } {
	const parsed = draftShape.safeParse(raw);
	return parsed.success
		? { ok: true, draft: raw as Draft }
		: { ok: false, errors: formatIssues(parsed.error.issues).slice(0, 20) };
}

/** The whole world, [west, south, east, north]: the frame of a briefing with no country yet. */
export const WORLD_FRAME: Bounds = [-170, -58, 180, 78];

/**
 * The roles a new briefing starts with: generic parts any story has, each a colour of the
 * colour-blind-safe palette paired with its own pattern (the second cue), all editable.
 */
export const STARTING_ROLES: readonly RoleInput[] = [
	{
		id: 'central',
		label: 'Central',
		description: 'At the centre of the story.',
		swatch: 'vermillion',
		pattern: 'solid'
	},
	{
		id: 'involved',
		label: 'Involved',
		description: 'Takes part in the story.',
		swatch: 'blue',
		pattern: 'hatch'
	},
	{
		id: 'affected',
		label: 'Affected',
		description: 'Feels the consequences of the story.',
		swatch: 'orange',
		pattern: 'dots'
	},
	{
		id: 'named',
		label: 'Named',
		description: 'Named in the article; its part is not yet set.',
		swatch: 'grey',
		pattern: 'stripes-vertical'
	}
];

const today = () => new Date().toISOString().slice(0, 10);

/** A new, empty draft: no title, no article, the starting roles. */
export function newDraft(asOf: string = today()): Draft {
	return {
		document: {
			version: 1,
			id: 'new-briefing',
			title: '',
			asOf,
			language: 'en',
			article: { title: '', published: asOf, paragraphs: [] },
			frame: { bounds: [...WORLD_FRAME] },
			roles: STARTING_ROLES.map((r) => ({ ...r })),
			countries: [],
			troopNotes: [],
			overlays: [],
			distances: [],
			scenes: []
		},
		editor: {
			articleText: '',
			found: null,
			foundFrom: null,
			setAside: {},
			defaultRole: 'named'
		}
	};
}

/** An id made of a title: lower-case words joined by hyphens (the schema's slug). */
export function slugOf(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'new-briefing';
}

const withDocument = (draft: Draft, document: Partial<DocumentInput>): Draft => ({
	...draft,
	document: { ...draft.document, ...document }
});

/** The title names the briefing, its id (the address, the file name) and, for now, its article. */
export function setTitle(draft: Draft, title: string): Draft {
	return withDocument(draft, {
		title,
		id: slugOf(title),
		article: { ...draft.document.article, title }
	});
}

/** The date the story is told from (YYYY-MM-DD); the article is dated the same until said otherwise. */
export function setAsOf(draft: Draft, asOf: string): Draft {
	return withDocument(draft, { asOf, article: { ...draft.document.article, published: asOf } });
}

/** The article's language tag: it chooses the gazetteer that finds its countries. */
export function setLanguage(draft: Draft, language: string): Draft {
	return withDocument(draft, { language });
}

/**
 * Where each old paragraph (1-based) went in the new text: unchanged paragraphs are matched by
 * their text, in order (a longest common subsequence); between two matched ones, the paragraphs
 * left are edited ones, matched in place pairwise when the count is the same on both sides. A
 * paragraph with no match was deleted (or rewritten beyond recognition) and is absent.
 */
export function paragraphMoves(before: readonly string[], after: readonly string[]) {
	const n = before.length;
	const m = after.length;
	// lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
	const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i]![j] =
				before[i] === after[j]
					? lcs[i + 1]![j + 1]! + 1
					: Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const moves = new Map<number, number>();
	let i = 0;
	let j = 0;
	let gapI = 0;
	let gapJ = 0;
	const closeGap = () => {
		if (i - gapI === j - gapJ)
			for (let k = 0; k < i - gapI; k++) moves.set(gapI + k + 1, gapJ + k + 1);
	};
	while (i < n && j < m) {
		if (before[i] === after[j]) {
			closeGap();
			moves.set(i + 1, j + 1);
			i++;
			j++;
			gapI = i;
			gapJ = j;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
		else j++;
	}
	i = n;
	j = m;
	closeGap();
	return moves;
}

const renumber = (numbers: readonly number[] | undefined, moves: Map<number, number>) =>
	(numbers ?? []).flatMap((p) => (moves.has(p) ? [moves.get(p)!] : []));

function renumberCountry(c: CountryInput, moves: Map<number, number>): CountryInput {
	if (!c.passages) return c;
	return {
		...c,
		passages: {
			add: renumber(c.passages.add, moves),
			remove: renumber(c.passages.remove, moves)
		}
	};
}

/**
 * The article's text, as typed, pasted or opened: the document's paragraphs are its blocks between
 * blank lines, and every paragraph number the draft holds follows its paragraph (see
 * `paragraphMoves`). What "Find countries" found stays until it is run again (`isFoundStale`).
 */
export function setArticle(draft: Draft, text: string): Draft {
	const before = draft.document.article.paragraphs;
	const paragraphs = splitParagraphs(text);
	const moves = paragraphMoves(before, paragraphs);
	const same = paragraphs.length === before.length && paragraphs.every((p, i) => p === before[i]);
	const countries = same
		? draft.document.countries
		: draft.document.countries.map((c) => renumberCountry(c, moves));
	const setAside = same
		? draft.editor.setAside
		: Object.fromEntries(
				Object.entries(draft.editor.setAside).map(([k, c]) => [k, renumberCountry(c, moves)])
			);
	const troopNotes =
		same || !Array.isArray(draft.document.troopNotes)
			? draft.document.troopNotes
			: renumberNotes(draft.document.troopNotes, moves);
	return {
		document: {
			...draft.document,
			article: { ...draft.document.article, paragraphs },
			countries,
			troopNotes,
			...(same || !draft.document.scenes?.length
				? {}
				: { scenes: renumberScenes(draft.document.scenes, moves) })
		},
		editor: { ...draft.editor, articleText: text, setAside }
	};
}

/** Whether the article changed since "Find countries" last read it. */
export function isFoundStale(draft: Draft): boolean {
	const from = draft.editor.foundFrom;
	const now = draft.document.article.paragraphs;
	return from !== null && (from.length !== now.length || from.some((p, i) => p !== now[i]));
}

/** The role new countries get: the editor's default while it exists, else the last role. */
export function defaultRoleOf(draft: Draft): string {
	const roles = draft.document.roles;
	return roles.some((r) => r.id === draft.editor.defaultRole)
		? draft.editor.defaultRole
		: (roles.at(-1)?.id ?? '');
}

const newEntry = (draft: Draft, iso3: string): CountryInput => ({
	iso3,
	roles: [{ role: defaultRoleOf(draft), reason: '' }]
});

/**
 * What "Find countries" found: kept for the list, and every country found joins the briefing in
 * the default role, unless it is in already or the author unchecked it before (it stays out), or
 * the basemap cannot draw it (the gazetteer also knows micro-states such as Malta: listed, never in).
 */
export function applyFound(draft: Draft, found: readonly FoundCountry[]): Draft {
	const listed = new Set(draft.document.countries.map((c) => c.iso3));
	const joining = found
		.filter(
			(f) =>
				BASEMAP_COUNTRIES.has(f.iso3) && !listed.has(f.iso3) && !(f.iso3 in draft.editor.setAside)
		)
		.slice(0, Math.max(0, LIMITS.countries - listed.size))
		.map((f) => newEntry(draft, f.iso3));
	return {
		document: { ...draft.document, countries: [...draft.document.countries, ...joining] },
		editor: {
			...draft.editor,
			found: [...found],
			foundFrom: [...draft.document.article.paragraphs]
		}
	};
}

export const isIncluded = (draft: Draft, iso3: string) =>
	draft.document.countries.some((c) => c.iso3 === iso3);

/**
 * Checks (`true`) or unchecks a country. Unchecked, its entry is set aside; checked again, it comes
 * back as it was (a country never in the briefing joins in the default role).
 */
export function setIncluded(draft: Draft, iso3: string, included: boolean): Draft {
	const entry = draft.document.countries.find((c) => c.iso3 === iso3);
	if (included === !!entry || (included && !BASEMAP_COUNTRIES.has(iso3))) return draft;
	if (!included) {
		return {
			document: {
				...draft.document,
				countries: draft.document.countries.filter((c) => c.iso3 !== iso3)
			},
			editor: { ...draft.editor, setAside: { ...draft.editor.setAside, [iso3]: entry! } }
		};
	}
	if (draft.document.countries.length >= LIMITS.countries) return draft;
	const { [iso3]: kept, ...setAside } = draft.editor.setAside;
	const roleIds = new Set(draft.document.roles.map((r) => r.id));
	const back = kept && kept.roles.every((r) => roleIds.has(r.role)) ? kept : newEntry(draft, iso3);
	return {
		document: { ...draft.document, countries: [...draft.document.countries, back] },
		editor: { ...draft.editor, setAside }
	};
}

/** Adds a country the article may not name (from "Add a country"): checked, in the default role. */
export const addCountry = (draft: Draft, iso3: string) => setIncluded(draft, iso3, true);

function updateCountry(draft: Draft, iso3: string, change: (c: CountryInput) => CountryInput) {
	return withDocument(draft, {
		countries: draft.document.countries.map((c) => (c.iso3 === iso3 ? change(c) : c))
	});
}

/** The country's primary role (its first: the one that sets its fill). */
export function setRole(draft: Draft, iso3: string, role: string): Draft {
	if (!draft.document.roles.some((r) => r.id === role)) return draft;
	return updateCountry(draft, iso3, (c) => {
		const [first, ...rest] = c.roles;
		return { ...c, roles: [{ role, reason: first?.reason ?? '' }, ...rest] };
	});
}

/** The one line under the country's primary role, in its panel. */
export function setReason(draft: Draft, iso3: string, reason: string): Draft {
	return updateCountry(draft, iso3, (c) => {
		const [first, ...rest] = c.roles;
		return { ...c, roles: [{ role: first?.role ?? defaultRoleOf(draft), reason }, ...rest] };
	});
}

/**
 * A look no role has yet, or failing that the least used: swatches and patterns go round apart
 * (8 colours, 6 patterns), so that no two of the first roles share both colour and pattern.
 */
function freshLook(roles: readonly RoleInput[]): { swatch: SwatchName; pattern: PatternName } {
	const least = <T extends string>(options: readonly T[], used: readonly string[]) =>
		options.reduce((best, o) =>
			used.filter((u) => u === o).length < used.filter((u) => u === best).length ? o : best
		);
	return {
		swatch: least(
			SWATCH_NAMES,
			roles.map((r) => r.swatch)
		),
		pattern: least(
			PATTERNS.filter((p) => p !== 'none'),
			roles.map((r) => r.pattern)
		)
	};
}

/** A new role, "New role", with a fresh id and look; the id of the role added is `roles.at(-1)`. */
export function addRole(draft: Draft): Draft {
	const roles = draft.document.roles;
	if (roles.length >= LIMITS.roles) return draft;
	const ids = new Set(roles.map((r) => r.id));
	let n = roles.length + 1;
	while (ids.has(`role-${n}`)) n++;
	return withDocument(draft, {
		roles: [
			...roles,
			{
				id: `role-${n}`,
				label: 'New role',
				description: 'What countries in this role do in the story.',
				...freshLook(roles)
			}
		]
	});
}

export type RoleChange = Partial<Pick<RoleInput, 'label' | 'description' | 'swatch' | 'pattern'>>;

/** Edits a role's label, description, colour or pattern (its id stays: countries name it). */
export function updateRole(draft: Draft, id: string, change: RoleChange): Draft {
	return withDocument(draft, {
		roles: draft.document.roles.map((r) => (r.id === id ? { ...r, ...change } : r))
	});
}

/**
 * Removes a role (not the last one: a briefing has at least one). Countries whose primary role it
 * was take the default role (or the first one left), keeping their reason; as a second role it is
 * dropped.
 */
export function removeRole(draft: Draft, id: string): Draft {
	const roles = draft.document.roles.filter((r) => r.id !== id);
	if (roles.length === draft.document.roles.length || roles.length === 0) return draft;
	const fallback = roles.some((r) => r.id === draft.editor.defaultRole)
		? draft.editor.defaultRole
		: roles.at(-1)!.id;
	const reassign = (c: CountryInput): CountryInput => {
		const [first, ...rest] = c.roles;
		if (!first) return c;
		const kept = rest.filter((r) => r.role !== id);
		return {
			...c,
			roles: first.role === id ? [{ ...first, role: fallback }, ...kept] : [first, ...kept]
		};
	};
	return {
		document: { ...draft.document, roles, countries: draft.document.countries.map(reassign) },
		editor: {
			...draft.editor,
			defaultRole: fallback,
			setAside: Object.fromEntries(
				Object.entries(draft.editor.setAside).map(([k, c]) => [k, reassign(c)])
			)
		}
	};
}

/** One row of the "Countries found" list: a country found or added, in or out of the briefing. */
export interface ListedCountry {
	iso3: string;
	name: string;
	/** How many paragraphs name it (0 for a country added by hand that the article does not name). */
	passages: number;
	first: FoundCountry['first'] | null;
	included: boolean;
	/** Whether the basemap draws it: only such a country can be in the briefing. */
	drawable: boolean;
	role: string | null;
	reason: string;
}

/**
 * The list the editor shows: the countries found, in the finder's order (most passages first),
 * then those added by hand, in the order added.
 */
export function listedCountries(draft: Draft, nameOf: (iso3: string) => string): ListedCountry[] {
	const found = draft.editor.found ?? [];
	const byIso = new Map(draft.document.countries.map((c) => [c.iso3, c]));
	const row = (iso3: string, name: string, f: FoundCountry | null): ListedCountry => {
		const entry = byIso.get(iso3);
		return {
			iso3,
			name,
			passages: f?.passages.length ?? 0,
			first: f?.first ?? null,
			included: !!entry,
			drawable: BASEMAP_COUNTRIES.has(iso3),
			role: entry?.roles[0]?.role ?? null,
			reason: entry?.roles[0]?.reason ?? ''
		};
	};
	const seen = new Set(found.map((f) => f.iso3));
	return [
		...found.map((f) => row(f.iso3, nameOf(f.iso3) || f.name, f)),
		...draft.document.countries
			.filter((c) => !seen.has(c.iso3))
			.map((c) => row(c.iso3, nameOf(c.iso3), null))
	];
}

/** The countries drawn by role, as the map draws them (primary role, then the others). */
export function draftStyledCountries(draft: Draft): StyledCountry[] {
	const roleIds = new Set(draft.document.roles.map((r) => r.id));
	return draft.document.countries.flatMap((c) => {
		const [first, ...rest] = c.roles;
		if (!first || !roleIds.has(first.role)) return [];
		return [
			{
				iso3: c.iso3,
				role: first.role,
				secondary: rest.map((r) => r.role).filter((r) => roleIds.has(r))
			}
		];
	});
}

/** Each role's colour and pattern, as the map and the legend draw them. */
export function draftLooks(draft: Draft): RoleLook[] {
	return roleLooks(draft.document.roles, SWATCHES);
}

/**
 * What the map beside the editor draws of the draft (see BriefingMap.update); `overlays` are the
 * draft's notes as derived (notes-model's `noteOverlays`, computed apart: derive.js loads on
 * demand).
 */
export function draftToMapContent(draft: Draft, overlays: readonly MapOverlay[] = []): MapContent {
	// The briefing's own overlays first (one opened to be edited: its route, its places, as they
	// are), then its notes as derived.
	const own = (draft.document.overlays ?? []).filter(
		(o) => o.derived?.from !== 'troopNotes' && 'type' in o.features
	) as unknown as MapOverlay[];
	return {
		countries: draftStyledCountries(draft),
		looks: draftLooks(draft),
		overlays: own.length ? [...own, ...overlays] : overlays,
		views: {}
	};
}

/**
 * The frame of the briefing's countries: the union of their mainland bounds, a little wider, or
 * the world when it has none. Spanning the antimeridian, or beyond Web Mercator, it is clamped.
 */
export function frameOf(
	iso3s: readonly string[],
	boundsOf: (iso3: string) => Bounds | undefined
): Bounds {
	const all = iso3s.flatMap((c) => {
		const b = boundsOf(c);
		return b ? [b] : [];
	});
	if (all.length === 0) return [...WORLD_FRAME];
	const west = Math.min(...all.map((b) => b[0]));
	const south = Math.min(...all.map((b) => b[1]));
	const east = Math.max(...all.map((b) => b[2]));
	const north = Math.max(...all.map((b) => b[3]));
	const padX = Math.max(1, (east - west) * 0.08);
	const padY = Math.max(1, (north - south) * 0.08);
	const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
	return [
		clamp(west - padX, -180, 179),
		clamp(south - padY, -85, 84),
		clamp(east + padX, -179, 180),
		clamp(north + padY, -84, 85)
	];
}

/**
 * The briefing document of the draft, as it will be exported: the schema's input shape, its frame
 * fitted to its countries. Not validated here: an unfinished draft (an empty reason, no country)
 * is what parseDocument reports on, field by field.
 */
export function draftToDocument(
	draft: Draft,
	boundsOf: (iso3: string) => Bounds | undefined = () => undefined
): DocumentInput {
	const doc = draft.document;
	return {
		$schema: '../briefing.schema.json',
		...doc,
		...(doc.scenes?.length
			? {
					scenes: scenesForDocument(
						doc.scenes,
						new Set(doc.countries.map((c) => c.iso3)),
						unusedNoteOverlayIds(draft)
					)
				}
			: {}),
		frame: draft.editor.keepFrame
			? doc.frame
			: {
					bounds: frameOf(
						doc.countries.map((c) => c.iso3),
						boundsOf
					)
				}
	};
}

/**
 * The words around a mention, for the list's "first passage": up to `before` characters before it
 * and `after` after it, cut at word boundaries, with an ellipsis where the paragraph goes on.
 */
export function excerptOf(
	first: { text: string; start: number; end: number },
	before = 80,
	after = 140
): { before: string; words: string; after: string } {
	const { text, start, end } = first;
	let from = Math.max(0, start - before);
	let to = Math.min(text.length, end + after);
	if (from > 0) from = text.indexOf(' ', from) + 1 || from;
	if (to < text.length) {
		const space = text.lastIndexOf(' ', to);
		if (space > end) to = space;
	}
	return {
		before: (from > 0 ? '…' : '') + text.slice(from, start),
		words: text.slice(start, end),
		after: text.slice(end, to) + (to < text.length ? '…' : '')
	};
}

/**
 * A validation problem as the author reads it: its field named as the editor labels it, where
 * the editor has that field ("Reason for Armenia: must not be empty"), with that label so the
 * page can take the author there; otherwise the document's path, as the schema gave it.
 */
export function describeProblem(
	draft: Draft,
	problem: string,
	nameOf: (iso3: string) => string
): { text: string; field?: string; within?: string } {
	const m =
		/^(countries\[(\d+)\](?:\.roles\[0\]\.(reason|role)|\.(terms|passages)\.(add|remove)(?:\[(\d+)\])?)?|title|asOf|article\.paragraphs)(?:[.[][^:]*)?: (.*)$/.exec(
			problem
		);
	if (!m) return noteProblem(draft, problem) ?? { text: problem };
	const [, path, index, part, list, edit, at, message] = m;
	if (path === 'title') return { text: `Title: ${message}`, field: 'Title' };
	if (path === 'asOf') return { text: `As of: ${message}`, field: 'As of' };
	if (path === 'article.paragraphs')
		return { text: `Article text: ${message}`, field: 'Article text' };
	const country = draft.document.countries[Number(index)];
	if (!country) return { text: problem };
	const name = nameOf(country.iso3);
	if (part === 'reason')
		return { text: `Reason for ${name}: ${message}`, field: `Reason for ${name}` };
	if (part === 'role') return { text: `Role of ${name}: ${message}`, field: `Role of ${name}` };
	// Story terms and passages are edited in the country's passages (CountryPassages.svelte): the
	// field is the box that adds one, which the page shows first if the country's part is closed.
	if (list === 'terms') {
		const term = edit === 'add' && at !== undefined ? country.terms?.add?.[Number(at)] : undefined;
		const quoted =
			term === undefined ? '' : ` “${term.length > 40 ? `${term.slice(0, 40)}…` : term}”`;
		return {
			text: `${term === undefined ? 'Story terms' : 'Story term'}${quoted} of ${name}: ${message}`,
			field: `Story term for ${name}`
		};
	}
	if (list === 'passages')
		return { text: `Passages of ${name}: ${message}`, field: `Paragraph to add to ${name}` };
	return { text: `${name}: ${message}` };
}
