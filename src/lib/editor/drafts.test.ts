import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	askDraftPersistence,
	closeDrafts,
	copyDraft,
	deleteDraft,
	DRAFTS_DB,
	listDrafts,
	MAX_DRAFT_BYTES,
	newDraftId,
	readDraft,
	saveDraft,
	serializeDraft
} from './drafts';

// IndexedDB in Node, from fake-indexeddb: the store's own code against a real implementation of
// the API; each test starts from an empty database.
afterEach(async () => {
	await closeDrafts();
	await new Promise<void>((ok, fail) => {
		const req = indexedDB.deleteDatabase(DRAFTS_DB);
		req.onsuccess = () => ok();
		req.onerror = () => fail(req.error);
	});
});

const draft = { title: 'A draft', article: ['First paragraph.', 'Second, with “quotes” and é.'] };
const at = (iso: string) => ({ now: new Date(iso) });

/** Writes raw records as a broken or hostile page (or an older version) might have left them. */
async function writeRaw(store: 'heads' | 'bodies', value: unknown): Promise<void> {
	await closeDrafts();
	await readDraft('nothing'); // creates the stores
	await closeDrafts();
	const d = await openDB(DRAFTS_DB, 1);
	await d.put(store, value);
	d.close();
}

describe('the draft store', () => {
	it('saves a draft and reads it back equal, revision 1 then 2', async () => {
		expect(await listDrafts()).toEqual([]);
		expect(await readDraft('d1')).toBeUndefined();
		const first = await saveDraft('d1', draft, {
			expectRevision: 0,
			title: 'A draft',
			...at('2026-01-02T03:04:05Z')
		});
		expect(first).toEqual({
			ok: true,
			record: { id: 'd1', revision: 1, savedAt: '2026-01-02T03:04:05.000Z', title: 'A draft' }
		});
		await closeDrafts(); // as a reload would
		expect(await readDraft('d1')).toEqual({
			ok: true,
			record: {
				id: 'd1',
				revision: 1,
				savedAt: '2026-01-02T03:04:05.000Z',
				title: 'A draft',
				draft
			}
		});
		const second = await saveDraft(
			'd1',
			{ ...draft, title: 'Renamed' },
			{
				expectRevision: 1,
				title: 'Renamed'
			}
		);
		expect(second.ok && second.record.revision).toBe(2);
		const read = await readDraft('d1');
		expect(read?.ok && read.record.draft).toEqual({ ...draft, title: 'Renamed' });
	});

	it('refuses a save at a revision it does not expect, writes nothing, and gives the stored draft', async () => {
		await saveDraft('d1', { v: 'first' }, { expectRevision: 0, title: 'T' });
		await saveDraft('d1', { v: 'other tab' }, { expectRevision: 1, title: 'T' });
		const stale = await saveDraft('d1', { v: 'stale' }, { expectRevision: 1, title: 'T' });
		expect(stale).toMatchObject({
			ok: false,
			reason: 'conflict',
			stored: { ok: true, record: { revision: 2, draft: { v: 'other tab' } } }
		});
		// A new draft under an id already taken is a conflict too.
		expect(await saveDraft('d1', { v: 'new' }, { expectRevision: 0, title: 'T' })).toMatchObject({
			ok: false,
			reason: 'conflict'
		});
		const read = await readDraft('d1');
		expect(read?.ok && [read.record.revision, read.record.draft]).toEqual([2, { v: 'other tab' }]);
	});

	it('a draft deleted elsewhere is a conflict with nothing stored, not a silent re-creation', async () => {
		await saveDraft('d1', draft, { expectRevision: 0, title: 'T' });
		await deleteDraft('d1');
		expect(await readDraft('d1')).toBeUndefined();
		expect(await saveDraft('d1', draft, { expectRevision: 1, title: 'T' })).toEqual({
			ok: false,
			reason: 'conflict',
			stored: undefined
		});
	});

	it('only one of two saves at the same revision, started together, is written', async () => {
		await saveDraft('d1', { v: 0 }, { expectRevision: 0, title: 'T' });
		const results = await Promise.all([
			saveDraft('d1', { v: 'a' }, { expectRevision: 1, title: 'T' }),
			saveDraft('d1', { v: 'b' }, { expectRevision: 1, title: 'T' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
	});

	it('lists heads, the latest saved first, with the title shortened past its limit', async () => {
		await saveDraft('old', draft, {
			expectRevision: 0,
			title: 'Old',
			...at('2026-01-01T00:00:00Z')
		});
		await saveDraft('new', draft, {
			expectRevision: 0,
			title: 'x'.repeat(1000),
			...at('2026-02-01T00:00:00Z')
		});
		const list = await listDrafts();
		expect(list.map((d) => d.id)).toEqual(['new', 'old']);
		expect(list[0]).toMatchObject({ ok: true, revision: 1, savedAt: '2026-02-01T00:00:00.000Z' });
		expect(list[0]!.ok && list[0]!.title.length).toBe(300);
		expect(list[0]).not.toHaveProperty('draft');
	});

	it('refuses a draft over the size cap with a clear error, and keeps the one stored', async () => {
		await saveDraft('d1', draft, { expectRevision: 0, title: 'T' });
		// Half the cap in characters, over it in bytes (2 each in UTF-8): measured in bytes.
		const huge = { text: 'é'.repeat(MAX_DRAFT_BYTES / 2) };
		const result = await saveDraft('d1', huge, { expectRevision: 1, title: 'T' });
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			error: 'draft: too large to save: 6.0 MB, the limit is 6.0 MB'
		});
		expect(serializeDraft({ t: 'é'.repeat(MAX_DRAFT_BYTES / 2 - 20) }).ok).toBe(true);
		expect(serializeDraft({ t: 'e'.repeat(MAX_DRAFT_BYTES - 20) }).ok).toBe(true);
		const read = await readDraft('d1');
		expect(read?.ok && read.record).toMatchObject({ revision: 1, draft });
	});

	it('refuses what JSON cannot hold', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(serializeDraft(cyclic)).toMatchObject({ ok: false, error: /^draft: cannot be saved/ });
		expect(serializeDraft(undefined)).toEqual({ ok: false, error: 'draft: nothing to save' });
	});

	it('reports a corrupt record with the field that failed, and leaves it stored', async () => {
		await writeRaw('heads', { id: 'bad', revision: 'two', savedAt: 'yesterday', title: 'T' });
		await writeRaw('bodies', { id: 'bad', json: '{}' });
		const read = await readDraft('bad');
		expect(read?.ok).toBe(false);
		const errors = read && !read.ok ? read.errors : [];
		expect(errors.some((e) => e.startsWith('revision:'))).toBe(true);
		expect(errors.some((e) => e.startsWith('savedAt:'))).toBe(true);
		expect(await listDrafts()).toEqual([{ ok: false, id: 'bad', errors }]);
		// Still there, for a later version or a person to recover; a save over it is a conflict.
		expect((await readDraft('bad'))?.ok).toBe(false);
		expect(await saveDraft('bad', draft, { expectRevision: 0, title: 'T' })).toMatchObject({
			ok: false,
			reason: 'conflict',
			stored: { ok: false, id: 'bad' }
		});
	});

	it.each([
		[{ id: 'b', json: '{"a":' }, 'draft: not valid JSON'],
		[{ id: 'b', json: 42 }, 'draft.json: '],
		[undefined, 'draft: missing'],
		// The briefing's depth limit (12), counted from the draft.
		[{ id: 'b', json: '['.repeat(40) + '1' + ']'.repeat(40) }, 'draft[0][0]'],
		[{ id: 'b', json: `{"a":${'['.repeat(40)}1${']'.repeat(40)}}` }, 'draft.a[0]']
	])('names the problem of a broken body %#', async (body, start) => {
		await writeRaw('heads', {
			id: 'b',
			revision: 1,
			savedAt: '2026-01-01T00:00:00.000Z',
			title: 'T'
		});
		if (body) await writeRaw('bodies', body);
		const read = await readDraft('b');
		expect(read).toMatchObject({ ok: false, id: 'b' });
		const errors = read && !read.ok ? read.errors : [];
		expect(errors[0]).toMatch(new RegExp(`^${start.replace(/[.[\]]/g, '\\$&')}`));
	});

	it('copies a draft under a new id and leaves the original as it was', async () => {
		await saveDraft('d1', draft, { expectRevision: 0, title: 'A draft' });
		await saveDraft('d1', draft, { expectRevision: 1, title: 'A draft' });
		const copy = await copyDraft('d1', { title: 'A draft (copy)' });
		expect(copy).toMatchObject({ ok: true, record: { revision: 1, title: 'A draft (copy)' } });
		const copyId = copy?.ok ? copy.record.id : '';
		expect(copyId).not.toBe('d1');
		expect((await readDraft(copyId))?.ok && (await readDraft(copyId))).toMatchObject({
			record: { draft }
		});
		expect(await readDraft('d1')).toMatchObject({ ok: true, record: { revision: 2, draft } });
		expect(await copyDraft('nothing')).toBeUndefined();
	});

	it('makes ids that differ', () => {
		const ids = new Set(Array.from({ length: 100 }, newDraftId));
		expect(ids.size).toBe(100);
		for (const id of ids) expect(id).toMatch(/^draft-[0-9a-f]{20}$/);
	});

	it('asks for persistent storage once, and remembers the answer', async () => {
		const persist = vi.fn(async () => true);
		expect(await askDraftPersistence({ persist })).toBe('granted');
		expect(await askDraftPersistence({ persist })).toBe('granted');
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('says so when the browser cannot be asked', async () => {
		expect(await askDraftPersistence(undefined)).toBe('unsupported');
	});
});
