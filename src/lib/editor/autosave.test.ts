import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftSession, readDraftMessage, type SessionOptions } from './autosave.svelte';
import { closeDrafts, DRAFTS_DB, readDraft, saveDraft, type SaveResult } from './drafts';

// The sessions run against fake-indexeddb and Node's own BroadcastChannel, which delivers between
// two channels of one process as a browser does between tabs. Each test gets its own channel name
// so that a late message from one test cannot reach the next.
let test = 0;
const open: DraftSession[] = [];
const channels: BroadcastChannel[] = [];

afterEach(async () => {
	vi.useRealTimers();
	await Promise.all(open.splice(0).map((s) => s.close()));
	for (const c of channels.splice(0)) c.close();
	await closeDrafts();
	await new Promise<void>((ok, fail) => {
		const req = indexedDB.deleteDatabase(DRAFTS_DB);
		req.onsuccess = () => ok();
		req.onerror = () => fail(req.error);
	});
});

function options(extra: SessionOptions = {}): SessionOptions {
	return {
		channel: `test-drafts-${test}`,
		window: null,
		document: null,
		storage: { persist: async () => true },
		...extra
	};
}

function track(session: DraftSession): DraftSession {
	open.push(session);
	return session;
}

async function openSession(id: string, extra: SessionOptions = {}): Promise<DraftSession> {
	const opened = await DraftSession.open(id, options(extra));
	if (!opened.ok) throw new Error(opened.errors.join('\n'));
	return track(opened.session);
}

/** A stored draft at revision 1. */
async function stored(id: string, draft: unknown): Promise<void> {
	const result = await saveDraft(id, draft, { expectRevision: 0, title: 'T' });
	if (!result.ok) throw new Error('not saved');
}

async function storedDraft(id: string): Promise<unknown> {
	const read = await readDraft(id);
	return read?.ok ? read.record.draft : read;
}

/** A save that counts its calls and how many ran at once. */
function countingSave(delay = 0) {
	const counts = { calls: 0, running: 0, most: 0 };
	const save: typeof saveDraft = async (...args) => {
		counts.calls++;
		counts.running++;
		counts.most = Math.max(counts.most, counts.running);
		try {
			if (delay) await new Promise((ok) => setImmediate(ok));
			return await saveDraft(...args);
		} finally {
			counts.running--;
		}
	};
	return { save, counts };
}

