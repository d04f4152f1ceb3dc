/**
 * Notes on the map: the draft's troop notes (`document.troopNotes`, the schema's `troopNoteSchema`)
 * as the editor writes them, in pure functions Draft → Draft (no DOM, no map, no runes), each a
 * step of the history through `editor.commit`.
 *
 * A note is placed as a point, a line or an area (drawn on the map, or a point typed as
 * coordinates or a place name). The schema's note geometries were points and border zones; lines
 * and areas were added to it as optional kinds (LineString, Polygon), so that a drawn note stays
 * one troop note with its forces, text and provenance, exported and derived like the others.
 *
 * A new note has no provenance yet: it is written as an article provenance with no paragraph, which
 * the draft keeps and the schema refuses ("name at least one paragraph"), so export lists it until
 * the author says where the note comes from (`hasProvenance`).
 */
import { z } from 'zod';
import type { Position } from 'geojson';
import type { Draft, DocumentInput } from './draft-model';
import type { MapOverlay } from '$lib/map/overlays';

export type NoteInput = NonNullable<DocumentInput['troopNotes']>[number];
export type NoteGeometry = NoteInput['geometry'];
export type NoteProvenance = NoteInput['provenance'];

/** What the author draws or types: GeoJSON, positions [longitude, latitude]. */
export type DrawnGeometry =
	| { type: 'Point'; coordinates: Position }
	| { type: 'LineString'; coordinates: Position[] }
	| { type: 'Polygon'; coordinates: Position[][] };

export type DrawnKind = DrawnGeometry['type'];

/** The notes of a draft (none when a stored draft has no list, or not a list). */
export function notesOf(draft: Draft): NoteInput[] {
	const notes = draft.document.troopNotes;
	return Array.isArray(notes) ? notes : [];
}

const withNotes = (draft: Draft, troopNotes: NoteInput[]): Draft => ({
	...draft,
	document: { ...draft.document, troopNotes }
});

/**
 * A fresh id, `note-<n>` with the smallest n no note has: ids never change once given (the map
 * keys a note's marks by it), and one removed may be given again only when no note holds it.
 */
export function newNoteId(draft: Draft): string {
	const ids = new Set(notesOf(draft).map((n) => n.id));
	let n = 1;
	while (ids.has(`note-${n}`)) n++;
	return `note-${n}`;
}

/** Coordinates as the geodata holds them: 4 decimals (about 11 m), enough for a note's place. */
const round = (v: number) => Math.round(v * 1e4) / 1e4;
const roundPosition = (p: Position): [number, number] => [round(p[0] ?? 0), round(p[1] ?? 0)];

/**
 * A drawn shape as a note's geometry. A point named (placed by a place name) is marked at that
 * place (`precision: town`); a point clicked or typed as coordinates is where the author put it.
 */
export function toNoteGeometry(drawn: DrawnGeometry, name?: string): NoteGeometry {
	switch (drawn.type) {
		case 'Point':
			return name
				? {
						type: 'Point',
						coordinates: roundPosition(drawn.coordinates),
						name,
						precision: { level: 'town', at: name }
					}
				: {
						type: 'Point',
						coordinates: roundPosition(drawn.coordinates),
						precision: { level: 'site' }
					};
		case 'LineString':
			return { type: 'LineString', coordinates: drawn.coordinates.map(roundPosition) };
		case 'Polygon':
			// One ring: an area drawn has no holes (terra-draw's polygon mode draws none).
			return { type: 'Polygon', coordinates: [drawn.coordinates[0]!.map(roundPosition)] };
	}
}

/** A note's kind, in words, as the list names it. */
export function kindOf(
	geometry: NoteGeometry
): 'Point' | 'Points' | 'Line' | 'Area' | 'Border zone' {
	if ('derive' in geometry) return 'Border zone';
	switch (geometry.type) {
		case 'Point':
			return 'Point';
		case 'MultiPoint':
			return 'Points';
		case 'LineString':
			return 'Line';
		case 'Polygon':
			return 'Area';
	}
}

