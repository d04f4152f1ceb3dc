/**
 * The editor's scenes: pure Draft → Draft functions (no DOM, no map, no runes), pinned by
 * scenes-model.test.ts; the state owner (draft.svelte.ts) commits what they return, so every
 * change is autosaved and undoable like any other edit.
 *
 * A scene is the schema's (src/lib/briefing/schema/scenes.ts): an id, a title, the paragraphs it
 * quotes, the countries it highlights, the layers it shows, a camera and speaker notes.
 *
 * "Add scene" captures what the map beside the editor shows: its centre and zoom (the scene's
 * `center`/`zoom` camera: what the author framed, not a fit recomputed later), the layers visible
 * (the editor's map shows every layer of the draft: its countries and the basemap's labels), and
 * the highlighted countries. A briefer framing a scene expects it to show what they see: by
 * default every country of the briefing is highlighted, as on the editor's map; a country chosen
 * on the map (the author clicked it) narrows the scene to that one. Either is then edited per
 * scene.
 */
import { LIMITS } from '$lib/briefing/limits';
import { BASEMAP_LAYERS } from '$lib/briefing/overlay-styles';
import type { Draft, DocumentInput } from './draft-model';
import { NOTE_OVERLAYS, noteOverlayIds } from './notes-model';

export type SceneInput = NonNullable<DocumentInput['scenes']>[number];

/** What the editor's map shows when "Add scene" is pressed. */
export interface SceneCapture {
	/** [longitude, latitude] of the map's centre. */
	center: readonly [number, number];
	zoom: number;
	/** The layers visible; by default every layer of the draft (`draftLayers`). */
	layers?: readonly string[];
	/** The countries highlighted; by default every country of the briefing. */
	countries?: readonly string[];
}

export type SceneChange = Partial<Pick<SceneInput, 'title' | 'notes' | 'paragraphs' | 'countries'>>;

const scenesOf = (draft: Draft): SceneInput[] => draft.document.scenes ?? [];

const withScenes = (draft: Draft, scenes: SceneInput[]): Draft => ({
	...draft,
	document: { ...draft.document, scenes }
});

/**
 * Every layer the draft has, as the editor's map shows them: its countries (by ISO3), its
 * overlays and its notes' (even before it has notes: a note added after the scene shows in it),
 * then the basemap's.
 */
export function draftLayers(draft: Draft): string[] {
	return [
		...draft.document.countries.map((c) => c.iso3),
		...new Set([...(draft.document.overlays ?? []).map((o) => o.id), ...noteOverlayIds(draft)]),
		...BASEMAP_LAYERS
	];
}

/** A layer a scene can show, with the name the author reads (the map page's layers panel's). */
export interface SceneLayerChoice {
	id: string;
	name: string;
	kind: 'country' | 'overlay' | 'basemap';
}

/** Every layer of the draft (`draftLayers`), named: countries by `nameOf`, overlays by label. */
export function sceneLayerChoices(
	draft: Draft,
	nameOf: (iso3: string) => string
): SceneLayerChoice[] {
	const countries = new Set(draft.document.countries.map((c) => c.iso3));
	const labels = new Map<string, string>([
		...NOTE_OVERLAYS.map((o) => [o.id, o.label] as [string, string]),
		...(draft.document.overlays ?? []).map((o) => [o.id, o.label] as [string, string])
	]);
	return draftLayers(draft).map((id) =>
		countries.has(id)
			? { id, name: nameOf(id), kind: 'country' }
			: (BASEMAP_LAYERS as readonly string[]).includes(id)
				? { id, name: 'Labels', kind: 'basemap' }
				: { id, name: labels.get(id) ?? id, kind: 'overlay' }
	);
}

/**
 * Shows or hides one of the draft's layers in a scene, kept in the draft's order of layers. A
 * country the scene highlights stays shown; an unknown scene or layer changes nothing.
 */
export function setSceneLayer(draft: Draft, id: string, layer: string, shown: boolean): Draft {
	const scene = scenesOf(draft).find((s) => s.id === id);
	const all = draftLayers(draft);
	if (!scene || !all.includes(layer)) return draft;
	if (!shown && (scene.countries ?? []).includes(layer)) return draft;
	if (scene.layers.includes(layer) === shown) return draft;
	const now = new Set(shown ? [...scene.layers, layer] : scene.layers.filter((l) => l !== layer));
	// The draft's layers first, in their order; then any the scene had that the draft no longer has.
	const layers = [...all.filter((l) => now.has(l)), ...[...now].filter((l) => !all.includes(l))];
	return withScenes(
		draft,
		scenesOf(draft).map((s) => (s.id === id ? { ...s, layers } : s))
	);
}

