/**
 * The marks of the overlays (troop points, places, the route, the line of contact) as notes a
 * person can read: what, whose, where (approximate or not), when, and where it comes from. Built
 * from the overlays' features and, for troop notes, the briefing's own text about them.
 */
import {
	formatDate,
	formatObserved,
	formatProvenance,
	isAfterArticle,
	type ServedBriefing
} from '$lib/briefing/passages';

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
	distance?: string;
}

type Props = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;

function troopMark(overlay: string, p: Props, briefing: ServedBriefing | null): MarkModel {
	const note = briefing?.troopNotes.find((n) => n.id === p.noteId);
	const place = str(p.place) ?? str(p.label) ?? 'Troop position';
	return {
		key: `${overlay}/${p.id}`,
		overlay,
		title: place,
		what: note?.text ?? str(p.label) ?? '',
		whose: str(p.forces),
		where: p.approximate
			? `Approximate: the point marks ${place}, not a unit's exact position.`
			: 'As reported.',
		when: note?.observed ? formatObserved(note.observed) : undefined,
		afterArticle:
			typeof p.afterArticle === 'boolean'
				? p.afterArticle
				: !!(note && briefing && isAfterArticle(note, briefing.asOf)),
		provenance: note ? formatProvenance(note.provenance) : (str(p.provenance) ?? ''),
		url: note?.provenance.kind === 'source' ? note.provenance.url : (str(p.url) ?? undefined)
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

function otherMark(overlay: string, p: Props): MarkModel {
	const title =
		overlay === 'route' ? `${str(p.from)} → ${str(p.to)}` : (str(p.name) ?? str(p.label) ?? '');
	const what =
		overlay === 'route'
			? `Macron's journey, drawn as a great-circle arc.`
			: overlay === 'contact-line'
				? `${str(p.label) ?? ''}${p.towns ? `. Through ${str(p.towns)}.` : ''}`
				: (str(p.note) ?? str(p.label) ?? '');
	const accuracy = str(p.accuracyKm);
	return {
		key: `${overlay}/${p.id}`,
		overlay,
		title,
		what,
		mention: overlay === 'places' ? placeMention(p) : undefined,
		where: p.approximate
			? `Approximate${accuracy ? ` (±${accuracy} km)` : ''}.`
			: overlay === 'places'
				? 'Town coordinates from GeoNames.'
				: 'Between the cities, as drawn.',
		when: str(p.date)
			? formatDate(str(p.date)!)
			: str(p.asOf)
				? `Before 24 February 2022 (as of ${formatDate(str(p.asOf)!)})`
				: undefined,
		afterArticle: false,
		provenance: str(p.provenance) ?? '',
		url: str(p.url),
		distance:
			typeof p.distanceKm === 'number' ? `${p.distanceKm.toLocaleString('en-GB')} km` : undefined
	};
}

/** The readable marks of one overlay, in the file's order (zone labels and areas excluded). */
export function marksOf(
	overlay: string,
	data: GeoJSON.FeatureCollection | undefined,
	briefing: ServedBriefing | null
): MarkModel[] {
	if (!data) return [];
	const marks: MarkModel[] = [];
	for (const f of data.features) {
		const p = (f.properties ?? {}) as Props;
		if (!str(p.id) || f.geometry.type.includes('Polygon') || p.kind === 'zone-label') continue;
		marks.push(
			overlay.startsWith('troops') ? troopMark(overlay, p, briefing) : otherMark(overlay, p)
		);
	}
	return marks;
}