/**
 * Adds a note at `geometry`, with no text, no forces and no provenance yet (see the module's
 * comment), about `concerns` (the countries whose panels list it). Its id is `newNoteId`.
 */
export function addNote(
	draft: Draft,
	geometry: DrawnGeometry,
	options: { concerns?: string[]; name?: string } = {}
): Draft {
	const note: NoteInput = {
		id: newNoteId(draft),
		concerns: options.concerns ?? [],
		forces: '',
		text: '',
		provenance: { kind: 'article', paragraphs: [] },
		approximate: options.name !== undefined || geometry.type !== 'Point',
		geometry: toNoteGeometry(geometry, options.name)
	};
	return withNotes(draft, [...notesOf(draft), note]);
}

/** A zone along a border: the band `widthKm` wide inside `inside`, along its border with `along`. */
export interface ZoneChoice {
	inside: string;
	along: string;
	widthKm: number;
}

/**
 * Adds a note whose place is a zone along a border (the schema's `border-zone`), derived from the
 * 1:50m shapes by derive.js, as the content build derives it. Approximate: the zone illustrates.
 */
export function addZoneNote(draft: Draft, zone: ZoneChoice): Draft {
	const note: NoteInput = {
		id: newNoteId(draft),
		concerns: [...new Set([zone.inside, zone.along])],
		forces: '',
		text: '',
		provenance: { kind: 'article', paragraphs: [] },
		approximate: true,
		geometry: {
			derive: 'border-zone',
			along: [zone.inside, zone.along],
			inside: [zone.inside],
			widthKm: zone.widthKm,
			reason: `Illustrative: a band ${zone.widthKm} km wide along the border.`
		}
	};
	return withNotes(draft, [...notesOf(draft), note]);
}

export type NoteChange = Partial<
	Pick<NoteInput, 'text' | 'forces' | 'approximate' | 'concerns' | 'observed'>
>;

function changeNote(draft: Draft, id: string, change: (n: NoteInput) => NoteInput): Draft {
	const notes = notesOf(draft);
	if (!notes.some((n) => n.id === id)) return draft;
	return withNotes(
		draft,
		notes.map((n) => (n.id === id ? change(n) : n))
	);
}

/**
 * Edits a note's text, forces, approximate flag, countries or when it was seen (its id and place
 * stay). `observed: undefined` says the note has no date.
 */
export function updateNote(draft: Draft, id: string, change: NoteChange): Draft {
	return changeNote(draft, id, (n) => {
		const next = { ...n, ...change };
		if ('observed' in change && change.observed === undefined) delete next.observed;
		return next;
	});
}

/** Where the note comes from: paragraphs of the article, or a source. */
export function setNoteProvenance(draft: Draft, id: string, provenance: NoteProvenance): Draft {
	return changeNote(draft, id, (n) => ({ ...n, provenance }));
}

/** Moves a note: a new point, line or area for it (drawn again, or typed). */
export function setNoteGeometry(
	draft: Draft,
	id: string,
	geometry: DrawnGeometry,
	name?: string
): Draft {
	return changeNote(draft, id, (n) => ({ ...n, geometry: toNoteGeometry(geometry, name) }));
}

export function removeNote(draft: Draft, id: string): Draft {
	const notes = notesOf(draft);
	const kept = notes.filter((n) => n.id !== id);
	return kept.length === notes.length ? draft : withNotes(draft, kept);
}

/** Whether the note says where it comes from (a paragraph named, or a source with a title). */
export function hasProvenance(note: NoteInput): boolean {
	const p = note.provenance;
	return p.kind === 'article' ? p.paragraphs.length > 0 : p.title.trim() !== '';
}

/** Renumbers the notes' paragraphs when the article changes (see draft-model's `paragraphMoves`). */
export function renumberNotes(notes: NoteInput[], moves: Map<number, number>): NoteInput[] {
	return notes.map((n) =>
		n.provenance.kind === 'article'
			? {
					...n,
					provenance: {
						kind: 'article',
						paragraphs: n.provenance.paragraphs.flatMap((p) =>
							moves.has(p) ? [moves.get(p)!] : []
						)
					}
				}
			: n
	);
}

