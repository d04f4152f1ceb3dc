// Run after `vite build` (npm run build): gives each page a modulepreload link for every module
// its scripts import statically, so that the browser asks for all of them at once.
//
// SvelteKit lists a page's modules by walking Vite's manifest, and a chunk it first reaches
// through a dynamic import (code loaded later, e.g. the editor's) is marked as seen and left out,
// even when the page's own code imports it statically too. The browser then finds that chunk
// only once its importer has arrived and been parsed, and no script of the page runs until it
// has come: on the map page, the map's colours and the basemap's file list were asked for only
// after MapLibre's 288 KB had arrived (a round trip more on a real network; on this machine's
// local server the difference was within the noise).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';

const PRELOAD = /<link href="([^"]+)" rel="modulepreload">/g;

/**
 * Every module that `entries` import statically, transitively, entries included (paths as given,
 * resolved against their importer). `read(path)` gives a module's source.
 * @param {string[]} entries
 * @param {(path: string) => string} read
 * @returns {string[]}
 */
export function staticClosure(entries, read) {
	const seen = new Set();
	const visit = (path) => {
		if (seen.has(path)) return;
		seen.add(path);
		const [imports] = parse(read(path), path);
		for (const i of imports) {
			// d: -1 is a static import or re-export; -2 is import.meta; >= 0 a dynamic import().
			if (i.d !== -1 || i.n === undefined || !i.n.startsWith('.')) continue;
			visit(join(dirname(path), i.n).replaceAll('\\', '/'));
		}
	};
	entries.forEach(visit);
	return [...seen];
}

/**
 * The page `html` (at `page`, a path relative to the site's `root` folder) with a modulepreload
 * link added, after its last one, for each module its preloaded modules import statically and it
 * does not list. The links keep the page's form: relative to the page.
 * @param {string} html
 * @param {string} page
 * @param {(path: string) => string} read a module's source, by path from the site's root
 * @returns {{ html: string, added: string[] }}
 */
export function completePreloads(html, page, read) {
	const base = dirname(page);
	const listed = [...html.matchAll(PRELOAD)].map((m) => join(base, m[1]).replaceAll('\\', '/'));
	if (listed.length === 0) return { html, added: [] };
	const have = new Set(listed);
	const added = staticClosure(listed, read).filter((p) => !have.has(p));
	if (added.length === 0) return { html, added };
	const links = added.map((p) => {
		const href = relative(base, p).replaceAll('\\', '/');
		return `<link href="${href.startsWith('.') ? href : `./${href}`}" rel="modulepreload">`;
	});
	const last = [...html.matchAll(PRELOAD)].at(-1);
	const at = last.index + last[0].length;
	return { html: `${html.slice(0, at)}\n\t\t${links.join('\n\t\t')}${html.slice(at)}`, added };
}

/** Completes the preloads of every page of the built site in `root`. */
export async function completeSite(root) {
	await init;
	const read = (path) => readFileSync(join(root, path), 'utf8');
	for (const name of readdirSync(root, { recursive: true })) {
		const page = String(name).replaceAll('\\', '/');
		if (!page.endsWith('.html')) continue;
		const { html, added } = completePreloads(read(page), page, read);
		if (added.length === 0) continue;
		writeFileSync(join(root, page), html);
		console.log(`modulepreload: ${page}: ${added.length} more (${added.join(', ')})`);
	}
}

if (resolve(fileURLToPath(import.meta.url)) === resolve(process.argv[1] ?? '')) {
	await completeSite(process.argv[2] ?? 'build');
}
