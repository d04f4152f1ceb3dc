/**
 * The editor's one state owner: the draft (a briefing document in progress, see draft-model.ts)
 * and what the page shows of it. Every change goes through `commit`, with the draft it makes: the
 * one place where persistence (autosave) and undo can listen (`onCommit`), and where the map's
 * revision is counted (the map beside the editor redraws in place from `mapContent`).
 */
import { gazetteerLanguage } from '$lib/briefing/gazetteer';
import { loadGazetteer } from '$lib/content/gazetteer';
import { COUNTRY_NAMES, MAINLAND_BOUNDS, type Bounds } from '$lib/map/geodata';
import { findCountries } from './find-countries';
import * as model from './draft-model';
import * as notes from './notes-model';
import type { MapContent } from '$lib/map/briefing-map';
import type { MapOverlay } from '$lib/map/overlays';
import type { Draft, RoleChange } from './draft-model';
import * as passages from './passages-model';
import * as scenes from './scenes-model';

const NAMES = new Map(COUNTRY_NAMES.map((c) => [c.iso3, c.name]));

export interface DraftEditorOptions {
	/** The draft to start from (a restored one); a new one by default. */
	draft?: Draft;
	/**
	 * Called with every new draft and what made it, e.g. "Role of Niger". `alone`: a step of its
	 * own (a note or a role added or removed), never joined to the one before; other edits of the
	 * same name that follow each other may be (typing in one box).
	 */
	onCommit?: (draft: Draft, what: string, alone: boolean) => void;
}

/**
 * Two derivations of an overlay draw the same: the same marks (a note's marks are kept, the same
 * objects, until it changes: see `noteOverlays`) and the same caption and style.
 */
function sameOverlay(a: MapOverlay, b: MapOverlay): boolean {
	const fa = a.features.features;
	const fb = b.features.features;
	if (fa.length !== fb.length || fa.some((f, i) => f !== fb[i])) return false;
	const rest = (o: MapOverlay) => JSON.stringify({ ...o, features: null });
	return rest(a) === rest(b);
}

export class DraftEditor {
	/** The draft as it is now: replaced whole on every change, never mutated. */
	draft = $state.raw<Draft>(model.newDraft());
	/** How many changes the map has to draw since the page opened (0: as it started). */
	revision = $state(0);
	/** "Find countries" is reading the article (its language's names may be loading). */
	finding = $state(false);
	/** What the last action said, for the status line: found, added, refused. */
	message = $state<{ text: string; error: boolean } | null>(null);

	readonly #onCommit: DraftEditorOptions['onCommit'];

	constructor(options: DraftEditorOptions = {}) {
		if (options.draft) {
			this.draft = options.draft;
			this.mapContent = model.draftToMapContent(options.draft);
		}
		this.#onCommit = options.onCommit;
	}

	nameOf = (iso3: string) => NAMES.get(iso3) ?? iso3;

	readonly listed = $derived(model.listedCountries(this.draft, this.nameOf));
	readonly stale = $derived(model.isFoundStale(this.draft));
	/** What the map draws: replaced only when it changed (a title typed does not redraw the map). */
	mapContent = $state.raw(model.draftToMapContent(this.draft));
	readonly looks = $derived(model.draftLooks(this.draft));
	readonly roles = $derived(this.draft.document.roles);
	readonly paragraphs = $derived(this.draft.document.article.paragraphs);
	/**
	 * Where the map frames the briefing: its own frame when it keeps one (a briefing opened to be
	 * edited), else its countries (the world when there are none).
	 */
	readonly frame = $derived(
		this.draft.editor.keepFrame && this.draft.document.frame?.bounds
			? ([...this.draft.document.frame.bounds] as Bounds)
			: model.frameOf(
					this.draft.document.countries.map((c) => c.iso3),
					(iso3) => MAINLAND_BOUNDS[iso3]
				)
	);

	/**
	 * Puts back a draft that was already made: one reopened from storage, or one an undo or redo
	 * returns to. The map redraws it; `onCommit` is not called (it is not a new edit).
	 */
	restore(draft: Draft) {
		this.#replace(draft);
	}