// --- What the author types -------------------------------------------------------------------

/**
 * Paragraph numbers as typed, "2, 5" or "2 5" or "2-4": the numbers, sorted, each once, or what is
 * wrong with them (a number the article does not have is named).
 */
export function parseParagraphs(
	typed: string,
	count: number
): { ok: true; paragraphs: number[] } | { ok: false; error: string } {
	const parts = typed.split(/[\s,;]+/).filter(Boolean);
	const out = new Set<number>();
	for (const part of parts) {
		const m = /^(\d{1,4})(?:[-–](\d{1,4}))?$/.exec(part);
		if (!m) return { ok: false, error: `“${part}” is not a paragraph number: write e.g. 2, 5` };
		const from = Number(m[1]);
		const to = m[2] === undefined ? from : Number(m[2]);
		if (to < from) return { ok: false, error: `${part}: the range runs backwards` };
		for (let p = from; p <= to && out.size <= 1000; p++) {
			if (p < 1 || p > count)
				return {
					ok: false,
					error:
						count === 0
							? 'The article has no paragraphs yet'
							: `The article has no paragraph ${p} (it has ${count})`
				};
			out.add(p);
		}
	}
	return { ok: true, paragraphs: [...out].sort((a, b) => a - b) };
}

const latitude = z.number().min(-90, { error: 'latitude runs from -90 to 90' }).max(90, {
	error: 'latitude runs from -90 to 90'
});
const longitude = z.number().min(-180, { error: 'longitude runs from -180 to 180' }).max(180, {
	error: 'longitude runs from -180 to 180'
});

/** A basemap label: a place the map names (its label file's `name`), and where. */
export interface PlaceLabel {
	name: string;
	coordinates: Position;
	iso3?: string;
}

/**
 * A place typed in the Place box: "50.45, 30.52" (latitude, longitude, as maps give them; "N"/"S"
 * and "E"/"W" suffixes read too), or a place the basemap labels name (case and accents ignored).
 */
export function parsePlace(
	typed: string,
	labels: readonly PlaceLabel[]
): { ok: true; coordinates: [number, number]; name?: string } | { ok: false; error: string } {
	const text = typed.trim();
	if (!text) return { ok: false, error: 'Type coordinates (latitude, longitude) or a place name' };
	const number = String.raw`([-+]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEW])?`;
	const m = new RegExp(String.raw`^${number}\s*[,;\s]\s*${number}$`, 'i').exec(text);
	if (m) {
		const signed = (v: string, hemi: string | undefined, neg: string) =>
			(hemi && hemi.toUpperCase() === neg ? -1 : 1) * Number(v);
		let lat = signed(m[1]!, m[2], 'S');
		let lon = signed(m[3]!, m[4], 'W');
		// "30.52 E, 50.45 N": longitude first, said by its letters.
		if (/[EW]/i.test(m[2] ?? '') && /[NS]/i.test(m[4] ?? '')) {
			lat = signed(m[3]!, m[4], 'S');
			lon = signed(m[1]!, m[2], 'W');
		}
		const checked = z.object({ lat: latitude, lon: longitude }).safeParse({ lat, lon });
		if (!checked.success)
			return {
				ok: false,
				error: `Coordinates out of range: ${checked.error.issues.map((i) => i.message).join('; ')} (write latitude, longitude)`
			};
		return { ok: true, coordinates: [round(lon), round(lat)] };
	}
	const key = (s: string) =>
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/\s+/g, ' ')
			.trim();
	const wanted = key(text);
	const hit =
		labels.find((l) => key(l.name) === wanted) ??
		labels.find((l) => l.iso3 !== undefined && l.iso3.toLowerCase() === wanted);
	if (!hit)
		return {
			ok: false,
			error: `No place named “${text.slice(0, 80)}” on the map: type a country the map labels, or coordinates such as 40.18, 44.51 (latitude, longitude)`
		};
	return { ok: true, coordinates: roundPosition(hit.coordinates), name: hit.name };
}

