/**
 * The page's side of working offline, one owner for the whole app (the layout shows its notices,
 * src/lib/offline/OfflineNotice.svelte): it registers the service worker (src/service-worker.ts)
 * once the page has nothing more urgent to do, says when the site cannot be reached, and when a
 * new deployment waits, reloads into it on request.
 *
 * Registration is off the first load's critical path: SvelteKit's own registration is off
 * (`kit.serviceWorker.register: false`) because it starts at the window's `load`, while the map
 * is still drawing, and the worker's install fetches the whole app (some 3 MB). This module is
 * itself loaded only when its time has come (./notices.svelte.ts): the map page's, after its
 * map's first view is on screen; every other page's, in idle time after it has started.
 */
import { base } from '$app/paths';
import {
	INITIAL,
	isNetworkFailure,
	next,
	probeAddress,
	workerAddress,
	type OfflineEvent
} from './status';
import { whenIdle } from '$lib/ui/idle';
import { notices } from './notices.svelte';

/** While offline, the site is asked again this often: no browser event says a server came back. */
const RETRY_MS = 15_000;

class Offline {
	state = $state(INITIAL);
	/** Where the notices sit (./notices.svelte.ts, which a page sets before this is loaded). */
	get overMap(): string | null {
		return notices.overMap;
	}
	set overMap(value: string | null) {
		notices.overMap = value;
	}
	/** A presentation is on the projector: the notices wait. */
	get presenting(): boolean {
		return notices.presenting;
	}
	set presenting(value: boolean) {
		notices.presenting = value;
	}
	#requested = false;
	#registration: ServiceWorkerRegistration | null = null;
	#reloading = false;
	#reloaded = false;
	#retry: ReturnType<typeof setTimeout> | undefined;

	/**
	 * Registers in idle time: called by the notices once they are in the page (which is when
	 * ./notices.svelte.ts says the page's time has come), so that they are there to say the first
	 * thing it finds out.
	 */
	registerWhenIdle(): void {
		if (!this.#requested) whenIdle(() => this.register());
	}

	/** Registers the worker (once), then checks the site can be reached if the page is a saved copy. */
	register(): void {
		if (this.#requested) return;
		this.#requested = true;
		addEventListener('offline', () => this.#apply({ type: 'browser-offline' }));
		addEventListener('online', () => void this.probe());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible' && this.state.offline) void this.probe();
		});
		if (!navigator.onLine) this.#apply({ type: 'browser-offline' });
		// None in some private windows, and on a page served over plain HTTP from another host
		// than localhost (service workers need a secure context): the page works as before.
		if (!navigator.serviceWorker) return;
		const { url, scope } = workerAddress(base);
		navigator.serviceWorker
			.register(url, { scope })
			// Undefined where a test harness stubs registration out (Playwright's serviceWorkers: 'block').
			.then((registration: ServiceWorkerRegistration | undefined) => {
				if (registration) this.#watch(registration);
			})
			.catch((err: unknown) => console.warn('offline: the service worker was not registered:', err))
			// A page the worker answered may be the saved copy of a site that is gone: ask the site.
			// (A page that is not was just fetched from it: nothing to ask.)
			.finally(() => {
				if (navigator.serviceWorker.controller) void this.probe();
			});
	}

	/** Asks the site for a small file the worker never saves: the answer says whether it is there. */
	async probe(): Promise<void> {
		clearTimeout(this.#retry);
		try {
			await fetch(probeAddress(base), { cache: 'no-store' });
			this.#apply({ type: 'probe', ok: true });
		} catch (err) {
			if (isNetworkFailure(err)) this.#apply({ type: 'probe', ok: false });
		}
		if (this.state.offline) this.#retry = setTimeout(() => void this.probe(), RETRY_MS);
	}

	/**
	 * The notice's Reload: the waiting worker takes over, then the page reloads into the new
	 * deployment. With no worker waiting (it was replaced meanwhile), a plain reload.
	 */
	reload(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		this.#reloading = true;
		waiting.addEventListener('statechange', () => {
			if (waiting.state === 'activated') this.#reloadOnce();
		});
		waiting.postMessage({ type: 'skip-waiting' });
	}

	#reloadOnce(): void {
		if (this.#reloaded) return;
		this.#reloaded = true;
		location.reload();
	}

	#apply(event: OfflineEvent): void {
		this.state = next(this.state, event);
	}

	#watch(registration: ServiceWorkerRegistration): void {
		this.#registration = registration;
		const container = navigator.serviceWorker;
		let hadController = !!container.controller;
		if (hadController) this.#apply({ type: 'controlled' });
		container.addEventListener('controllerchange', () => {
			if (this.#reloading) this.#reloadOnce();
			else if (hadController) {
				// Another window pressed Reload: this page is of the older deployment now.
				this.#apply({ type: 'update-waiting' });
			} else {
				// The first visit: the worker has saved this deployment and answers the page now.
				hadController = true;
				this.#apply({ type: 'controlled' });
			}
		});
		// A new deployment's worker, once installed while this page has one, waits for a reload.
		const track = (worker: ServiceWorker | null) => {
			if (!worker) return;
			const check = () => {
				if (worker.state === 'installed' && container.controller) {
					this.#apply({ type: 'update-waiting' });
				}
			};
			worker.addEventListener('statechange', check);
			check();
		};
		if (registration.waiting && container.controller) this.#apply({ type: 'update-waiting' });
		track(registration.installing);
		registration.addEventListener('updatefound', () => track(registration.installing));
	}
}

export const offline = new Offline();