const round = (v: number, digits: number) => {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
};
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The map's camera as a scene's: the longitude brought into -180..180 (a map panned round the
 * world reports 190), the latitude and zoom into what the schema allows, rounded (a scene is
 * read by people: 3 decimals of a degree is ~100 m). A value that is not a number gives the
 * world's view, rather than a scene that cannot be saved.
 */
export function sceneCamera(center: readonly [number, number], zoom: number) {
	const [lon, lat] = center;
	const finite = Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(zoom);
	if (!finite) return { center: [0, 20] as [number, number], zoom: 1 };
	const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
	return {
		center: [round(wrapped, 3), round(clamp(lat, -85, 85), 3)] as [number, number],
		zoom: round(clamp(zoom, 0, 9), 2)
	};
}

/** A scene id no scene of the draft has: `scene-<n>`, n the first free from the count + 1. */
export function newSceneId(draft: Draft): string {
	const ids = new Set(scenesOf(draft).map((s) => s.id));
	let n = ids.size + 1;
	while (ids.has(`scene-${n}`)) n++;
	return `scene-${n}`;
}

/**
 * Adds a scene at the end, capturing the map (see the module's comment). Its title is "Scene N";
 * it quotes paragraph N of the article (the story told in order; the last paragraph past it),
 * and has no notes yet. Past the schema's number of scenes the draft is returned as it is.
 */
export function addScene(draft: Draft, capture: SceneCapture): Draft {
	const scenes = scenesOf(draft);
	if (scenes.length >= LIMITS.scenes) return draft;
	const n = scenes.length + 1;
	const listed = new Set(draft.document.countries.map((c) => c.iso3));
	const countries = [
		...new Set((capture.countries ?? [...listed]).filter((c) => listed.has(c)))
	].slice(0, LIMITS.sceneCountries);
	// A highlighted country must be shown: it joins the layers if the capture left it out.
	const layers = [...new Set([...countries, ...(capture.layers ?? draftLayers(draft))])].slice(
		0,
		LIMITS.sceneLayers
	);
	const count = draft.document.article.paragraphs.length;
	return withScenes(draft, [
		...scenes,
		{
			id: newSceneId(draft),
			title: `Scene ${n}`,
			paragraphs: count > 0 ? [Math.min(n, count)] : [],
			countries,
			layers,
			camera: sceneCamera(capture.center, capture.zoom),
			notes: ''
		}
	]);
}

/**
 * Edits a scene's title, notes, paragraphs or highlighted countries. Paragraphs are kept in
 * article order, once each; a country highlighted is shown (it joins the layers).
 */
export function updateScene(draft: Draft, id: string, change: SceneChange): Draft {
	const scenes = scenesOf(draft);
	if (!scenes.some((s) => s.id === id)) return draft;
	return withScenes(
		draft,
		scenes.map((s) => {
			if (s.id !== id) return s;
			const next: SceneInput = { ...s, ...change };
			if (change.paragraphs) {
				next.paragraphs = [...new Set(change.paragraphs)]
					.filter((p) => Number.isInteger(p) && p >= 1)
					.sort((a, b) => a - b);
			}
			if (change.countries) {
				const countries = [...new Set(change.countries)];
				next.countries = countries;
				next.layers = [...new Set([...countries, ...s.layers])];
				// A scene fitted to its countries follows them (a fit names at least one).
				if (s.camera.fit !== undefined && countries.length) next.camera = { fit: countries };
			}
			return next;
		})
	);
}

/** A scene captured again from the map: its camera (and nothing else) replaced. */
export function recaptureCamera(
	draft: Draft,
	id: string,
	center: readonly [number, number],
	zoom: number
): Draft {
	const scenes = scenesOf(draft);
	if (!scenes.some((s) => s.id === id)) return draft;
	return withScenes(
		draft,
		scenes.map((s) => (s.id === id ? { ...s, camera: sceneCamera(center, zoom) } : s))
	);
}

/**
 * A scene framed to fit its highlighted countries: on any screen (a 4:3 projector, a phone) the
 * camera takes them all in, where a centre and a zoom chosen on one screen may cut them off on
 * another. Then it follows them as they change. Not for a scene with none highlighted.
 */