/** The basemap's label file (geodata/labels.geojson) as places, checked like any input. */
const labelFile = z.object({
	features: z.array(
		z.object({
			properties: z.object({ name: z.string(), iso3: z.string().optional() }),
			geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).min(2) })
		})
	)
});
export function placesOfLabels(raw: unknown): PlaceLabel[] {
	const parsed = labelFile.safeParse(raw);
	if (!parsed.success) return [];
	return parsed.data.features.map((f) => ({
		name: f.properties.name,
		iso3: f.properties.iso3,
		coordinates: f.geometry.coordinates
	}));
}

// --- The map beside the editor ----------------------------------------------------------------

/**
 * The overlays that draw the notes, as the embedded briefings have them: the notes citing the
 * article in the troops look, those citing a source in the reports look. Their features are
 * derived (src/lib/geo/derive.js) from the notes.
 */
export const NOTE_OVERLAYS = [
	{
		id: 'troops-article',
		label: 'Troop positions (article)',
		group: 'military',
		style: 'troops',
		legend: [
			{ symbol: 'area', caption: 'Area the article describes (approximate)' },
			{ symbol: 'point', caption: 'Forces the article places' }
		],
		derived: { from: 'troopNotes', provenance: 'article' }
	},
	{
		id: 'troops-reported',
		label: 'Reported concentrations',
		group: 'military',
		style: 'reports',
		legend: [
			{ symbol: 'reported', caption: 'Reported in public sources up to the article’s date' },
			{ symbol: 'later', caption: 'Reported after the article’s date: later knowledge' }
		],
		derived: { from: 'troopNotes', provenance: 'source' }
	}
] as const;

/** The document's own overlay of the notes of one provenance, if it has one. */
function ownNoteOverlay(draft: Draft, o: (typeof NOTE_OVERLAYS)[number]) {
	return (draft.document.overlays ?? []).find(
		(d) => d.derived?.from === 'troopNotes' && d.derived.provenance === o.derived.provenance
	);
}

/**
 * The ids of the overlays that draw the draft's notes, whether or not it has notes yet: a scene
 * captured in the editor shows them, as the editor's map does (see scenes-model's draftLayers).
 */
export function noteOverlayIds(draft: Draft): string[] {
	return NOTE_OVERLAYS.map((o) => ownNoteOverlay(draft, o)?.id ?? o.id);
}

/**
 * The ids of the notes' overlays the document will not have: no note of that provenance, and no
 * such overlay of its own. A scene does not list them (see draftToDocument).
 */
export function unusedNoteOverlayIds(draft: Draft): Set<string> {
	const notes = notesOf(draft);
	return new Set(
		NOTE_OVERLAYS.flatMap((o) => {
			if (ownNoteOverlay(draft, o)) return [];
			return notes.some((n) => n.provenance.kind === o.derived.provenance) ? [] : [o.id];
		})
	);
}

/** What a note's marks say while it has no provenance (the map's label, under the note's text). */
export const NO_PROVENANCE = 'No provenance yet';

/**
 * What derive.js reads to draw the draft's notes: the notes as they are, a note with no paragraph
 * yet drawn as its draft is (marked "no provenance yet"), and the two derived overlays, empty.
 */
export function noteDerivationInput(draft: Draft) {
	const notes = notesOf(draft).map((n) =>
		hasProvenance(n)
			? n
			: {
					...n,
					// Drawn, not exported: the label says the provenance is missing.
					provenance: { kind: 'source' as const, publisher: NO_PROVENANCE },
					label: n.text.trim() || 'Note with no provenance yet'
				}
	);
	return {
		asOf: draft.document.asOf,
		article: { paragraphs: [...draft.document.article.paragraphs] },
		troopNotes: notes,
		// The document's own derived overlays where it has them (a briefing opened to be edited keeps
		// its ids, labels and captions), else the editor's two.
		overlays: NOTE_OVERLAYS.map((o) => {
			const base = ownNoteOverlay(draft, o) ?? o;
			return {
				id: base.id,
				label: base.label,
				group: base.group,
				style: base.style,
				legend: base.legend.map((l) => ({ ...l })),
				derived: { ...o.derived },
				features: { type: 'FeatureCollection' as const, features: [] }
			};
		})
	};
}

