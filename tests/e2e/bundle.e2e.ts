/**
 * The app's code is the same for every briefing: no embedded briefing's id, names or words are
 * compiled into build/_app (the stories come as data: /briefings/<id>.json, the gazetteer's
 * tables, the default briefing named by the page's HTML). Read from the build the suite serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]
	);
}

/** What would give a story away: each embedded briefing's id and its own terms. */
function storyWords(): string[] {
	const words = new Set(['Kyiv', 'Macron', 'Yelnya']);
	for (const id of readdirSync('src/content', { withFileTypes: true })) {
		if (!id.isDirectory()) continue;
		words.add(id.name);
		const doc = JSON.parse(readFileSync(join('src/content', id.name, 'briefing.json'), 'utf8'));
		for (const c of doc.countries) for (const term of c.terms?.add ?? []) words.add(term);
	}
	return [...words];
}

test('the built code names no story: no briefing id, place or person of the embedded ones', () => {
	const words = storyWords();
	expect(words).toEqual(expect.arrayContaining(['feb-2022', 'Kyiv', 'Macron', 'Kremlin']));
	const code = filesUnder('build/_app').filter((f) => /\.(m?js|css)$/.test(f));
	expect(code.length).toBeGreaterThan(5);
	const found = code.flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		return words.filter((w) => text.includes(w)).map((w) => `${w} in ${file}`);
	});
	expect(found).toEqual([]);
});

/**
 * The code a page loads: the modules its HTML names (its route's nodes, preloaded), then every
 * module they import, statically or lazily, but not the router's table of every route (entry/app).
 */
function codeOfPage(page: string): string[] {
	const html = readFileSync(join('build', page), 'utf8');
	const seen = new Set<string>();
	const queue = [...html.matchAll(/_app\/immutable\/(?:nodes|chunks)\/[\w.-]+\.js/g)].map((m) =>
		join('build', m[0])
	);
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/["'](\.\.?\/[\w./-]+\.js)["']/g)) {
			queue.push(join(file, '..', m[1]!));
		}
	}
	return [...seen];
}

test('the map page loads none of the editor’s code: the editor is a route of its own', () => {
	// Words only the editor's code holds, and the editor page holds them (so the check can fail).
	const editorWords = ['Countries found', 'Open article file', 'Find countries'];
	const editorCode = codeOfPage('editor.html').map((f) => readFileSync(f, 'utf8'));
	for (const w of editorWords)
		expect(
			editorCode.some((t) => t.includes(w)),
			w
		).toBe(true);
	const mapFiles = codeOfPage('index.html');
	expect(mapFiles.some((f) => f.includes('/nodes/'))).toBe(true);
	const found = mapFiles.flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		return editorWords.filter((w) => text.includes(w)).map((w) => `${w} in ${file}`);
	});
	expect(found).toEqual([]);
});
