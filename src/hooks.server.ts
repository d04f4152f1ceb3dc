import type { Handle } from '@sveltejs/kit';
import { DEFAULT_BRIEFING_ID } from '$lib/content/ids';

// Runs when the pages are prerendered. Each page fetches the briefing as soon as its script starts;
// this hint lets the browser fetch it while the scripts are still arriving. Relative, like every
// path of the build, so the site works from any folder.
const PRELOAD = `<link rel="preload" href="./briefings/${DEFAULT_BRIEFING_ID}.json" as="fetch" crossorigin="anonymous">`;

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `\t${PRELOAD}\n\t</head>`)
	});
