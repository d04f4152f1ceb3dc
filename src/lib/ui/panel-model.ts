/** What the country panel shows, already resolved to names and words: the panel only renders. */
import {
	formatNumber,
	formatObserved,
	formatProvenance,
	isAfterArticle,
	type CountryDossier,
	type ServedBriefing
} from '$lib/briefing/passages';

import type { RoleLook } from '$lib/map/style';
import type { BorderDistance } from '$lib/briefing/schema';
import { troopMarkRefs, zoneWhere, type TroopMarkRef } from './mark-model';

export interface PanelRole {
	id: string;
	label: string;
	reason: string;
	color: string;
	pattern: string;
	primary: boolean;
}

export interface PanelSegment {
	text: string;
	mark: boolean;
}

export interface PanelPassage {
	paragraph: number;
	segments: PanelSegment[];
	/** Mentions past the passage's highlighting cap, left unmarked (MARKS_PER_PASSAGE). */
	unmarked: number;
	/** The passage's length in characters, for paging (nextPage). */
	chars: number;
}

export interface PanelNote {
	id: string;
	text: string;
	forces: string;
	approximate: boolean;
	/** Where, in words, for a note drawn as an area (its marks say it for points). */
	where?: string;
	/** The note's points on the map: name, precision in words, and the key that shows each. */
	marks: TroopMarkRef[];
	/** "Article, para. 4" or "Source: title, date". */
	provenance: string;
	/** The cited source's address, shown as a link. */
	url?: string;
	/** A cited source with no address on record: said in words. */
	noLink: boolean;
	/** When the forces were seen, in words. */
	observed?: string;
	/** A report from after the article's date: later knowledge, not the article's. */
	afterArticle: boolean;
	/** The note's length in characters, for paging (nextPage). */
	chars: number;
}

export interface PanelModel {
	iso3: string;
	name: string;
	/** Whether the article concerns this country at all. */
	mentioned: boolean;
	roles: PanelRole[];
	passages: PanelPassage[];
	notes: PanelNote[];
	related: { iso3: string; name: string }[];
	/** "Kyiv lies 90 km from the nearest point of Belarus's border", with where that comes from. */
	distances: { text: string; provenance: string }[];
}

/** How much of a long list a panel shows at a time: a screenful or two, never all at once. */
export interface PageSize {
	/** Characters of text in a page: what a click costs to lay out. */
	chars: number;
	/** Items in a page, however short they are. */
	items: number;
}

/**
 * Passages: the embedded article's longest panel (France, 11 passages, 2,500 characters) is one
 * page; a panel of 200 passages of 1,000 characters shows 6 at a time.
 */
export const PASSAGES_PAGE: PageSize = { chars: 6_000, items: 20 };

/** Troop notes: each has a few lines of details, and a line per mark, besides its text. */
export const NOTES_PAGE: PageSize = { chars: 6_000, items: 10 };

/**
 * Where the page that starts at `from` ends (exclusive), given each item's size in characters:
 * as many items as fit in `page.chars` and `page.items`, and always at least one.
 */
export function nextPage(sizes: readonly number[], from: number, page: PageSize): number {
	let end = from;
	let chars = 0;
	while (end < sizes.length && end - from < page.items) {
		chars += sizes[end]!;
		if (chars > page.chars && end > from) break;
		end++;
	}
	return end;
}

/** Resolves a country's dossier into what its panel shows. */
export function buildPanelModel(
	iso3: string,
	briefing: ServedBriefing,
	index: Map<string, CountryDossier> | null,
	looks: readonly RoleLook[],
	nameOf: (iso3: string) => string,
	distances: readonly BorderDistance[] = briefing.distances
): PanelModel {
	const dossier = index?.get(iso3);
	const lookOf = new Map(looks.map((l) => [l.id, l]));
	const assigned = [dossier?.primaryRole, ...(dossier?.otherRoles ?? [])].filter((r) => !!r);
	const notes = dossier?.troopNotes ?? [];
	return {
		iso3,
		name: nameOf(iso3),
		mentioned: (dossier?.passages.length ?? 0) > 0,
		roles: assigned.map((r, i) => ({
			id: r.role.id,
			label: r.role.label,
			reason: r.reason,
			color: lookOf.get(r.role.id)?.color ?? '#999999',
			pattern: r.role.pattern,
			primary: i === 0
		})),
		passages: (dossier?.passages ?? []).map((p) => ({
			paragraph: p.paragraph,
			segments: p.segments,
			unmarked: p.unmarked,
			chars: p.text.length
		})),
		notes: notes.map((n) => {
			const marks = troopMarkRefs(n, briefing.overlays);
			return {
				id: n.id,
				text: n.text,
				forces: n.forces,
				approximate: n.approximate,
				where: zoneWhere(n),
				marks,
				provenance: formatProvenance(n.provenance),
				url: n.provenance.kind === 'source' ? n.provenance.url : undefined,
				noLink: n.provenance.kind === 'source' && !n.provenance.url,
				observed: n.observed ? formatObserved(n.observed) : undefined,
				afterArticle: isAfterArticle(n, briefing.asOf),
				// A note's details are a few lines, and each of its marks a line with a button.
				chars: n.text.length + n.forces.length + 150 + 60 * marks.length
			};
		}),
		related: (dossier?.entry?.related ?? []).map((r) => ({ iso3: r, name: nameOf(r) })),
		distances: distances
			.filter((d) => d.fromIso3 === iso3)
			.map((d) => ({
				text: `${d.from} lies ${formatNumber(d.km)} km from the nearest point of ${nameOf(d.to)}’s border.`,
				provenance: d.provenance
			}))
	};
}
