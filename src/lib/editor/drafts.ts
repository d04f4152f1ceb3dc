/**
 * The editor's drafts, kept in this browser's IndexedDB (through `idb`), in a database of their
 * own: a draft is work in progress, not a briefing, and the library's database only ever holds
 * validated briefings.
 *
 * The store does not interpret a draft (the editor's draft model does); it keeps it as JSON text.
 * Text because the editor's state may be a Svelte proxy, which IndexedDB's structured clone
 * refuses and JSON.stringify reads; and because the text's length is what the size cap measures.
 *
 * Each draft is two records: its head (id, revision, when it was saved, its title) and its body
 * (the JSON). The list of drafts reads the heads only, so listing never loads megabytes of drafts.
 * Every write of a draft writes both in one transaction, and a save checks the revision it expects
 * inside that same transaction: IndexedDB runs read-write transactions over the same stores one
 * after the other, so two tabs saving at once cannot both pass the check.
 *
 * Whatever is read back is checked (zod, and the briefing's depth and size limits) before the
 * editor sees it: storage can be edited in the browser's developer tools or written by an older
 * version. A record that fails is reported with the field that failed and left where it is, so a
 * later version (or a person) can still recover it.
 */
import { requestPersistence, type Persistence } from '$lib/storage/persistence';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from '$lib/briefing/schema/zod';
import { checkSize, formatIssues } from '$lib/briefing/schema/report';

/** The largest draft kept, in bytes of its JSON text (UTF-8): about 1.2 times the 5 MB file. */
export const MAX_DRAFT_BYTES = 6_000_000;
/** Longest id and title kept; a longer title is shortened (the draft itself is not). */
export const MAX_ID_CHARS = 200;
export const MAX_TITLE_CHARS = 300;

/** A draft as the editor gets it back. */
export interface DraftRecord {
	id: string;
	/** 1 for the first save, one more for each save after it. */
	revision: number;
	/** When it was last saved, ISO 8601. */
	savedAt: string;
	/** Shown in the list of drafts. */
	title: string;
	/** The editor's document, as it was saved (parsed from its JSON). */
	draft: unknown;
}

export type DraftSummary = Omit<DraftRecord, 'draft'>;

/** A draft read back: the record, or why it could not be read (one line per problem). */
export type DraftRead =
	{ ok: true; record: DraftRecord } | { ok: false; id: string; errors: string[] };

/** One line of the list of drafts: a readable head, or a broken one with its errors. */
export type DraftListing =
	({ ok: true } & DraftSummary) | { ok: false; id: string; errors: string[] };

export type SaveResult =
	| { ok: true; record: DraftSummary }
	/**
	 * The stored revision is not the one expected: another tab (or a copy of this one) saved the
	 * draft since it was read, or deleted it (`stored` undefined). Nothing was written.
	 */
	| { ok: false; reason: 'conflict'; stored: DraftRead | undefined }
	/** The draft cannot be kept as it is (too large, not JSON); nothing was written. */
	| { ok: false; reason: 'invalid'; error: string };

export type { Persistence };

interface StoredHead {
	id: string;
	revision: number;
	savedAt: string;
	title: string;
}

interface StoredBody {
	id: string;
	json: string;
}

interface DraftsDB extends DBSchema {
	heads: { key: string; value: StoredHead };
	bodies: { key: string; value: StoredBody };
	meta: { key: string; value: { key: string; value: string } };
}

export const DRAFTS_DB = 'briefing-map-drafts';
const PERSISTENCE_KEY = 'persistence';

const idSchema = z.string().min(1).max(MAX_ID_CHARS);

const headSchema = z.object({
	id: idSchema,
	revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
	savedAt: z.iso.datetime(),
	title: z.string().max(MAX_TITLE_CHARS)
});

// Characters, checked before the JSON is parsed; the exact byte count is checked on save.
const bodySchema = z.object({ id: idSchema, json: z.string().max(MAX_DRAFT_BYTES) });

let db: Promise<IDBPDatabase<DraftsDB>> | null = null;

