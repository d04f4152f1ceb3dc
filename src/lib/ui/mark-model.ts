/**
 * The marks of the overlays (troop points, places, the route, the line of contact) as notes a
 * person can read: what, whose, where (approximate or not), when, and where it comes from. Built
 * from the overlays' features and, for troop notes, the briefing's own text about them.
 */
import {
	formatDate,
	formatNumber,
	formatObserved,
	formatPrecision,
	formatProvenance,
	isAfterArticle,
	type ServedBriefing
} from '$lib/briefing/passages';
import type { OverlayStyle } from '$lib/briefing/overlay-styles';
import type { Overlay, TroopNote } from '$lib/briefing/schema';

/** What the marks are read from: the briefing's overlays, with their look and features. */
export type MarkOverlay = Pick<Overlay, 'id' | 'style' | 'features' | 'derived'>;

export interface MarkModel {
	/** `overlay/id`: the hash's `mark=` and the list's key. */
	key: string;
	overlay: string;
	title: string;
	what: string;
	/** For places: whether the article names it (and where), or why it is shown at all. */
	mention?: string;
	whose?: string;
	where: string;
	when?: string;
	/** Reported after the article's date: later knowledge, not the article's. */
	afterArticle: boolean;
	provenance: string;
	url?: string;
	/** A cited source with no address on record: the panel says so rather than stay silent. */
	noLink: boolean;
	distance?: string;
}

/** One point of a troop note, as the map draws it: its mark key, name and precision in words. */
export interface TroopMarkRef {
	/** `overlay/id`, as in MarkModel.key and the hash's `mark=`. */
	key: string;
	name: string;
	where: string;
}

/**
 * The marks a troop note draws, keyed as the content build names them: a note goes to the overlay
 * derived from the notes of its provenance (`derived.provenance`, "article" or "source"); a point
 * is `<note id>`, a named MultiPoint's positions `<note id>-<index>`. An area (derived or drawn)
 * and a line have no mark, and neither has a note no overlay draws.
 */
export function troopMarkRefs(
	note: TroopNote,
	overlays: readonly Pick<Overlay, 'id' | 'derived'>[]
): TroopMarkRef[] {
	const g = note.geometry;
	// An area, derived or drawn, and a drawn line have no mark (as a derived area has none).
	if ('derive' in g || g.type === 'LineString' || g.type === 'Polygon') return [];
	const overlay = overlays.find((o) => o.derived?.provenance === note.provenance.kind)?.id;
	if (overlay === undefined) return [];
	if (g.type === 'Point') {
		const name = g.name ?? g.precision.at ?? note.forces;
		return [{ key: `${overlay}/${note.id}`, name, where: formatPrecision(g.precision, g.name) }];
	}
	const names = g.names;
	if (names) {
		return g.coordinates.map((_, i) => {
			const name = names[i] ?? '';
			const p = g.precision[i];
			return {
				key: `${overlay}/${note.id}-${i}`,
				name,
				where: p ? formatPrecision(p, name) : 'Approximate position.'
			};
		});
	}
	// One mark for all the positions of an unnamed MultiPoint.
	const where = [...new Set(g.precision.map((p) => formatPrecision(p)))].join(' ');
	return [{ key: `${overlay}/${note.id}`, name: note.forces, where }];
}

/** What a zone note says of its area instead of a precision. */
export function zoneWhere(note: TroopNote): string | undefined {
	const g = note.geometry;
	if (!('derive' in g)) return undefined;
	const by = note.provenance.kind === 'article' ? 'the article' : 'the source';
	return `Illustrative area: ${by} gives no positions; drawn within ${g.widthKm} km of the border.`;
}

// Each troop mark looks its note up by id: by a table built once per briefing, not a search of
// every note per mark (2,000 marks of 2,000 notes would be four million comparisons).
const notesById = new WeakMap<ServedBriefing, Map<string, TroopNote>>();

function noteById(briefing: ServedBriefing, id: unknown): TroopNote | undefined {
	let byId = notesById.get(briefing);
	if (!byId) {
		byId = new Map();
		// The first of two notes with one id, as a search would find (the schema refuses repeats).
		for (const n of briefing.troopNotes) if (!byId.has(n.id)) byId.set(n.id, n);
		notesById.set(briefing, byId);
	}
	return typeof id === 'string' ? byId.get(id) : undefined;
}

