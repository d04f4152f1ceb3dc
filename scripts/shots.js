// `npm run shots`: screenshots of the built site for people to look at, the way a briefer would
// see it: the explore view and every scene of the presentation at projector, desktop and phone
// sizes. Writes PNGs to shots/<width>x<height>/ and prints where. Builds first unless
// SHOTS_NO_BUILD is set; SHOTS_SIZES=1024x768,1920x1080 picks the sizes.
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { serve } from './serve.js';

const SIZES = (
	process.env.SHOTS_SIZES ?? '1024x768,1280x720,1366x768,1920x1080,3840x2160,820x1180,390x844'
)
	.split(',')
	.map((s) => s.split('x').map(Number))
	.filter(([w, h]) => w > 0 && h > 0);
const OUT = process.env.SHOTS_DIR ?? 'shots';

if (!process.env.SHOTS_NO_BUILD) execSync('npm run build', { stdio: 'inherit' });

const { server, url } = await serve({ root: 'build', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Waits until the map region says it has settled (aria-busy="false", from MapLibre's idle). */
async function idle(page) {
	await page.waitForFunction(
		() =>
			document.querySelector('[role="region"][aria-label="Map"]')?.getAttribute('aria-busy') ===
			'false',
		null,
		{ timeout: 30_000 }
	);
}

rmSync(OUT, { recursive: true, force: true });
let count = 0;
try {
	for (const [width, height] of SIZES) {
		const dir = `${OUT}/${width}x${height}`;
		mkdirSync(dir, { recursive: true });
		const context = await browser.newContext({ viewport: { width, height } });
		const page = await context.newPage();
		await page.goto(url);
		await idle(page);
		await page.screenshot({ path: `${dir}/explore.png` });
		count++;
		const scenes = await page.evaluate(async () => {
			const r = await fetch(
				document.querySelector('link[rel="preload"][as="fetch"]')?.getAttribute('href') ?? ''
			);
			return r.ok ? ((await r.json()).scenes?.length ?? 0) : 0;
		});
		// The way a briefer presents: Present, then Next through every scene.
		if (scenes) {
			// On a phone the sidebar, and Present in it, is behind the Menu button.
			const present = page.getByRole('button', { name: 'Present', exact: true });
			if (!(await present.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
			await present.click();
			for (let n = 1; n <= scenes; n++) {
				if (n > 1) await page.keyboard.press('ArrowRight');
				await page.locator('.counter .count', { hasText: `${n} / ${scenes}` }).waitFor();
				await idle(page);
				await page.screenshot({ path: `${dir}/scene-${String(n).padStart(2, '0')}.png` });
				count++;
			}
		}
		await context.close();
	}
} finally {
	await browser.close();
	server.close();
}
console.log(`${count} screenshots in ${OUT}/`);
