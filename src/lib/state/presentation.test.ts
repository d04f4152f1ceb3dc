import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Presentation, type Stage } from './presentation.svelte';
import { fakeAddress } from './test-address';

/** A browser's address bar, fullscreen API and speaker channel, small enough to watch. */
function fakeBrowser() {
	// The hashes of the history entries added (pushed), in order.
	const { loc, entries: pushed } = fakeAddress();
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
	return { loc, pushed, doc, grants, channels };
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

/** A key press as the window's capture handler receives it. */
function key(k: string, mods: { ctrlKey?: boolean } = {}) {
	return {
		key: k,
		...mods,
		target: null,
		prevented: false,
		preventDefault() {
			this.prevented = true;
		},
		stopPropagation() {}
	};
}
const press = (p: Presentation, k: string, mods: { ctrlKey?: boolean } = {}) => {
	const e = key(k, mods);
	p.onKeydown(e as unknown as KeyboardEvent);
	return e.prevented;
};

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

	it('steps through the scenes, each step a history entry, and stops at either end', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 3;
		browser.doc.fullscreenEnabled = false;
		await p.start(1);
		expect(browser.pushed).toEqual(['#scene=1']);
		p.step('next');
		p.step('next');
		expect(p.index).toBe(3);
		// Past the end: nothing is shown again, no entry is added.
		p.step('next');
		p.step('last');
		expect(log).toEqual(['enter', 'show 1', 'show 2', 'show 3']);
		p.step('first');
		expect(p.index).toBe(1);
		p.step('prev');
		expect(browser.pushed).toEqual(['#scene=1', '#scene=2', '#scene=3', '#scene=1']);
	});

	it('a scene reached from Back or Forward adds no entry of its own', async () => {
		const { stage } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(2);
		await p.goTo(4, undefined, false);
		expect(p.index).toBe(4);
		expect(browser.loc.hash).toBe('#scene=4');
		expect(browser.pushed).toEqual(['#scene=2']);
	});

	it('starting while presenting goes to that scene; with no scenes nothing starts', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		browser.doc.fullscreenEnabled = false;
		await p.start(1);
		expect(p.presenting).toBe(false);
		expect(log).toEqual([]);
		p.count = 5;
		await p.start(1);
		await p.start(4);
		expect(log).toEqual(['enter', 'show 1', 'show 4']);
	});

	it('the audience exploring is forgotten by Back to scene, which re-shows the same scene', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(2);
		p.explored = true;
		// A resize does not pull the camera back while the audience explores.
		p.refit();
		expect(log).toEqual(['enter', 'show 2']);
		p.back();
		expect(p.explored).toBe(false);
		expect(log).toEqual(['enter', 'show 2', 'show 2']);
		// Going back to the same scene adds no history entry.
		expect(browser.pushed).toEqual(['#scene=2']);
		p.refit();
		expect(log.at(-1)).toBe('show 2');
		expect(log).toHaveLength(4);
	});

	it('refits only while presenting', () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		p.refit();
		expect(log).toEqual([]);
	});

	it('exit adds a history entry (Back returns to the scene), unless Back or Forward brought it', async () => {
		const { stage } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(3);
		p.exit();
		expect(browser.pushed).toEqual(['#scene=3', '']);
		await p.start(2);
		p.exit(false);
		expect(browser.pushed).toEqual(['#scene=3', '', '#scene=2']);
		expect(browser.loc.hash).toBe('');
		// Exiting twice does nothing more.
		p.exit();
		expect(browser.pushed).toHaveLength(3);
	});

	it('leaving fullscreen by the browser leaves the presentation; a fullscreen it did not take does not', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		const started = p.start(1);
		browser.grants.shift()!();
		await started;
		browser.doc.fullscreenElement = null;
		p.onFullscreenChange();
		expect(p.presenting).toBe(false);
		expect(log.at(-1)).toBe('leave');
		// Already fullscreen (F11) when it started: that fullscreen is the person's, not ours.
		browser.doc.fullscreenElement = browser.doc.documentElement;
		await p.start(1);
		browser.doc.fullscreenElement = null;
		p.onFullscreenChange();
		expect(p.presenting).toBe(true);
	});

	it('keys: P starts, the named keys step, B goes back, S opens the speaker view, Escape exits', async () => {
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		// Browser shortcuts stay the browser's.
		expect(press(p, 'p', { ctrlKey: true })).toBe(false);
		expect(press(p, 'ArrowRight')).toBe(false);
		expect(press(p, 'p')).toBe(true);
		await flush();
		expect(p.index).toBe(1);
		press(p, 'ArrowRight');
		press(p, ' ');
		expect(p.index).toBe(3);
		press(p, 'End');
		expect(p.index).toBe(5);
		press(p, 'PageUp');
		expect(p.index).toBe(4);
		press(p, 's');
		expect(log.at(-1)).toBe('speaker');
		p.explored = true;
		press(p, 'b');
		expect(p.explored).toBe(false);
		expect(press(p, 'x')).toBe(false);
		press(p, 'Escape');
		expect(p.presenting).toBe(false);
	});

	it('with letter shortcuts off, P, B and S do nothing, and the choice is remembered', async () => {
		const stored = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (k: string) => stored.get(k) ?? null,
			setItem: (k: string, v: string) => void stored.set(k, v)
		});
		const { stage, log } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		p.setSingleKeys(false);
		expect(press(p, 'p')).toBe(false);
		expect(p.presenting).toBe(false);
		browser.doc.fullscreenEnabled = false;
		expect(press(p, 'F5')).toBe(true);
		await flush();
		expect(press(p, 's')).toBe(false);
		expect(log).not.toContain('speaker');
		expect(new Presentation(fakeStage().stage, 'b').singleKeys).toBe(false);
	});

	it('answers a speaker view that says hello, and a speaker view can start it again', async () => {
		const { stage } = fakeStage();
		const p = new Presentation(stage, 'b');
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		const channel = browser.channels[0]!;
		channel.onmessage!({ data: { type: 'hello' } });
		expect(channel.posted.at(-1)).toEqual({ type: 'exit' });
		// Stepping an ended presentation's speaker view does not restart it...
		channel.onmessage!({ data: { type: 'goto', scene: 3 } });
		expect(p.presenting).toBe(false);
		// ...its Start button does.
		channel.onmessage!({ data: { type: 'start', scene: 3 } });
		await flush();
		expect(p.presenting).toBe(true);
		expect(p.index).toBe(3);
		channel.onmessage!({ data: { type: 'hello' } });
		expect(channel.posted.at(-1)).toEqual({ type: 'scene', scene: 3, count: 5 });
	});

	it('keeps the scene where it is told to: any address can stand in for the hash', async () => {
		const { stage } = fakeStage();
		const kept: string[] = [];
		const p = new Presentation(stage, 'b', {
			showScene: (n, push) => void kept.push(`show ${n}${push ? ' push' : ''}`),
			endScene: (push) => void kept.push(`end${push ? ' push' : ''}`),
			hasScene: () => kept.length > 0
		});
		p.count = 5;
		browser.doc.fullscreenEnabled = false;
		await p.start(2);
		await p.goTo(2);
		p.exit(false);
		expect(kept).toEqual(['show 2 push', 'show 2', 'end']);
		expect(browser.loc.hash).toBe('');
	});
});