type Props = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;

function troopMark(overlay: string, p: Props, briefing: ServedBriefing | null): MarkModel {
	const note = briefing ? noteById(briefing, p.noteId) : undefined;
	const place = str(p.place) ?? str(p.label) ?? 'Troop position';
	const key = `${overlay}/${p.id}`;
	const ref = note
		? troopMarkRefs(note, briefing?.overlays ?? []).find((r) => r.key === key)
		: undefined;
	const url = note?.provenance.kind === 'source' ? note.provenance.url : (str(p.url) ?? undefined);
	const cited = note ? note.provenance.kind === 'source' : p.provenanceKind === 'source';
	return {
		key,
		overlay,
		title: place,
		what: note?.text ?? str(p.label) ?? '',
		whose: str(p.forces),
		where:
			ref?.where ??
			(p.approximate
				? `Approximate: the point marks ${place}, not a unit's exact position.`
				: 'As reported.'),
		when: note?.observed ? formatObserved(note.observed) : undefined,
		afterArticle:
			typeof p.afterArticle === 'boolean'
				? p.afterArticle
				: !!(note && briefing && isAfterArticle(note, briefing.asOf)),
		provenance: note ? formatProvenance(note.provenance) : (str(p.provenance) ?? ''),
		url,
		noLink: cited && !url
	};
}

/** "para. 7" or "paras. 1, 3" from the comma-separated list the geodata writes. */
function paragraphRef(csv: string | undefined): string | undefined {
	const n = (csv ?? '').split(',').filter((x) => x.trim());
	return n.length === 0 ? undefined : `${n.length === 1 ? 'para.' : 'paras.'} ${n.join(', ')}`;
}

/** A place's line on the article: named there (and where), or why the map shows it anyway. */
function placeMention(p: Props): string | undefined {
	if (typeof p.namedInArticle !== 'boolean') return undefined;
	const ref = paragraphRef(str(p.paragraphs));
	if (p.namedInArticle) return `Named in the article${ref ? ` (${ref})` : ''}.`;
	const why = str(p.shownBecause);
	return `Not named in the article${why ? `; shown as ${why}` : ''}${ref ? ` (${ref})` : ''}.`;
}

function otherMark(overlay: string, style: OverlayStyle, p: Props): MarkModel {
	const title =
		style === 'route' ? `${str(p.from)} → ${str(p.to)}` : (str(p.name) ?? str(p.label) ?? '');
	const what =
		style === 'route'
			? (str(p.note) ?? str(p.label) ?? '')
			: style === 'front-line'
				? `${str(p.label) ?? ''}${p.towns ? `. Through ${str(p.towns)}.` : ''}`
				: (str(p.note) ?? str(p.label) ?? '');
	const accuracy = str(p.accuracyKm);
	const coordinates = str(p.coordinatesSource);
	return {
		key: `${overlay}/${p.id}`,
		overlay,
		title,
		what,
		mention: style === 'places' ? placeMention(p) : undefined,
		where: p.approximate
			? `Approximate${accuracy ? ` (±${accuracy} km)` : ''}.`
			: style === 'places'
				? coordinates
					? `Town coordinates from ${coordinates.replace(/ \(.*\)$/, '')}.`
					: 'As placed.'
				: 'Between the cities, as drawn.',
		when: str(p.when) ?? (str(p.date) ? formatDate(str(p.date)!) : undefined),
		afterArticle: false,
		provenance: str(p.provenance) ?? '',
		url: str(p.url),
		noLink: false,
		distance: typeof p.distanceKm === 'number' ? `${formatNumber(p.distanceKm)} km` : undefined
	};
}

/** The readable marks of one overlay, in the file's order (zone labels and areas excluded). */
export function marksOf(overlay: MarkOverlay, briefing: ServedBriefing | null): MarkModel[] {
	const marks: MarkModel[] = [];
	const troops = overlay.style === 'troops' || overlay.style === 'reports';
	for (const f of overlay.features.features) {
		const p = f.properties as Props;
		if (!str(p.id) || f.geometry.type.includes('Polygon') || p.kind === 'zone-label') continue;
		marks.push(
			troops ? troopMark(overlay.id, p, briefing) : otherMark(overlay.id, overlay.style, p)
		);
	}
	return marks;
}