describe('DraftSession', () => {
	it('saves a new draft at once and a reload opens it where it was', async () => {
		test++;
		const session = track(DraftSession.create({ title: 'New', n: 1 }, options()));
		expect(session.status).toBe('saving');
		await session.flush();
		expect([session.status, session.revision]).toEqual(['saved', 1]);
		session.change({ title: 'New', n: 2 });
		expect(session.status).toBe('unsaved');
		await session.flush();
		expect([session.status, session.revision]).toEqual(['saved', 2]);
		const id = session.id;
		await session.close();
		await closeDrafts(); // a reload: everything from the database again
		const reopened = await DraftSession.open(id, options());
		expect(reopened).toMatchObject({ ok: true, draft: { title: 'New', n: 2 } });
		if (reopened.ok) {
			track(reopened.session);
			expect([reopened.session.revision, reopened.session.status]).toEqual([2, 'saved']);
		}
	});

	it('waits for a pause in the changes, then saves the last state once', async () => {
		test++;
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		await stored('d', { v: 0 });
		const { save, counts } = countingSave();
		const session = await openSession('d', { save, delayMs: 300 });
		for (let v = 1; v <= 5; v++) {
			session.change({ v });
			await vi.advanceTimersByTimeAsync(200);
		}
		expect(counts.calls).toBe(0);
		expect(session.status).toBe('unsaved');
		await vi.advanceTimersByTimeAsync(100);
		await session.flush(); // waits for the save the timer started
		expect(counts.calls).toBe(1);
		expect(session.status).toBe('saved');
		expect(await storedDraft('d')).toEqual({ v: 5 });
	});

	it('saves at once when the page is hidden or left', async () => {
		test++;
		await stored('d', { v: 0 });
		const { save, counts } = countingSave();
		const win = new EventTarget();
		const doc = Object.assign(new EventTarget(), {
			visibilityState: 'visible' as DocumentVisibilityState
		});
		const session = await openSession('d', { save, delayMs: 60_000, window: win, document: doc });
		session.change({ v: 1 });
		doc.dispatchEvent(new Event('visibilitychange'));
		expect(counts.calls).toBe(0);
		doc.visibilityState = 'hidden';
		doc.dispatchEvent(new Event('visibilitychange'));
		expect(counts.calls).toBe(1);
		await session.flush();
		session.change({ v: 2 });
		win.dispatchEvent(new Event('pagehide'));
		expect(counts.calls).toBe(2);
		await session.flush();
		expect(await storedDraft('d')).toEqual({ v: 2 });
		// Closed: the page's events no longer reach it.
		await session.close();
		win.dispatchEvent(new Event('pagehide'));
		expect(counts.calls).toBe(2);
	});

	it('never runs two saves at once, and the last state wins', async () => {
		test++;
		await stored('d', { v: 0 });
		const { save, counts } = countingSave(1);
		const session = await openSession('d', { save, delayMs: 0 });
		const flushes: Promise<void>[] = [];
		for (let v = 1; v <= 20; v++) {
			session.change({ v });
			flushes.push(session.flush());
			if (v % 3 === 0) await new Promise((ok) => setImmediate(ok));
		}
		await Promise.all(flushes);
		await session.flush();
		expect(counts.most).toBe(1);
		expect(counts.calls).toBeGreaterThan(1);
		expect(session.status).toBe('saved');
		expect(await storedDraft('d')).toEqual({ v: 20 });
		expect(session.revision).toBe(1 + counts.calls);
	});

	it('a copy asked for while a save runs waits for it', async () => {
		test++;
		await stored('d', { v: 0 });
		const { save, counts } = countingSave(1);
		const session = await openSession('d', { save });
		session.change({ v: 1 });
		const flushed = session.flush();
		const copied = session.saveAsCopy();
		await Promise.all([flushed, copied]);
		expect(counts).toMatchObject({ calls: 2, most: 1 });
		expect(await storedDraft('d')).toEqual({ v: 1 });
		expect(session.id).not.toBe('d');
		expect(await storedDraft(session.id)).toEqual({ v: 1 });
		expect(session.status).toBe('saved');
	});

	it('a second session on the same draft is refused, keeps its work as a copy, and the first is untouched', async () => {
		test++;
		await stored('d', { v: 0 });
		// No channel: the revision check alone must catch it.
		const first = await openSession('d', { channel: null });
		const second = await openSession('d', { channel: null });
		first.change({ v: 'first' });
		await first.flush();
		expect([first.status, first.revision]).toEqual(['saved', 2]);

		second.change({ v: 'second' });
		await second.flush();
		expect(second.status).toBe('conflict');
		expect(second.conflict).toMatchObject({
			reason: 'changed',
			stored: { ok: true, record: { revision: 2, draft: { v: 'first' } } }
		});
		expect(await storedDraft('d')).toEqual({ v: 'first' });

		// In conflict, changes are kept in memory only.
		second.change({ v: 'second, more' });
		await second.flush();
		expect(second.status).toBe('conflict');
		expect(await storedDraft('d')).toEqual({ v: 'first' });

		const copy = await second.saveAsCopy();
		expect(copy.ok).toBe(true);
		expect(second.id).not.toBe('d');
		expect([second.status, second.conflict, second.revision]).toEqual(['saved', null, 1]);
		expect(await storedDraft(second.id)).toEqual({ v: 'second, more' });
		expect(await storedDraft('d')).toEqual({ v: 'first' });

		// Both go on, each on its own draft.
		first.change({ v: 'first again' });
		await first.flush();
		expect(first.status).toBe('saved');
		second.change({ v: 'copy edited' });
		await second.flush();
		expect(await storedDraft(second.id)).toEqual({ v: 'copy edited' });
		expect(await storedDraft('d')).toEqual({ v: 'first again' });
	});

	it('a draft deleted under a session is a conflict, and its work can still be copied', async () => {
		test++;
		await stored('d', { v: 0 });
		const session = await openSession('d', { channel: null });
		const d = await openDB(DRAFTS_DB, 1);
		await d.delete('heads', 'd');
		await d.delete('bodies', 'd');
		d.close();
		session.change({ v: 1 });
		await session.flush();
		expect(session.conflict).toEqual({ reason: 'deleted' });
		expect((await session.saveAsCopy()).ok).toBe(true);
		expect(await storedDraft(session.id)).toEqual({ v: 1 });
	});

	it('is told over the channel that another tab saved its draft, before saving itself', async () => {
		test++;
		await stored('d', { v: 0 });
		const first = await openSession('d');
		const { save, counts } = countingSave();
		const second = await openSession('d', { save });
		await vi.waitFor(() =>
			expect([first.openElsewhere, second.openElsewhere]).toEqual([true, true])
		);
		first.change({ v: 'first' });
		await first.flush();
		await vi.waitFor(() => expect(second.status).toBe('conflict'));
		expect(second.conflict).toEqual({ reason: 'other-tab' });
		second.change({ v: 'second' });
		await second.flush();
		expect(counts.calls).toBe(0);
		// Or take the other tab's version instead.
		expect(await second.takeStored()).toEqual({ ok: true, draft: { v: 'first' } });
		expect([second.status, second.revision, second.draft]).toEqual(['saved', 2, { v: 'first' }]);
		second.change({ v: 'second, on top of first' });
		await second.flush();
		expect(await storedDraft('d')).toEqual({ v: 'second, on top of first' });
		expect(counts.calls).toBe(1);
		// A closed tab is no longer counted.
		await first.close();
		await vi.waitFor(() => expect(second.openElsewhere).toBe(false));
	});

	it('ignores malformed messages and those about other drafts', async () => {
		test++;
		await stored('d', { v: 0 });
		const session = await openSession('d');
		const forger = new BroadcastChannel(`test-drafts-${test}`);
		channels.push(forger);
		for (const data of [
			null,
			'saved',
			{ type: 'saved', id: 'd', session: 'x' },
			{ type: 'saved', id: 'd', session: 'x', revision: 2.5 },
			{ type: 'saved', id: 'd', session: 'x', revision: '9' },
			{ type: 'saved', id: 'd', session: 'x'.repeat(1000), revision: 9 },
			{ type: 'saved', id: 'other', session: 'x', revision: 9 },
			{ type: 'saved', id: 'd', session: 'x', revision: 1 }, // not newer than ours
			{ type: 'unknown', id: 'd', session: 'x' }
		]) {
			forger.postMessage(data);
		}
		// A valid one last: once it has arrived, the ones before it have too.
		forger.postMessage({ type: 'here', id: 'other', session: 'y' });
		forger.postMessage({ type: 'here', id: 'd', session: 'y' });
		await vi.waitFor(() => expect(session.openElsewhere).toBe(true));
		expect(session.status).toBe('saved');
		forger.postMessage({ type: 'saved', id: 'd', session: 'y', revision: 2 });
		await vi.waitFor(() => expect(session.status).toBe('conflict'));
	});

	it('reports a failed save, keeps the work, and saves it on the next try', async () => {
		test++;
		await stored('d', { v: 0 });
		let full = true;
		let calls = 0;
		const save: typeof saveDraft = async (...args) => {
			calls++;
			if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return saveDraft(...args);
		};
		const session = await openSession('d', { save });
		session.change({ v: 1 });
		// Several flushes at once (the timer's, the page's, an explicit one) share one attempt.
		await Promise.all([session.flush(), session.flush(), session.flush()]);
		expect(calls).toBe(1);
		expect([session.status, session.error]).toEqual([
			'error',
			'not saved: The quota has been exceeded.'
		]);
		full = false;
		await session.flush();
		expect([session.status, session.error]).toEqual(['saved', null]);
		expect(await storedDraft('d')).toEqual({ v: 1 });
	});

	it('reports a draft over the size cap, and saves once it is back under', async () => {
		test++;
		await stored('d', { v: 0 });
		const session = await openSession('d');
		session.change({ v: 'x'.repeat(6_000_001) });
		await session.flush();
		expect(session.status).toBe('error');
		expect(session.error).toMatch(/^draft: too large to save: 6\.0 MB, the limit is 6\.0 MB/);
		expect(await storedDraft('d')).toEqual({ v: 0 });
		session.change({ v: 'short' });
		await session.flush();
		expect(session.status).toBe('saved');
		expect(await storedDraft('d')).toEqual({ v: 'short' });
	});

	it('asks once for persistent storage after the first save', async () => {
		test++;
		const persist = vi.fn(async () => false);
		const session = track(DraftSession.create({}, options({ storage: { persist } })));
		await session.flush();
		await vi.waitFor(() => expect(session.persistence).toBe('refused'));
		session.change({ more: true });
		await session.flush();
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('opens no session over a draft that cannot be read, and says why', async () => {
		test++;
		expect(await DraftSession.open('none', options())).toEqual({
			ok: false,
			errors: ['no such draft in this browser']
		});
		await stored('bad', {});
		const d = await openDB(DRAFTS_DB, 1);
		await d.put('bodies', { id: 'bad', json: '{' });
		d.close();
		expect(await DraftSession.open('bad', options())).toEqual({
			ok: false,
			errors: ['draft: not valid JSON']
		});
	});

	it('a failed copy leaves the session in its conflict, work kept', async () => {
		test++;
		await stored('d', { v: 0 });
		await saveDraft('d', { v: 'elsewhere' }, { expectRevision: 1, title: 'T' });
		let fail = false;
		const save: typeof saveDraft = async (...args): Promise<SaveResult> => {
			if (fail) throw new Error('disk full');
			return saveDraft(...args);
		};
		const session = track(
			new DraftSession({ id: 'd', revision: 1, draft: { v: 0 } }, options({ save }))
		);
		session.change({ v: 'mine' });
		await session.flush();
		expect(session.status).toBe('conflict');
		fail = true;
		expect(await session.saveAsCopy()).toEqual({
			ok: false,
			reason: 'invalid',
			error: 'not saved: disk full'
		});
		expect([session.id, session.status, session.error]).toEqual([
			'd',
			'conflict',
			'not saved: disk full'
		]);
		fail = false;
		expect((await session.saveAsCopy()).ok).toBe(true);
		expect(await storedDraft(session.id)).toEqual({ v: 'mine' });
	});
});

describe('readDraftMessage', () => {
	it.each([
		[{ type: 'opened', id: 'd', session: 's' }],
		[{ type: 'here', id: 'd', session: 's' }],
		[{ type: 'closed', id: 'd', session: 's' }],
		[{ type: 'saved', id: 'd', session: 's', revision: 3 }]
	])('reads %j', (data) => {
		expect(readDraftMessage(data)).toEqual(data);
	});

	it.each([
		null,
		[],
		{},
		{ type: 'saved', id: '', session: 's', revision: 1 },
		{ type: 'saved', id: 'd', session: 's', revision: 0 },
		{ type: 'saved', id: 'd', session: 's', revision: Number.NaN },
		{ type: 'opened', id: 'd'.repeat(201), session: 's' },
		{ type: 'opened', id: 7, session: 's' }
	])('drops %j', (data) => {
		expect(readDraftMessage(data)).toBeNull();
	});
});
