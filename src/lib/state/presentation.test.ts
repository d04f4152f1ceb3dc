import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Presentation, type Stage } from './presentation.svelte';

/** A browser's address bar, fullscreen API and speaker channel, small enough to watch. */
function fakeBrowser() {
	const loc = { pathname: '/', search: '', hash: '' };
	const set = (url: string) => (loc.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '');
	vi.stubGlobal('location', loc);
	vi.stubGlobal('history', {
		state: null,
		pushState: (_s: unknown, _t: string, url: string) => set(url),
		replaceState: (_s: unknown, _t: string, url: string) => set(url)
	});
	/** Fullscreen requests wait here until the test grants them. */
	const grants: (() => void)[] = [];
	const doc = {
		fullscreenEnabled: true,
		fullscreenElement: null as object | null,
		documentElement: {
			requestFullscreen: () =>
				new Promise<void>((ok) =>
					grants.push(() => {
						doc.fullscreenElement = doc.documentElement;
						ok();
					})
				)
		},
		exitFullscreen: vi.fn(async () => {
			doc.fullscreenElement = null;
		})
	};
	vi.stubGlobal('document', doc);
	const channels: { posted: unknown[]; onmessage: ((e: { data: unknown }) => void) | null }[] = [];
	vi.stubGlobal(
		'BroadcastChannel',
		class {
			posted: unknown[] = [];
			onmessage: ((e: { data: unknown }) => void) | null = null;
			constructor() {
				channels.push(this);
			}
			postMessage(m: unknown) {
				this.posted.push(m);
			}
			close() {}
		}
	);
	return { loc, doc, grants, channels };
}

function fakeStage() {
	const log: string[] = [];
	const signals: AbortSignal[] = [];
	const stage: Stage = {
		enter: () => void log.push('enter'),
		show: async (index, _motion, signal) => {
			log.push(`show ${index}`);
			signals.push(signal);
		},
		leave: () => void log.push('leave'),
		openSpeakerView: () => void log.push('speaker')
	};
	return { stage, log, signals };
}

const flush = () => new Promise((ok) => setTimeout(ok));

describe('Presentation', () => {
	let browser: ReturnType<typeof fakeBrowser>;
	beforeEach(() => (browser = fakeBrowser()));
	afterEach(() => vi.unstubAllGlobals());

	it('starts: enters, goes fullscreen, then shows scene 1 and writes it to the hash', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		const started = p.start(1);
		expect(p.presenting).toBe(true);
		expect(log).toEqual(['enter']);
		browser.grants.shift()!();
		await started;
		expect(log).toEqual(['enter', 'show 1']);
		expect(browser.loc.hash).toBe('#scene=1');
		p.exit();
		expect(browser.loc.hash).toBe('');
		expect(browser.doc.exitFullscreen).toHaveBeenCalledOnce();
	});

	it('an exit before fullscreen is granted cancels the rest, and gives the fullscreen back', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		const started = p.start(1);
		p.exit();
		expect(p.presenting).toBe(false);
		browser.grants.shift()!();
		await started;
		await flush();
		expect(log).toEqual(['enter', 'leave']);
		expect(browser.loc.hash).toBe('');
		expect(browser.doc.fullscreenElement).toBeNull();
		expect(browser.doc.exitFullscreen).toHaveBeenCalledOnce();
	});

	it('a start, exit and start again keeps the fullscreen the second one asked for', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		const first = p.start(1);
		p.exit();
		const second = p.start(2);
		browser.grants.shift()!();
		await first;
		expect(browser.doc.exitFullscreen).not.toHaveBeenCalled();
		browser.grants.shift()!();
		await second;
		expect(log).toEqual(['enter', 'leave', 'enter', 'show 2']);
		expect(browser.loc.hash).toBe('#scene=2');
		p.exit();
		expect(browser.doc.exitFullscreen).toHaveBeenCalledOnce();
	});

	it('aborts the scene still landing when the presentation ends', async () => {
		const { stage, signals } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(3);
		expect(signals[0]!.aborted).toBe(false);
		p.exit();
		expect(signals[0]!.aborted).toBe(true);
	});

	it('tells the speaker view the presentation has ended when its window goes away', async () => {
		const { stage } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		p.pageHidden();
		const channel = browser.channels[0]!;
		expect(channel.posted).toEqual([]);
		await p.start(3);
		channel.posted.length = 0;
		p.pageHidden();
		expect(channel.posted).toEqual([{ type: 'exit' }]);
		// The hash keeps the scene: a reload of this window comes back to it.
		expect(browser.loc.hash).toContain('scene=3');
	});

	it('shows nothing and writes no scene when asked to go to one while not presenting', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		await p.goTo(2);
		expect(log).toEqual([]);
		expect(browser.loc.hash).toBe('');
	});

	it('drops what is not a message on the speaker channel, and clamps scene numbers', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(2);
		const channel = browser.channels[0]!;
		for (const data of [
			null,
			undefined,
			7,
			{},
			{ type: 'goto' },
			{ type: 'goto', scene: Number.NaN },
			{ type: 'goto', scene: 2.5 },
			{ type: 'start', scene: '4' }
		]) {
			expect(() => channel.onmessage!({ data })).not.toThrow();
		}
		expect(p.index).toBe(2);
		expect(log).toEqual(['enter', 'show 2']);
		channel.onmessage!({ data: { type: 'goto', scene: 999 } });
		expect(p.index).toBe(5);
		channel.onmessage!({ data: { type: 'goto', scene: -1 } });
		expect(p.index).toBe(1);
		expect(channel.posted.at(-1)).toEqual({ type: 'scene', scene: 1, count: 5 });
	});
});
