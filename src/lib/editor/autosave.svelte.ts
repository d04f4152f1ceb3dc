/**
 * Autosave for one open draft: the page hands every new state of the draft to `change()`, and
 * the session saves it (./drafts.ts) a moment later, one save at a time, and says how it went in
 * `status` ('saved', 'saving', 'unsaved', 'conflict', 'error'), which the page shows as "Saved"
 * and so on. Undo and redo are edits like any other here: the page passes the state they give
 * back to `change()` too.
 *
 * Saves wait SAVE_DELAY_MS after the last change, so that typing a sentence is one save, not
 * forty; a pending save is made at once when the page is hidden or left (`visibilitychange`,
 * `pagehide`), and by `flush()`. IndexedDB commits what it has been given even if the tab is then
 * closed, so what a crash can lose is the last fraction of a second.
 *
 * Two tabs on the same draft: each save says which revision it expects (drafts.ts checks it in
 * the same transaction as the write), so the second tab's save is refused rather than writing
 * over the first's. Tabs also tell each other, over a BroadcastChannel, when they open and save a
 * draft: a tab learns at once that another saved its draft, before it even tries. Either way the
 * session stops saving, keeps the user's work in memory, and reports 'conflict'; the page offers
 * `saveAsCopy()` (the work goes on under a new id) or `takeStored()` (drop this tab's changes for
 * the other tab's). `openElsewhere` says, before any save, that another tab has the draft open.
 * Any page of the origin can post on the channel, so messages are checked and bad ones ignored; a
 * forged one can at worst cause a needless conflict or warning, never a write.
 */
import { SvelteSet } from 'svelte/reactivity';
import { z } from '$lib/briefing/schema/zod';
import {
	askDraftPersistence,
	MAX_ID_CHARS,
	newDraftId,
	readDraft,
	saveDraft,
	type DraftRead,
	type Persistence,
	type SaveResult
} from './drafts';

export const DRAFTS_CHANNEL = 'briefing-map-drafts';
/** The pause after the last change before it is saved. */
export const SAVE_DELAY_MS = 300;
/** Other tabs a session keeps track of: the channel is open to any page, so the set is capped. */
const MAX_PEERS = 50;

const peer = { id: z.string().min(1).max(MAX_ID_CHARS), session: z.string().min(1).max(64) };

const draftMessage = z.discriminatedUnion('type', [
	/** A tab opened the draft (or came back to it): the tabs that have it open answer `here`. */
	z.object({ type: z.literal('opened'), ...peer }),
	z.object({ type: z.literal('here'), ...peer }),
	z.object({ type: z.literal('closed'), ...peer }),
	/** A tab saved the draft as `revision`. */
	z.object({
		type: z.literal('saved'),
		...peer,
		revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)
	})
]);

export type DraftMessage = z.infer<typeof draftMessage>;

/** The message in `data`, or null when it is not one of ours (ignored, never thrown on). */
export function readDraftMessage(data: unknown): DraftMessage | null {
	const parsed = draftMessage.safeParse(data);
	return parsed.success ? parsed.data : null;
}

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

export interface Conflict {
	/**
	 * 'other-tab': another tab said it saved this draft; 'changed': a save found a newer (or
	 * unreadable) stored record; 'deleted': a save found the draft deleted.
	 */
	reason: 'other-tab' | 'changed' | 'deleted';
	/** The stored draft, when a save read it. */
	stored?: DraftRead;
}

export interface SessionOptions {
	/** The pause before a save, in ms. */
	delayMs?: number;
	/** The title in the list of drafts; by default the draft's `title` field. */
	titleOf?: (draft: unknown) => string;
	/** The BroadcastChannel's name; null for none (a session alone relies on the revisions). */
	channel?: string | null;
	/** Where `pagehide` and `visibilitychange` come from; null for nowhere (tests, Node). */
	window?: EventTarget | null;
	document?: (EventTarget & { visibilityState: DocumentVisibilityState }) | null;
	/** Asked once, after the first save, to keep the drafts (navigator.storage by default). */
	storage?: Pick<StorageManager, 'persist'>;
	/** The save (tests replace it to make it fail or wait). */
	save?: typeof saveDraft;
	now?: () => Date;
}

