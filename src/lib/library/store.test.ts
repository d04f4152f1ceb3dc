import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBriefingText } from './library';
import {
	askPersistence,
	closeStore,
	listStored,
	readStored,
	removeStored,
	saveStored,
	storedIds
} from './store';

// IndexedDB in Node, from fake-indexeddb: the store's own code, against a real implementation of
// the API (each test starts from an empty database).
const reading = await readBriefingText(
	readFileSync('tests/fixtures/gerd-2023.briefing.json', 'utf8')
);
if (!reading.ok) throw new Error(reading.errors.join('\n'));
const briefing = reading.briefing;

afterEach(async () => {
	await closeStore();
	await new Promise<void>((ok, fail) => {
		const req = indexedDB.deleteDatabase('briefing-map-library');
		req.onsuccess = () => ok();
		req.onerror = () => fail(req.error);
	});
});

describe('the library store', () => {
	it('keeps a briefing under its id and gives it back equal', async () => {
		expect(await listStored()).toEqual([]);
		await saveStored(briefing, new Date('2026-01-02T03:04:05Z'));
		expect(await storedIds()).toEqual(['gerd-2023']);
		expect(await readStored('gerd-2023')).toEqual(briefing);
		expect(await listStored()).toEqual([
			{ id: 'gerd-2023', briefing, importedAt: '2026-01-02T03:04:05.000Z' }
		]);
		expect(await readStored('nothing')).toBeUndefined();
	});

	it('replaces the briefing of the same id, keeps a copy under another, lists them by title', async () => {
		await saveStored(briefing);
		await saveStored({ ...briefing, title: 'Replaced' });
		await saveStored({ ...briefing, id: 'gerd-2023-2' });
		const all = await listStored();
		expect(all.map((s) => [s.id, s.briefing.title])).toEqual([
			['gerd-2023', 'Replaced'],
			['gerd-2023-2', 'The Nile dam dispute']
		]);
		await removeStored('gerd-2023');
		expect(await storedIds()).toEqual(['gerd-2023-2']);
	});

	it('asks for persistent storage once, and remembers the answer', async () => {
		const persist = vi.fn(async () => false);
		expect(await askPersistence({ persist })).toBe('refused');
		expect(await askPersistence({ persist })).toBe('refused');
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('says so when the browser cannot be asked', async () => {
		expect(await askPersistence(undefined)).toBe('unsupported');
	});
});