export function fitSceneToCountries(draft: Draft, id: string): Draft {
	const scenes = scenesOf(draft);
	const scene = scenes.find((s) => s.id === id);
	if (!scene?.countries?.length) return draft;
	return withScenes(
		draft,
		scenes.map((s) => (s === scene ? { ...s, camera: { fit: [...scene.countries!] } } : s))
	);
}

export function removeScene(draft: Draft, id: string): Draft {
	const scenes = scenesOf(draft);
	const kept = scenes.filter((s) => s.id !== id);
	return kept.length === scenes.length ? draft : withScenes(draft, kept);
}

/**
 * Moves the scene at index `from` to index `to` (the drop's place, both before the move; `to` is
 * clamped to the list). The same draft when nothing moves, so that no step is added to history.
 */
export function reorderScene(draft: Draft, from: number, to: number): Draft {
	const scenes = scenesOf(draft);
	if (!Number.isInteger(from) || from < 0 || from >= scenes.length) return draft;
	const target = clamp(Math.trunc(Number.isNaN(to) ? from : to), 0, scenes.length - 1);
	if (target === from) return draft;
	const next = [...scenes];
	const [moved] = next.splice(from, 1);
	next.splice(target, 0, moved!);
	return withScenes(draft, next);
}

/** "Move up" (delta -1) and "Move down" (+1); at either end the draft is returned as it is. */
export function moveScene(draft: Draft, id: string, delta: number): Draft {
	const from = scenesOf(draft).findIndex((s) => s.id === id);
	if (from < 0) return draft;
	return reorderScene(draft, from, from + delta);
}

/**
 * The scenes' paragraph numbers after the article's text changed (`moves`: old number → new, see
 * draft-model's paragraphMoves): a paragraph deleted leaves the scenes that quoted it.
 */
export function renumberScenes(
	scenes: readonly SceneInput[],
	moves: ReadonlyMap<number, number>
): SceneInput[] {
	return scenes.map((s) => ({
		...s,
		paragraphs: s.paragraphs.flatMap((p) => (moves.has(p) ? [moves.get(p)!] : []))
	}));
}

const ISO3 = /^[A-Z]{3}$/;

/**
 * The scenes as the document has them: a country taken out of the briefing (unchecked) leaves
 * the scenes' highlights and layers, while the draft keeps it in the scene, so checking the
 * country again brings it back there too (as its role and reason come back). So do the notes'
 * overlays the document will not have (`unused`: no note of theirs yet).
 */
export function scenesForDocument(
	scenes: readonly SceneInput[],
	listed: ReadonlySet<string>,
	unused: ReadonlySet<string> = new Set()
): SceneInput[] {
	const kept = (id: string) => (ISO3.test(id) ? listed.has(id) : !unused.has(id));
	return scenes.map((s) => ({
		...s,
		countries: (s.countries ?? []).filter(kept),
		layers: s.layers.filter(kept)
	}));
}

/**
 * A scene's problem (from validating the document) as the author reads it, named as the scenes
 * editor labels its fields ("Title of scene 2: must not be empty"), with the label so the page can
 * take the author there; null for a problem that is not a scene's.
 */
export function describeSceneProblem(
	draft: Draft,
	problem: string
): { text: string; field?: string } | null {
	const m = /^scenes\[(\d+)\](?:\.(\w+))?(?:[.[][^:]*)?: (.*)$/.exec(problem);
	if (!m) return null;
	const [, index, part, message] = m;
	const i = Number(index);
	const scene = scenesOf(draft)[i];
	if (!scene) return null;
	const n = i + 1;
	const name = scene.title.trim() ? `Scene ${n} (“${scene.title.trim()}”)` : `Scene ${n}`;
	switch (part) {
		case 'title':
			return { text: `Title of scene ${n}: ${message}`, field: `Title of scene ${n}` };
		case 'notes':
			return {
				text: `Speaker notes of scene ${n}: ${message}`,
				field: `Speaker notes of scene ${n}`
			};
		case 'paragraphs':
			return { text: `Paragraphs of scene ${n}: ${message}` };
		case 'countries':
			return { text: `Highlighted countries of scene ${n}: ${message}` };
		default:
			return { text: `${name}${part ? ` (${part})` : ''}: ${message}` };
	}
}