export type OpenResult =
	{ ok: true; session: DraftSession; draft: unknown } | { ok: false; errors: string[] };

const UNTITLED = 'Untitled draft';

function defaultTitle(draft: unknown): string {
	const title = (draft as { title?: unknown } | null)?.title;
	return typeof title === 'string' && title.trim() ? title.trim() : UNTITLED;
}

function message(err: unknown): string {
	return err instanceof Error ? err.message || err.name : String(err);
}

function sessionId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
}

export class DraftSession {
	#id = $state('');
	#revision = $state(0);
	#savedAt = $state<string | null>(null);
	#status = $state<SaveStatus>('saved');
	#error = $state<string | null>(null);
	#conflict = $state.raw<Conflict | null>(null);
	#persistence = $state<Persistence | null>(null);
	readonly #peers = new SvelteSet<string>();

	/** The latest state handed to `change()`, saved or not. */
	#latest: unknown;
	/** Whether `#latest` has changes no save has written yet. */
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * The save loop, while it runs (see #drain): the only code that saves the draft under its id,
	 * so there is never more than one save of it at a time.
	 */
	#pump: Promise<void> | null = null;
	/** A copy or a reload of the stored draft under way (see #alone): the loop waits for it. */
	#op: Promise<unknown> | null = null;
	#closed = false;
	#askedPersistence = false;
	readonly #session = sessionId();
	readonly #options: SessionOptions;
	readonly #save: typeof saveDraft;
	readonly #titleOf: (draft: unknown) => string;
	readonly #delayMs: number;
	#channel: BroadcastChannel | null = null;
	#detach: (() => void)[] = [];

	/**
	 * A session over a draft at `revision` (0: never saved). Most pages use `open` or `create`.
	 */
	constructor(
		start: { id: string; revision: number; draft: unknown; savedAt?: string },
		options: SessionOptions = {}
	) {
		this.#id = start.id;
		this.#revision = start.revision;
		this.#savedAt = start.savedAt ?? null;
		this.#latest = start.draft;
		this.#dirty = start.revision === 0;
		this.#status = this.#dirty ? 'unsaved' : 'saved';
		this.#options = options;
		this.#save = options.save ?? saveDraft;
		this.#titleOf = options.titleOf ?? defaultTitle;
		this.#delayMs = options.delayMs ?? SAVE_DELAY_MS;
		this.#listen();
		this.#post('opened');
	}

	/** Opens a stored draft; the errors (one line per field) of one that cannot be read. */
	static async open(id: string, options: SessionOptions = {}): Promise<OpenResult> {
		let read: DraftRead | undefined;
		try {
			read = await readDraft(id);
		} catch (err) {
			return { ok: false, errors: [`the drafts could not be opened: ${message(err)}`] };
		}
		if (!read) return { ok: false, errors: ['no such draft in this browser'] };
		if (!read.ok) return { ok: false, errors: read.errors };
		const { draft, ...head } = read.record;
		return { ok: true, draft, session: new DraftSession({ ...head, draft }, options) };
	}

	/** A session for a new draft under a new id, saved at once. */
	static create(draft: unknown, options: SessionOptions = {}): DraftSession {
		const session = new DraftSession({ id: newDraftId(), revision: 0, draft }, options);
		void session.flush();
		return session;
	}

	get id(): string {
		return this.#id;
	}
	/** The revision last saved (or read); 0 before the first save. */
	get revision(): number {
		return this.#revision;
	}
	get savedAt(): string | null {
		return this.#savedAt;
	}
	get status(): SaveStatus {
		return this.#status;
	}
	/** Why the last save failed, while status is 'error'. */
	get error(): string | null {
		return this.#error;
	}
	get conflict(): Conflict | null {
		return this.#conflict;
	}
	/** The browser's answer when asked to keep the drafts, once asked. */
	get persistence(): Persistence | null {
		return this.#persistence;
	}
	/** Whether another tab has this draft open too (as far as the tabs have said). */
	get openElsewhere(): boolean {
		return this.#peers.size > 0;
	}
	/** The latest state handed to `change()`. */
	get draft(): unknown {
		return this.#latest;
	}

	/**
	 * The draft's new state, after any edit (undo and redo included). Saved after a short pause;
	 * while in conflict, kept in memory only, for `saveAsCopy()`.
	 */
	change(draft: unknown): void {
		if (this.#closed) return;
		this.#latest = draft;
		this.#dirty = true;
		if (this.#conflict) return;
		if (this.#status === 'saved') this.#status = 'unsaved';
		this.#schedule();
	}

	/**
	 * Saves now what is not saved yet, and resolves when it is written (or cannot be: see
	 * `status`). Never rejects.
	 */
	async flush(): Promise<void> {
		this.#unschedule();
		while (this.#op) await this.#op.catch(() => {});
		// One loop for all callers: a flush while it runs waits for it, and it saves what the
		// flush was asked for too, since it goes on while there are changes.
		if (!this.#pump && this.#mustSave()) this.#pump = this.#drain();
		await this.#pump;
	}

	/**
	 * Writes the current state under a new id and goes on there: the way out of a conflict that
	 * keeps both versions (also a plain "Save a copy"). The other version is not touched.
	 */
	async saveAsCopy(): Promise<SaveResult> {
		return this.#alone(async () => {
			const id = newDraftId();
			const draft = this.#latest;
			const wasDirty = this.#dirty;
			this.#dirty = false;
			let result: SaveResult;
			this.#status = 'saving';
			try {
				result = await this.#save(id, draft, {
					expectRevision: 0,
					title: this.#titleOf(draft),
					now: this.#options.now?.()
				});
			} catch (err) {
				result = { ok: false, reason: 'invalid', error: `not saved: ${message(err)}` };
			}
			if (result.ok) {
				this.#post('closed');
				this.#id = id;
				this.#peers.clear();
				this.#conflict = null;
				this.#saved(result.record.revision, result.record.savedAt);
				this.#post('opened');
			} else {
				this.#dirty ||= wasDirty;
				this.#status = this.#conflict ? 'conflict' : 'error';
				this.#error = result.reason === 'invalid' ? result.error : 'not saved: the new id is taken';
			}
			return result;
		});
	}

	/**
	 * Drops this tab's unsaved changes for the stored draft (the other tab's): returns it for the
	 * page to show, or the errors of a stored draft that cannot be read (nothing changes then).
	 */
	async takeStored(): Promise<{ ok: true; draft: unknown } | { ok: false; errors: string[] }> {
		return this.#alone(async () => {
			let read: DraftRead | undefined;
			try {
				read = await readDraft(this.#id);
			} catch (err) {
				return { ok: false as const, errors: [`the draft could not be read: ${message(err)}`] };
			}
			if (!read) return { ok: false as const, errors: ['the draft was deleted'] };
			if (!read.ok) return { ok: false as const, errors: read.errors };
			this.#conflict = null;
			this.#latest = read.record.draft;
			this.#dirty = false;
			this.#revision = read.record.revision;
			this.#savedAt = read.record.savedAt;
			this.#error = null;
			this.#status = 'saved';
			return { ok: true as const, draft: read.record.draft };
		});
	}

	/** Saves what is pending, then stops listening (the page is done with this draft). */
	async close(): Promise<void> {
		await this.flush();
		this.#closed = true;
		this.#unschedule();
		this.#post('closed');
		for (const detach of this.#detach) detach();
		this.#detach = [];
		this.#channel?.close();
		this.#channel = null;
	}

	#mustSave(): boolean {
		return this.#dirty && !this.#conflict && !this.#closed && !this.#op;
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
	}

	#unschedule(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	/** Saves until there is nothing left to save, or saving is stopped (conflict, error). */
	async #drain(): Promise<void> {
		try {
			// Entered only when there is something to save, so it awaits at least once and the
			// `finally` below never runs before flush() has stored this promise in #pump.
			while (this.#mustSave()) {
				await this.#saveOnce();
				// A failed save is tried again on the next change or flush, not in a loop here.
				if (this.#status === 'error') break;
			}
		} finally {
			// In the same turn as the last check above: a change after it starts a new loop.
			this.#pump = null;
		}
	}

	/** Runs `task` (a copy, a reload) with no save running and none starting until it ends. */
	async #alone<R>(task: () => Promise<R>): Promise<R> {
		this.#unschedule();
		while (this.#pump || this.#op) await (this.#pump ?? this.#op)?.catch(() => {});
		// Set in the same turn as the check above, so no other save or task can start in between.
		const run = task();
		this.#op = run;
		try {
			return await run;
		} finally {
			this.#op = null;
			if (this.#mustSave()) this.#schedule();
		}
	}

	async #saveOnce(): Promise<void> {
		const id = this.#id;
		const draft = this.#latest;
		this.#dirty = false;
		this.#status = 'saving';
		let result: SaveResult;
		try {
			result = await this.#save(id, draft, {
				expectRevision: this.#revision,
				title: this.#titleOf(draft),
				now: this.#options.now?.()
			});
		} catch (err) {
			// IndexedDB refused (no space left, storage cleared): the work stays here, unsaved.
			this.#dirty = true;
			this.#error = `not saved: ${message(err)}`;
			this.#status = 'error';
			return;
		}
		if (result.ok) {
			this.#saved(result.record.revision, result.record.savedAt);
			this.#post('saved');
		} else if (result.reason === 'conflict') {
			this.#dirty = true;
			this.#enterConflict({
				reason: result.stored ? 'changed' : 'deleted',
				...(result.stored ? { stored: result.stored } : {})
			});
		} else {
			this.#dirty = true;
			this.#error = result.error;
			this.#status = 'error';
		}
	}

	#saved(revision: number, savedAt: string): void {
		this.#revision = revision;
		this.#savedAt = savedAt;
		this.#error = null;
		// Changes made while this save ran (change() set #dirty again) are still to save.
		this.#status = this.#dirty ? 'unsaved' : 'saved';
		if (!this.#askedPersistence) {
			this.#askedPersistence = true;
			askDraftPersistence(this.#options.storage ?? globalThis.navigator?.storage).then(
				(answer) => (this.#persistence = answer),
				() => {}
			);
		}
	}

	#enterConflict(conflict: Conflict): void {
		this.#unschedule();
		this.#conflict = conflict;
		this.#status = 'conflict';
	}

	#post(type: 'opened' | 'here' | 'closed' | 'saved'): void {
		const base = { id: this.#id, session: this.#session };
		const msg: DraftMessage =
			type === 'saved' ? { type, ...base, revision: this.#revision } : { type, ...base };
		try {
			this.#channel?.postMessage(msg);
		} catch {
			// InvalidStateError: the channel is closed (the page is going away).
		}
	}

	#receive(data: unknown): void {
		const msg = readDraftMessage(data);
		if (!msg || msg.id !== this.#id || msg.session === this.#session || this.#closed) return;
		if (msg.type === 'closed') this.#peers.delete(msg.session);
		else if (this.#peers.size < MAX_PEERS) this.#peers.add(msg.session);
		if (msg.type === 'opened') this.#post('here');
		if (msg.type === 'saved' && msg.revision > this.#revision && !this.#conflict) {
			this.#enterConflict({ reason: 'other-tab' });
		}
	}

	#listen(): void {
		const name = this.#options.channel === undefined ? DRAFTS_CHANNEL : this.#options.channel;
		if (name !== null && typeof BroadcastChannel === 'function') {
			const channel = new BroadcastChannel(name);
			channel.onmessage = (event: MessageEvent) => this.#receive(event.data);
			this.#channel = channel;
		}
		const win =
			this.#options.window === undefined ? (globalThis.window ?? null) : this.#options.window;
		const doc =
			this.#options.document === undefined ? (globalThis.document ?? null) : this.#options.document;
		const on = (target: EventTarget | null, type: string, handler: (e: Event) => void) => {
			if (!target) return;
			target.addEventListener(type, handler);
			this.#detach.push(() => target.removeEventListener(type, handler));
		};
		on(win, 'pagehide', () => {
			void this.flush();
			this.#post('closed');
		});
		// Back from the back-forward cache: the other tabs were told this one had closed.
		on(win, 'pageshow', (e) => {
			if ((e as PageTransitionEvent).persisted) this.#post('opened');
		});
		on(doc, 'visibilitychange', () => {
			if (doc?.visibilityState === 'hidden') void this.flush();
		});
	}
}