	#replace(draft: Draft): boolean {
		if (draft === this.draft) return false;
		this.draft = draft;
		// The notes' overlays as last derived, until `drawNotes` derives them again (none at once
		// when the draft has no note left).
		this.#drawMap(
			model.draftToMapContent(draft, notes.notesOf(draft).length ? this.noteOverlays : [])
		);
		return true;
	}

	/**
	 * Gives the map `now` when it differs from what the map has. The overlays are compared by
	 * identity (the notes' are kept when derived the same, see `drawNotes`): written out to compare,
	 * 2,000 notes' marks cost every keystroke tens of milliseconds.
	 */
	#drawMap(now: MapContent) {
		const was = this.mapContent;
		const sameOverlays =
			now.overlays.length === was.overlays.length &&
			now.overlays.every((o, i) => o === was.overlays[i]);
		if (
			sameOverlays &&
			JSON.stringify([now.countries, now.looks, now.views]) ===
				JSON.stringify([was.countries, was.looks, was.views])
		)
			return;
		this.mapContent = now;
		this.revision++;
	}

	/** Replaces the draft (every new change comes through here); `alone`: see `onCommit`. */
	commit(next: Draft, what: string, alone = false) {
		if (this.#replace(next)) this.#onCommit?.(next, what, alone);
	}

	setTitle(title: string) {
		this.commit(model.setTitle(this.draft, title), 'Title');
	}
	setAsOf(asOf: string) {
		this.commit(model.setAsOf(this.draft, asOf), 'As of');
	}
	setLanguage(language: string) {
		this.commit(model.setLanguage(this.draft, language), 'Language');
	}
	setArticle(text: string) {
		this.commit(model.setArticle(this.draft, text), 'Article text');
	}

	/** "Find countries": the article's paragraphs read with its language's names. */
	async find(fetcher: typeof fetch = fetch): Promise<boolean> {
		const paragraphs = this.draft.document.article.paragraphs;
		if (paragraphs.length === 0) {
			this.message = {
				text: 'The article is empty: type or paste it in Article text, or open an article file, then Find countries.',
				error: true
			};
			return false;
		}
		this.finding = true;
		try {
			const language = this.draft.document.language;
			await loadGazetteer(language, fetcher);
			// With the draft's story terms, so its counts are the ones the country panels will show.
			const found = findCountries(paragraphs, {
				language,
				edits: passages.termEditsOf(this.draft)
			});
			this.commit(model.applyFound(this.draft, found), 'Find countries');
			const n = found.length;
			this.message = {
				text:
					n === 0
						? `No country found in the ${paragraphs.length} paragraphs (read with the ${gazetteerLanguage(language) === 'fr' ? 'French' : 'English'} names). Add countries by hand below.`
						: `Found ${n} ${n === 1 ? 'country' : 'countries'} in ${paragraphs.length} ${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'}.`,
				error: false
			};
			return true;
		} catch (err) {
			this.message = { text: err instanceof Error ? err.message : String(err), error: true };
			return false;
		} finally {
			this.finding = false;
		}
	}

	setIncluded(iso3: string, included: boolean) {
		this.commit(model.setIncluded(this.draft, iso3, included), this.nameOf(iso3));
	}
	addCountry(iso3: string): boolean {
		if (model.isIncluded(this.draft, iso3)) return false;
		const next = model.addCountry(this.draft, iso3);
		this.commit(next, `Add ${this.nameOf(iso3)}`);
		return model.isIncluded(next, iso3);
	}
	setRole(iso3: string, role: string) {
		this.commit(model.setRole(this.draft, iso3, role), `Role of ${this.nameOf(iso3)}`);
	}
	setReason(iso3: string, reason: string) {
		this.commit(model.setReason(this.draft, iso3, reason), `Reason for ${this.nameOf(iso3)}`);
	}
	addRole() {
		this.commit(model.addRole(this.draft), `Add role ${this.roles.length + 1}`, true);
	}
	updateRole(id: string, change: RoleChange) {
		this.commit(model.updateRole(this.draft, id, change), 'Role');
	}
	removeRole(id: string) {
		const role = this.roles.find((r) => r.id === id);
		this.commit(model.removeRole(this.draft, id), `Remove role “${role?.label ?? id}”`, true);
	}

	/**
	 * The briefing document of the draft (for export and Present), its frame fitted to its
	 * countries unless it keeps its own, and its notes' overlays derived from the notes as they are
	 * now (not as last drawn: a draft just opened may not have been drawn yet).
	 */
	async toDocument() {
		const draft = this.draft;
		return notes.withNoteOverlays(
			model.draftToDocument(draft, (iso3) => MAINLAND_BOUNDS[iso3]),
			await notes.exportedNoteOverlays(draft)
		);
	}

	// Notes
	// Notes on the map (notes-model.ts): each change a commit (autosaved, undoable); the map draws
	// them from `noteOverlays`, derived apart (derive.js is loaded only once a draft has a note).

	/** The notes drawn on the map, as last derived by `drawNotes`. */
	noteOverlays = $state.raw<MapOverlay[]>([]);
	#notesDrawn = 0;

	/** Adds a note at a shape drawn or typed; its id. */
	addNote(geometry: notes.DrawnGeometry, name?: string): string {
		const id = notes.newNoteId(this.draft);
		const first = geometry.type === 'Polygon' ? geometry.coordinates[0]![0]! : geometry.coordinates;
		const at = (Array.isArray(first[0]) ? first[0] : first) as number[];
		this.commit(
			notes.addNote(this.draft, geometry, { concerns: this.#concernsAt(at), name }),
			`Add note ${notes.notesOf(this.draft).length + 1}`,
			true
		);
		return id;
	}
	/**
	 * The briefing's countries whose frame holds the point (a note's panels), else its first
	 * country: a guess the author can read in the note, never an empty list the export refuses.
	 */
	#concernsAt([lon = 0, lat = 0]: number[]): string[] {
		const countries = this.draft.document.countries.map((c) => c.iso3);
		const holding = countries.filter((iso3) => {
			const b = MAINLAND_BOUNDS[iso3];
			return b !== undefined && lon >= b[0] && lat >= b[1] && lon <= b[2] && lat <= b[3];
		});
		return holding.length ? holding : countries.slice(0, 1);
	}
	/** Adds a note whose place is a zone along a border (derived for the map); its id. */
	addZoneNote(zone: notes.ZoneChoice): string {
		const id = notes.newNoteId(this.draft);
		this.commit(
			notes.addZoneNote(this.draft, zone),
			`Add note ${notes.notesOf(this.draft).length + 1}`,
			true
		);
		return id;
	}
	updateNote(id: string, change: notes.NoteChange, what = 'Note') {
		this.commit(notes.updateNote(this.draft, id, change), `${what} (${id})`);
	}
	setNoteProvenance(id: string, provenance: notes.NoteProvenance) {
		this.commit(notes.setNoteProvenance(this.draft, id, provenance), `Provenance (${id})`);
	}
	setNoteGeometry(id: string, geometry: notes.DrawnGeometry, name?: string) {
		this.commit(notes.setNoteGeometry(this.draft, id, geometry, name), `Place of ${id}`);
	}
	removeNote(id: string) {
		const n = notes.notesOf(this.draft).findIndex((note) => note.id === id) + 1;
		this.commit(notes.removeNote(this.draft, id), `Remove note ${n}`, true);
	}
	/** The latest `drawNotes` run, while it runs. */
	#drawing: Promise<void> = Promise.resolve();

	/**
	 * Resolves once the notes as they are now have been handed to the map (the latest
	 * `drawNotes` run is over), or after `atMost` milliseconds, whichever comes first.
	 */
	async notesHandedToMap(atMost: number): Promise<void> {
		const deadline = new Promise<void>((ok) => setTimeout(ok, atMost));
		const handed = (async () => {
			let run: Promise<void>;
			do await (run = this.#drawing);
			while (run !== this.#drawing);
		})();
		await Promise.race([handed, deadline]);
	}

	/** Derives the notes' marks for the map (a later call wins over an earlier one still loading). */
	drawNotes(): Promise<void> {
		return (this.#drawing = this.#drawNotes());
	}

	async #drawNotes(): Promise<void> {
		const turn = ++this.#notesDrawn;
		const draft = this.draft;
		const derived = await notes.noteOverlays(draft);
		if (turn !== this.#notesDrawn) return;
		// An overlay derived the same as before stays the one the map has, so that the map does
		// not send its marks again.
		const overlays = derived.map((o) => {
			const before = this.noteOverlays.find((b) => b.id === o.id);
			return before && sameOverlay(before, o) ? before : o;
		});
		if (
			overlays.length === this.noteOverlays.length &&
			overlays.every((o, i) => o === this.noteOverlays[i])
		)
			return;
		this.noteOverlays = overlays;
		this.#drawMap(model.draftToMapContent(this.draft, overlays));
	}

	// Passages
	// A country's passages and story terms (passages-model.ts). Each returns the refusal's reason,
	// or null when the change was made.
	#apply(result: passages.EditResult, what: string): string | null {
		if (!result.ok) return result.error;
		this.commit(result.draft, what);
		return null;
	}
	addPassage(iso3: string, n: number): string | null {
		const name = this.nameOf(iso3);
		return this.#apply(
			passages.addPassage(this.draft, iso3, n, this.nameOf),
			`Add paragraph ${n} to ${name}`
		);
	}
	removePassage(iso3: string, n: number): string | null {
		const name = this.nameOf(iso3);
		return this.#apply(
			passages.removePassage(this.draft, iso3, n, this.nameOf),
			`Remove paragraph ${n} from ${name}`
		);
	}
	addTerm(iso3: string, term: string): string | null {
		return this.#apply(
			passages.addTerm(this.draft, iso3, term, this.nameOf),
			// Each term its own step: two terms added in a row are two undos.
			`Story term “${term.trim()}” for ${this.nameOf(iso3)}`
		);
	}
	removeTerm(iso3: string, term: string): string | null {
		return this.#apply(
			passages.removeTerm(this.draft, iso3, term, this.nameOf),
			`Remove the story term “${term}” of ${this.nameOf(iso3)}`
		);
	}

	setNameCounted(iso3: string, name: string, counted: boolean): string | null {
		return this.#apply(
			passages.setNameCounted(this.draft, iso3, name, counted, this.nameOf),
			`${counted ? 'Count' : 'Leave out'} “${name}” for ${this.nameOf(iso3)}`
		);
	}

	// Scenes (scenes-model.ts): each change one commit, named for the undo button. Names differ
	// between steps that must stay apart (the history coalesces commits of one name, for typing).
	readonly scenes = $derived(this.draft.document.scenes ?? []);
	#sceneName(id: string) {
		const i = this.scenes.findIndex((s) => s.id === id);
		return this.scenes[i]?.title.trim() || `scene ${i + 1}`;
	}
	addScene(capture: scenes.SceneCapture) {
		this.commit(scenes.addScene(this.draft, capture), `Add scene ${this.scenes.length + 1}`, true);
	}
	updateScene(id: string, change: scenes.SceneChange, what = 'Scene') {
		this.commit(scenes.updateScene(this.draft, id, change), what);
	}
	recaptureScene(id: string, center: readonly [number, number], zoom: number) {
		const what = `Map view of ${this.#sceneName(id)}`;
		this.commit(scenes.recaptureCamera(this.draft, id, center, zoom), what);
	}
	/** Every layer a scene can show, named for the author. */
	sceneLayerChoices(): scenes.SceneLayerChoice[] {
		return scenes.sceneLayerChoices(this.draft, this.nameOf);
	}
	setSceneLayer(id: string, layer: string, shown: boolean) {
		const name = this.sceneLayerChoices().find((l) => l.id === layer)?.name ?? layer;
		const what = `${shown ? 'Show' : 'Hide'} ${name} in ${this.#sceneName(id)}`;
		this.commit(scenes.setSceneLayer(this.draft, id, layer, shown), what, true);
	}
	fitScene(id: string) {
		const what = `Frame of ${this.#sceneName(id)}`;
		this.commit(scenes.fitSceneToCountries(this.draft, id), what);
	}
	removeScene(id: string) {
		const what = `Remove ${this.#sceneName(id)}`;
		this.commit(scenes.removeScene(this.draft, id), what, true);
	}
	moveScene(id: string, delta: number) {
		const to = this.scenes.findIndex((s) => s.id === id) + delta + 1;
		const what = `Move ${this.#sceneName(id)} to ${to}`;
		this.commit(scenes.moveScene(this.draft, id, delta), what);
	}
	reorderScene(from: number, to: number) {
		const what = `Move ${this.#sceneName(this.scenes[from]?.id ?? '')} to ${to + 1}`;
		this.commit(scenes.reorderScene(this.draft, from, to), what);
	}
}
