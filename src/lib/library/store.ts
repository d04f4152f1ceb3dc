/**
 * The briefings imported in this browser, kept in IndexedDB (through `idb`, a small promise
 * wrapper). Each record is the validated briefing document under its id, as Export writes it
 * back. Only the library page and the loader of an imported briefing import this module (the
 * loader dynamically), so the map page of an embedded briefing never loads it.
 */
import { requestPersistence, type Persistence } from '$lib/storage/persistence';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BriefingDocument } from '$lib/content/document';

export interface StoredBriefing {
	id: string;
	briefing: BriefingDocument;
	/** When it was imported, ISO 8601. */
	importedAt: string;
}

export type { Persistence };

interface LibraryDB extends DBSchema {
	briefings: { key: string; value: StoredBriefing };
	meta: { key: string; value: { key: string; value: string } };
}

const DB_NAME = 'briefing-map-library';
const PERSISTENCE_KEY = 'persistence';

let db: Promise<IDBPDatabase<LibraryDB>> | null = null;

function open(): Promise<IDBPDatabase<LibraryDB>> {
	db ??= openDB<LibraryDB>(DB_NAME, 1, {
		upgrade(d) {
			d.createObjectStore('briefings', { keyPath: 'id' });
			d.createObjectStore('meta', { keyPath: 'key' });
		}
	}).catch((err) => {
		// A later call tries again (private windows may refuse IndexedDB for a while).
		db = null;
		throw err;
	});
	return db;
}

export async function listStored(): Promise<StoredBriefing[]> {
	const all = await (await open()).getAll('briefings');
	// By title; two copies of one briefing (kept both) by id.
	return all.sort(
		(a, b) => a.briefing.title.localeCompare(b.briefing.title) || a.id.localeCompare(b.id)
	);
}

export async function storedIds(): Promise<string[]> {
	return (await open()).getAllKeys('briefings');
}

export async function readStored(id: string): Promise<BriefingDocument | undefined> {
	return (await (await open()).get('briefings', id))?.briefing;
}

/** Keeps a briefing under its own id, replacing one stored there. */
export async function saveStored(briefing: BriefingDocument, now = new Date()): Promise<void> {
	await (
		await open()
	).put('briefings', { id: briefing.id, briefing, importedAt: now.toISOString() });
}

export async function removeStored(id: string): Promise<void> {
	await (await open()).delete('briefings', id);
}

/** The answer the browser gave when the library asked to keep its storage, if it was asked. */
export async function persistenceAnswer(): Promise<Persistence | undefined> {
	return (await (await open()).get('meta', PERSISTENCE_KEY))?.value as Persistence | undefined;
}

/**
 * Asks the browser, once (on the first import), not to clear the library when space runs low
 * (`navigator.storage.persist()`); the answer is kept and returned from then on. Without it the
 * browser may evict imported briefings: Export keeps a copy.
 */
export async function askPersistence(
	storage: Pick<StorageManager, 'persist'> | undefined = globalThis.navigator?.storage
): Promise<Persistence> {
	const asked = await persistenceAnswer();
	if (asked) return asked;
	const answer = await requestPersistence(storage);
	await (await open()).put('meta', { key: PERSISTENCE_KEY, value: answer });
	return answer;
}

/** Closes the database (tests open a fresh one each). */
export async function closeStore(): Promise<void> {
	const d = db;
	db = null;
	if (d) (await d).close();
}
