import type { Handle } from '@sveltejs/kit';
import { defaultBriefing, servedBriefing, servedIntegrity } from '$lib/content/briefings';
import { DEFAULT_BRIEFING_INTEGRITY_META, DEFAULT_BRIEFING_META } from '$lib/content/ids';
import gazetteerEn from '../geodata/gazetteer.json?url';

// Runs when the pages are prerendered. The pages name the default briefing (the app reads it from
// there, so no briefing id is compiled into its code), and each page fetches the briefing as soon
// as its script starts: the preload hint lets the browser fetch it while the scripts are still
// arriving. Relative, like every path of the build, so the site works from any folder.
const DEFAULT_ID = defaultBriefing();
/** An asset's address from the site's root (`/_app/…`, as the build gives it), relative to a page. */
const relative = (url: string) => (url.startsWith('/') ? `.${url}` : url);
const META = `<meta name="${DEFAULT_BRIEFING_META}" content="${DEFAULT_ID}">`;
// The digest of the default briefing's file: a page that fetches the very bytes validated here
// need not load the validator and check them again (src/lib/content/load.ts).
const INTEGRITY = servedIntegrity(DEFAULT_ID);
const INTEGRITY_META = `<meta name="${DEFAULT_BRIEFING_INTEGRITY_META}" content="${INTEGRITY}">`;
// The start-up script (static/boot.js) is deferred: it runs once the page is parsed, and the
// browser evaluates the app's modules only after it. Named last in the page's head, it came
// behind a dozen scripts over six connections, and the app's code started some 60 ms after it
// had arrived (npm run bench).
const BOOT = `<link rel="preload" href="./boot.js" as="script">`;
const BRIEFING = `<link rel="preload" href="./briefings/${DEFAULT_ID}.json" as="fetch" crossorigin="anonymous" integrity="${INTEGRITY}">`;
// The English names (src/lib/content/gazetteer.ts), which reading a briefing waits for.
const NAMES = `<link rel="preload" href="${relative(gazetteerEn)}" as="fetch" crossorigin="anonymous">`;

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * Fills in what each page shows before its scripts have run (src/app.html, #boot, the `%boot.*%`
 * parts): the briefing's title, as built, and what is loading. The app shows the same title
 * until the briefing file has loaded (a briefing file swapped in build/ without a rebuild shows
 * its own title from then on). Every value is escaped: a title is text, never markup.
 */
export function fillBootPage(html: string, path: string, title: string): string {
	if (path.replace(/\/$/, '').endsWith('/library')) return fillText(html, LIBRARY_BOOT);
	if (path.replace(/\/$/, '').endsWith('/editor')) return fillText(html, EDITOR_BOOT);
	const speaker = path.replace(/\/$/, '').endsWith('/speaker');
	const text: Record<string, string> = speaker
		? {
				'document-title': `Speaker view · ${title}`,
				layout: 'plain',
				title: 'Speaker view',
				loading: 'Loading the speaker view…'
			}
		: {
				'document-title': `${title} · Briefing map`,
				layout: 'map',
				title,
				loading: 'Loading the map…'
			};
	return fillText(html, text);
}

/** The library's start-up page: it names no briefing. */
const LIBRARY_BOOT: Record<string, string> = {
	'document-title': 'Briefings · Briefing map',
	layout: 'plain',
	title: 'Briefings',
	loading: 'Loading the list of briefings…'
};

/** The editor's start-up page: a new briefing, not the default one. */
const EDITOR_BOOT: Record<string, string> = {
	'document-title': 'New briefing · Editor · Briefing map',
	layout: 'plain',
	title: 'New briefing',
	loading: 'Loading the editor…'
};

/**
 * What each page fetches early: every page its start-up script, the map and speaker pages the
 * briefing and the English names, the editor the names only.
 */
function headOf(path: string): string[] {
	if (path.endsWith('/library')) return [META, BOOT];
	if (path.replace(/\/$/, '').endsWith('/editor')) return [META, BOOT, NAMES];
	return [META, INTEGRITY_META, BOOT, BRIEFING, NAMES];
}

const fillText = (html: string, text: Record<string, string>) =>
	html.replace(/%boot\.([\w-]+)%/g, (_, key: string) => escapeHtml(text[key] ?? ''));

/**
 * Where the early fetches go: first thing after the page's Content Security Policy (which must
 * come before anything it governs), ahead of the page's scripts. Over HTTP/1.1 a browser opens six
 * connections to a server, and the map page asks for some 25 scripts: behind them, the briefing
 * (which the map waits for) came some 80 ms later.
 */
function withHead(html: string, head: string[]): string {
	const policy = /<meta http-equiv="content-security-policy"[^>]*>/.exec(html);
	const links = head.map((l) => `\n\t\t${l}`).join('');
	if (!policy) return html.replace('</head>', `${links}\n\t</head>`);
	const at = policy.index + policy[0].length;
	return html.slice(0, at) + links + html.slice(at);
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			withHead(
				fillBootPage(html, event.url.pathname, servedBriefing(DEFAULT_ID).title),
				// The library and the editor open no briefing: the briefing is not fetched early there
				// (the editor fetches the names it finds countries with), but their links to the
				// default briefing's pages are its plain addresses.
				headOf(event.url.pathname)
			)
	});
