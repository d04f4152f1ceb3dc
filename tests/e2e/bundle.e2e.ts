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
