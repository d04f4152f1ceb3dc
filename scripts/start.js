// `npm start`: builds the site when the build is missing or older than its sources, then serves it
// and prints the address. Works with no network: everything the page needs is in build/.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.js';

/** Newest modification time of any file under the given paths. */
function newest(paths) {
	let t = 0;
	for (const p of paths) {
		if (!existsSync(p)) continue;
		const s = statSync(p);
		if (s.isDirectory()) {
			for (const e of readdirSync(p)) t = Math.max(t, newest([join(p, e)]));
		} else t = Math.max(t, s.mtimeMs);
	}
	return t;
}

const stamp = 'build/index.html';
const sources = ['src', 'static', 'geodata', 'svelte.config.js', 'vite.config.ts', 'package.json'];
if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest(sources)) {
	console.log('Building the site (npm run build)...');
	execSync('npm run build', { stdio: 'inherit' });
}

const port = Number(process.env.PORT ?? 4173);
const { url } = await serve({ port });
console.log(`\nThe briefing map is running at ${url}\nPress Ctrl+C to stop.`);