function open(): Promise<IDBPDatabase<DraftsDB>> {
	db ??= openDB<DraftsDB>(DRAFTS_DB, 1, {
		upgrade(d) {
			d.createObjectStore('heads', { keyPath: 'id' });
			d.createObjectStore('bodies', { keyPath: 'id' });
			d.createObjectStore('meta', { keyPath: 'key' });
		},
		// Another tab running a newer version wants to upgrade the database (or it is being
		// deleted): let go of it rather than block that tab; the next call here opens it again.
		blocking() {
			void closeDrafts();
		},
		// The browser closed the connection (storage cleared): open again next time.
		terminated() {
			db = null;
		}
	}).catch((err) => {
		// A later call tries again (private windows may refuse IndexedDB for a while).
		db = null;
		throw err;
	});
	return db;
}

/**
 * A new draft id: random, so that two tabs creating drafts at once never pick the same one. From
 * getRandomValues, which (unlike randomUUID) also works on a page served over plain http.
 */
export function newDraftId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	return `draft-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function readHead(raw: unknown, key: IDBValidKey): DraftListing {
	const parsed = headSchema.safeParse(raw);
	if (!parsed.success) {
		return { ok: false, id: String(key), errors: formatIssues(parsed.error.issues) };
	}
	return { ok: true, ...parsed.data };
}

/** An error of the draft's own content, named from the record: `draft.countries[2]: …`. */
function inDraft(line: string): string {
	if (line.startsWith('(root)')) return `draft${line.slice('(root)'.length)}`;
	return line.startsWith('[') ? `draft${line}` : `draft.${line}`;
}

function readRecord(id: string, rawHead: unknown, rawBody: unknown): DraftRead {
	const head = readHead(rawHead, id);
	if (!head.ok) return head;
	if (rawBody === undefined) return { ok: false, id, errors: ['draft: missing'] };
	const body = bodySchema.safeParse(rawBody);
	if (!body.success) {
		return { ok: false, id, errors: formatIssues(body.error.issues, ['draft']) };
	}
	let draft: unknown;
	try {
		draft = JSON.parse(body.data.json);
	} catch {
		return { ok: false, id, errors: ['draft: not valid JSON'] };
	}
	// The briefing's own limits: a draft is a briefing being written, and the editor walks it.
	const tooBig = checkSize(draft);
	if (tooBig.length > 0) return { ok: false, id, errors: tooBig.map(inDraft) };
	const { revision, savedAt, title } = head;
	return { ok: true, record: { id, revision, savedAt, title, draft } };
}

/**
 * The draft as JSON text, or why it cannot be kept. Done before any transaction opens: an
 * IndexedDB transaction closes as soon as it waits on anything but its own requests.
 */
export function serializeDraft(
	draft: unknown
): { ok: true; json: string } | { ok: false; error: string } {
	let json: string | undefined;
	try {
		json = JSON.stringify(draft);
	} catch (err) {
		// A cycle or a BigInt: a bug in the editor, not the user's doing; said plainly all the same.
		return {
			ok: false,
			error: `draft: cannot be saved (${err instanceof Error ? err.message : err})`
		};
	}
	if (json === undefined) return { ok: false, error: 'draft: nothing to save' };
	// Each character is at least one byte in UTF-8: most drafts are measured without encoding.
	const bytes =
		json.length * 3 <= MAX_DRAFT_BYTES ? json.length : new TextEncoder().encode(json).length;
	if (bytes > MAX_DRAFT_BYTES) {
		const mb = (n: number) => (n / 1_000_000).toFixed(1);
		return {
			ok: false,
			error: `draft: too large to save: ${mb(bytes)} MB, the limit is ${mb(MAX_DRAFT_BYTES)} MB`
		};
	}
	return { ok: true, json };
}

function shortTitle(title: string): string {
	return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

/** Every draft's head, the latest saved first; broken heads are listed with their errors. */
export async function listDrafts(): Promise<DraftListing[]> {
	const tx = (await open()).transaction('heads');
	// Both in key order, so the n-th value is the n-th key's.
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
	await tx.done;
	const out = values.map((value, i) => readHead(value, keys[i]!));
	return out.sort((a, b) => {
		if (a.ok !== b.ok) return a.ok ? -1 : 1;
		if (a.ok && b.ok && a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
		return a.id.localeCompare(b.id);
	});
}

/** One draft, checked; undefined when there is none under that id. */
export async function readDraft(id: string): Promise<DraftRead | undefined> {
	const tx = (await open()).transaction(['heads', 'bodies']);
	const [head, body] = await Promise.all([
		tx.objectStore('heads').get(id),
		tx.objectStore('bodies').get(id)
	]);
	await tx.done;
	if (head === undefined && body === undefined) return undefined;
	return readRecord(id, head, body);
}

export interface SaveOptions {
	/** The revision this draft was read at, 0 for a draft never saved. */
	expectRevision: number;
	/** For the list of drafts (shortened past MAX_TITLE_CHARS). */
	title: string;
	now?: Date;
}

/**
 * Saves a draft if the stored one is still at `expectRevision`, as revision + 1. Otherwise writes
 * nothing and returns the stored draft as a conflict: the caller decides (save a copy, or take the
 * stored one); a save never silently replaces work it has not seen.
 *
 * Throws only when IndexedDB itself fails (no space left, storage refused).
 */
export async function saveDraft(
	id: string,
	draft: unknown,
	options: SaveOptions
): Promise<SaveResult> {
	if (!idSchema.safeParse(id).success)
		return { ok: false, reason: 'invalid', error: 'id: not a draft id' };
	const text = serializeDraft(draft);
	if (!text.ok) return { ok: false, reason: 'invalid', error: text.error };
	const tx = (await open()).transaction(['heads', 'bodies'], 'readwrite');
	const heads = tx.objectStore('heads');
	const bodies = tx.objectStore('bodies');
	const stored = await heads.get(id);
	const storedRevision = stored === undefined ? 0 : (stored as { revision?: unknown }).revision;
	if (storedRevision !== options.expectRevision) {
		const body = stored === undefined ? undefined : await bodies.get(id);
		await tx.done;
		return {
			ok: false,
			reason: 'conflict',
			stored: stored === undefined ? undefined : readRecord(id, stored, body)
		};
	}
	const head: StoredHead = {
		id,
		revision: options.expectRevision + 1,
		savedAt: (options.now ?? new Date()).toISOString(),
		title: shortTitle(options.title)
	};
	await Promise.all([heads.put(head), bodies.put({ id, json: text.json })]);
	await tx.done;
	return { ok: true, record: head };
}

/**
 * Copies a stored draft under a new id (revision 1). Returns the copy's head, the errors of a
 * draft that cannot be read (nothing is copied), or undefined when there is no such draft.
 */
export async function copyDraft(
	id: string,
	options: { newId?: string; title?: string; now?: Date } = {}
): Promise<SaveResult | { ok: false; reason: 'unreadable'; errors: string[] } | undefined> {
	const read = await readDraft(id);
	if (!read) return undefined;
	if (!read.ok) return { ok: false, reason: 'unreadable', errors: read.errors };
	return saveDraft(options.newId ?? newDraftId(), read.record.draft, {
		expectRevision: 0,
		title: options.title ?? read.record.title,
		now: options.now
	});
}

/** Deletes a draft (a broken one too). */
export async function deleteDraft(id: string): Promise<void> {
	const tx = (await open()).transaction(['heads', 'bodies'], 'readwrite');
	await Promise.all([tx.objectStore('heads').delete(id), tx.objectStore('bodies').delete(id)]);
	await tx.done;
}

/** The answer the browser gave when the drafts asked to keep their storage, if it was asked. */
export async function draftPersistenceAnswer(): Promise<Persistence | undefined> {
	const answer = (await (await open()).get('meta', PERSISTENCE_KEY))?.value;
	return answer === 'granted' || answer === 'refused' || answer === 'unsupported'
		? answer
		: undefined;
}

/**
 * Asks the browser, once, not to clear the drafts when space runs low
 * (`navigator.storage.persist()`); the answer is kept and returned from then on. A refusal is not
 * an error: the drafts are saved all the same, but the browser may evict them under pressure.
 */
export async function askDraftPersistence(
	storage: Pick<StorageManager, 'persist'> | undefined = globalThis.navigator?.storage
): Promise<Persistence> {
	const asked = await draftPersistenceAnswer();
	if (asked) return asked;
	const answer = await requestPersistence(storage);
	await (await open()).put('meta', { key: PERSISTENCE_KEY, value: answer });
	return answer;
}

/** Closes the database (tests open a fresh one each). */
export async function closeDrafts(): Promise<void> {
	const d = db;
	db = null;
	if (d) (await d).close();
}