/**
 * derive.js (Turf inside) and the countries' shapes, loaded the first time a draft has a note,
 * then kept: awaiting an import again, even one long loaded, waits for a turn of the page's event
 * loop, which behind a busy map's frames cost a note placed on a large briefing most of a second.
 */
let derivation: {
	derive: typeof import('$lib/geo/derive.js');
	shapes: typeof import('./note-shapes');
};
async function loadDerivation() {
	if (derivation) return derivation;
	const [derive, shapes] = await Promise.all([
		import('$lib/geo/derive.js'),
		import('./note-shapes')
	]);
	return (derivation = { derive, shapes });
}

/**
 * Each note's marks as last derived for the map, by the note (an edited note is a new object: see
 * `updateNote`) and the date the story is told from (which says which marks come after it).
 */
const marksOf = new WeakMap<
	object,
	{ asOf: string; features: MapOverlay['features']['features'] }
>();

/**
 * The overlays that draw the draft's notes on the editor's map: derive.js (Turf inside) is loaded
 * only here, the first time a draft has a note, so the editor's first load does not carry it. A
 * note whose shape cannot be derived (a border zone with no shared border) is left out. Only the
 * notes new or changed since the last call are derived; the others keep their marks, the very
 * same objects (placing one note on a briefing of 2,000 derived all of them again).
 */
export async function noteOverlays(draft: Draft): Promise<MapOverlay[]> {
	const notes = notesOf(draft);
	if (notes.length === 0) return [];
	const {
		derive: { deriveDocument },
		shapes: { shapeOf }
	} = derivation ?? (await loadDerivation());
	const input = noteDerivationInput(draft);
	const asOf = draft.document.asOf;
	const stale = notes.flatMap((n, i) => (marksOf.get(n)?.asOf === asOf ? [] : [i]));
	if (stale.length) {
		const some = { ...input, troopNotes: stale.map((i) => input.troopNotes[i]!) };
		let derived;
		let drawn = some.troopNotes;
		try {
			derived = await deriveDocument(some as never, shapeOf);
		} catch {
			drawn = some.troopNotes.filter((n) => !('derive' in n.geometry));
			derived = await deriveDocument({ ...some, troopNotes: drawn } as never, shapeOf);
		}
		const byNote = new Map<string, MapOverlay['features']['features']>();
		for (const o of (derived as unknown as { overlays: MapOverlay[] }).overlays) {
			for (const f of o.features.features) {
				const id = String(f.properties.noteId);
				byNote.set(id, [...(byNote.get(id) ?? []), f]);
			}
		}
		const derivedIds = new Set(drawn.map((n) => n.id));
		for (const i of stale) {
			const note = notes[i]!;
			// A zone that could not be derived has no marks, and is tried again next time.
			if (!derivedIds.has(note.id)) continue;
			const features = (byNote.get(note.id) ?? []).map((f) =>
				hasProvenance(note)
					? f
					: { ...f, properties: { ...f.properties, provenance: NO_PROVENANCE } }
			);
			marksOf.set(note, { asOf, features });
		}
	}
	return input.overlays
		.map((o) => ({
			...o,
			features: {
				type: 'FeatureCollection' as const,
				features: notes.flatMap((n, i) =>
					input.troopNotes[i]!.provenance.kind === o.derived.provenance
						? (marksOf.get(n)?.features ?? [])
						: []
				)
			}
		}))
		.filter((o) => o.features.features.length > 0) as unknown as MapOverlay[];
}

/**
 * The exported document with the notes' overlays as derived (`noteOverlays`), in place of any it
 * had: a briefing's map draws its notes from these overlays, so an export without them would
 * show none. Written by the same code as the content build's `npm run notes`.
 */
