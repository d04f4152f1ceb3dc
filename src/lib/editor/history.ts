/**
 * Undo and redo over immutable snapshots of the editor's document. Each edit pushes the whole new
 * state; the states share what did not change (the editor builds them immutably), so keeping 200
 * of them costs little more than the edits themselves.
 *
 * Typing is coalesced: pushes with the same `coalesceKey` (one text box) that follow each other
 * within `coalesceMs` replace the last step instead of adding one, so one undo takes back a
 * word typed rather than a letter. An undo or redo, or an edit of anything else, ends the run.
 *
 * The class follows Svelte's store contract (`subscribe`), so a component can read `$history`
 * and see `canUndo` and the labels change; it has no other tie to Svelte.
 */

export interface HistoryOptions<T> {
	/** Most undo steps kept; the oldest go first. */
	limit?: number;
	/** Longest pause, in ms, between two edits of the same field that still make one step. */
	coalesceMs?: number;
	/**
	 * With `sizeOf`, the most the kept states may weigh together (in whatever `sizeOf` counts),
	 * the current state aside; the oldest steps go first. An estimate: shared parts are counted
	 * once per state.
	 */
	maxSize?: number;
	sizeOf?: (state: T) => number;
	/** The clock (tests). */
	now?: () => number;
}

export interface PushOptions {
	/** What the edit did, for the buttons' titles ("Undo: rename role"). */
	label?: string;
	/** Same key, soon after: one step (e.g. `'countries.3.note'` while typing there). */
	coalesceKey?: string;
}

interface Step<T> {
	state: T;
	/** The label of the edit that led to this state. */
	label: string | undefined;
	size: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export class History<T> {
	#past: Step<T>[] = [];
	#present: Step<T>;
	#future: Step<T>[] = [];
	#limit: number;
	#coalesceMs: number;
	#maxSize: number;
	#sizeOf: ((state: T) => number) | undefined;
	#now: () => number;
	/** The key and time of the last push, while another may still join its step. */
	#run: { key: string; at: number } | null = null;
	#subscribers = new Set<(history: History<T>) => void>();

	constructor(initial: T, options: HistoryOptions<T> = {}) {
		this.#limit = Math.max(1, options.limit ?? HISTORY_LIMIT);
		this.#coalesceMs = options.coalesceMs ?? COALESCE_MS;
		this.#sizeOf = options.sizeOf;
		this.#maxSize = options.maxSize ?? Infinity;
		this.#now = options.now ?? Date.now;
		this.#present = this.#step(initial, undefined);
	}

	get current(): T {
		return this.#present.state;
	}
	get canUndo(): boolean {
		return this.#past.length > 0;
	}
	get canRedo(): boolean {
		return this.#future.length > 0;
	}
	/** What an undo would take back, when the edit was labelled. */
	get undoLabel(): string | undefined {
		return this.canUndo ? this.#present.label : undefined;
	}
	/** What a redo would do again, when the edit was labelled. */
	get redoLabel(): string | undefined {
		return this.#future.at(-1)?.label;
	}
	/** Steps that can be undone (tests, and a count beside the button if wanted). */
	get undoDepth(): number {
		return this.#past.length;
	}

	/**
	 * Records a new state after an edit. A push after an undo drops what could have been redone:
	 * the history is a line, not a tree. The same state again is not a step.
	 */
	push(state: T, options: PushOptions = {}): void {
		if (Object.is(state, this.#present.state)) return;
		const at = this.#now();
		const key = options.coalesceKey;
		const joins =
			key !== undefined &&
			this.#run !== null &&
			this.#run.key === key &&
			at - this.#run.at <= this.#coalesceMs;
		this.#future = [];
		if (joins) {
			// The step keeps its first label and its state before the run began.
			this.#present = this.#step(state, this.#present.label);
		} else {
			this.#past.push(this.#present);
			this.#present = this.#step(state, options.label);
		}
		this.#run = key === undefined ? null : { key, at };
		this.#trim();
		this.#notify();
	}

	/** Goes back one step; returns the state to show, or undefined when there is none. */
	undo(): T | undefined {
		const previous = this.#past.pop();
		if (!previous) return undefined;
		this.#future.push(this.#present);
		this.#present = previous;
		this.#run = null;
		this.#notify();
		return previous.state;
	}

	/** Goes forward one undone step; returns the state to show, or undefined when there is none. */
	redo(): T | undefined {
		const next = this.#future.pop();
		if (!next) return undefined;
		this.#past.push(this.#present);
		this.#present = next;
		this.#run = null;
		this.#notify();
		return next.state;
	}

	/** Starts over from `state` with nothing to undo (another draft opened, a copy taken). */
	reset(state: T): void {
		this.#past = [];
		this.#future = [];
		this.#run = null;
		this.#present = this.#step(state, undefined);
		this.#notify();
	}

	/** Svelte's store contract: called now and after every change; returns the unsubscriber. */
	subscribe(run: (history: History<T>) => void): () => void {
		this.#subscribers.add(run);
		run(this);
		return () => this.#subscribers.delete(run);
	}

	#step(state: T, label: string | undefined): Step<T> {
		return { state, label, size: this.#sizeOf ? this.#sizeOf(state) : 0 };
	}

	#trim(): void {
		while (this.#past.length > this.#limit) this.#past.shift();
		if (!this.#sizeOf) return;
		// Called after a push, when there is nothing to redo: the oldest undo steps go first.
		let total = this.#past.reduce((sum, s) => sum + s.size, 0);
		while (total > this.#maxSize && this.#past.length > 0) total -= this.#past.shift()!.size;
	}

	#notify(): void {
		for (const run of this.#subscribers) run(this);
	}
}
