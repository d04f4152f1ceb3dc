import { describe, expect, it } from 'vitest';
import {
	INITIAL,
	isNetworkFailure,
	next,
	offlineText,
	probeAddress,
	workerAddress,
	type OfflineEvent,
	type OfflineState
} from './status';

const after = (...events: OfflineEvent[]): OfflineState => events.reduce(next, INITIAL);

describe('addresses', () => {
	it('puts the worker and its scope under the base path, at the root or a sub-path', () => {
		expect(workerAddress('')).toEqual({ url: '/service-worker.js', scope: '/' });
		expect(workerAddress('/a/b')).toEqual({ url: '/a/b/service-worker.js', scope: '/a/b/' });
		expect(probeAddress('/a')).toBe('/a/_app/version.json');
	});
});

describe('next', () => {
	it('starts online, with no worker and no update', () => {
		expect(INITIAL).toEqual({ offline: false, controlled: false, updateReady: false });
		expect(offlineText(INITIAL)).toBeNull();
	});

	it("is offline when the browser says so, or when the site did not answer; a probe's answer decides", () => {
		expect(after({ type: 'browser-offline' }).offline).toBe(true);
		expect(after({ type: 'probe', ok: false }).offline).toBe(true);
		expect(after({ type: 'browser-offline' }, { type: 'probe', ok: true }).offline).toBe(false);
		expect(after({ type: 'probe', ok: false }, { type: 'probe', ok: true }).offline).toBe(false);
	});

	it('says the saved copy is shown only when a worker answers the page', () => {
		expect(offlineText(after({ type: 'probe', ok: false }))).toMatch(/cannot be reached/);
		expect(offlineText(after({ type: 'controlled' }, { type: 'probe', ok: false }))).toBe(
			'Offline: showing the copy saved in this browser.'
		);
		expect(offlineText(after({ type: 'controlled' }, { type: 'probe', ok: true }))).toBeNull();
	});

	it('offers an update only to a page a worker already answers (not on the first install)', () => {
		expect(after({ type: 'update-waiting' }).updateReady).toBe(false);
		expect(after({ type: 'controlled' }, { type: 'update-waiting' }).updateReady).toBe(true);
		// Going offline and back does not take the offer away.
		const s = after(
			{ type: 'controlled' },
			{ type: 'update-waiting' },
			{ type: 'browser-offline' },
			{ type: 'probe', ok: true }
		);
		expect(s).toEqual({ offline: false, controlled: true, updateReady: true });
	});
});

describe('isNetworkFailure', () => {
	it('is a failed fetch (a TypeError), not another error', () => {
		expect(isNetworkFailure(new TypeError('Failed to fetch'))).toBe(true);
		expect(isNetworkFailure(new Error('HTTP 500'))).toBe(false);
		expect(isNetworkFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
	});
});