export function withNoteOverlays(
	doc: DocumentInput,
	overlays: readonly MapOverlay[]
): DocumentInput {
	type Overlays = NonNullable<DocumentInput['overlays']>;
	const fresh = new Map(overlays.map((o) => [o.id, o as Overlays[number]]));
	// Each derived overlay stays where the document has it (a briefing opened to be edited exports
	// back as it was); one the document did not have yet goes last.
	const inPlace = (doc.overlays ?? []).flatMap((o) => {
		if (o.derived?.from !== 'troopNotes') return [o];
		const now = fresh.get(o.id);
		fresh.delete(o.id);
		return now ? [now] : [];
	});
	const drawn = [...inPlace, ...fresh.values()];
	// A scene shows the notes' overlays from its capture on; one with no notes (none of that
	// provenance) is not in the document, and is no layer of its scenes either.
	const present = new Set(drawn.map((o) => o.id));
	const absent = new Set(
		[...NOTE_OVERLAYS, ...(doc.overlays ?? []).filter((o) => o.derived?.from === 'troopNotes')]
			.map((o) => o.id)
			.filter((id) => !present.has(id))
	);
	return {
		...doc,
		overlays: drawn,
		...(doc.scenes && absent.size
			? {
					scenes: doc.scenes.map((s) => ({
						...s,
						layers: s.layers.filter((id) => !absent.has(id))
					}))
				}
			: {})
	};
}

/**
 * Every overlay the draft's notes derive, for export (empty ones too, as the content build writes
 * them): derive.js is loaded here, as for the map.
 */
export async function exportedNoteOverlays(draft: Draft): Promise<MapOverlay[]> {
	if (notesOf(draft).length === 0) return [];
	const {
		derive: { deriveDocument },
		shapes: { shapeOf }
	} = derivation ?? (await loadDerivation());
	const derived = await deriveDocument(noteDerivationInput(draft) as never, shapeOf);
	return (derived as unknown as { overlays: MapOverlay[] }).overlays;
}

/** The note fields as the notes' section labels them, by their path in a troop note. */
const NOTE_FIELDS: Record<string, string> = {
	text: 'Note text',
	forces: 'Forces',
	concerns: 'Countries',
	'observed.from': 'Seen on',
	'observed.to': 'Seen until',
	'provenance.paragraphs': 'Paragraphs',
	'provenance.publisher': 'Source publisher',
	'provenance.title': 'Source title',
	'provenance.url': 'Source address',
	'provenance.date': 'Source date',
	geometry: 'Place'
};

/**
 * A validation problem of a note as the author reads it, "Note 1 (Point), Paragraphs: name at
 * least one paragraph", or undefined when the problem is not a note's.
 */
export function describeNoteProblem(draft: Draft, problem: string): string | undefined {
	return noteProblem(draft, problem)?.text;
}

/** The editor's control for a note's field, where it is not the field's own name. */
const NOTE_CONTROLS: Record<string, string> = { Countries: 'Add a country' };

/**
 * A note's validation problem as `describeNoteProblem` words it, with where the editor shows it:
 * the label of the control (`field`) inside that note's item of the list (`within`, a selector),
 * so that the author can be taken there; undefined when the problem is not a note's.
 */
export function noteProblem(
	draft: Draft,
	problem: string
): { text: string; field?: string; within: string } | undefined {
	const m = /^troopNotes\[(\d+)\](?:\.([\w.]+))?(?:\[\d+\][^:]*)?: (.*)$/.exec(problem);
	if (!m) return undefined;
	const [, index, path, message] = m;
	const note = notesOf(draft)[Number(index)];
	if (!note) return undefined;
	const field =
		path === undefined
			? undefined
			: (NOTE_FIELDS[path] ?? NOTE_FIELDS[path.split('.')[0]!] ?? path);
	return {
		text: `Note ${Number(index) + 1} (${kindOf(note.geometry)})${field ? `, ${field}` : ''}: ${message}`,
		field: field && (NOTE_CONTROLS[field] ?? field),
		within: `li[data-note="${note.id}"]`
	};
}
