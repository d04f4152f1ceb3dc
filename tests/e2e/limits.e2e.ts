// Content with limits (issue 9): a hostile briefing file is refused with errors that name its
// fields and the limits, every problem listed at once (up to a cap), and a long but allowed one
// opens its panels a page at a time.
import { expect, test, type Page } from './fixtures';
import { axeViolations, watch } from './helpers';

type Served = {
	article: { paragraphs: string[] };
	countries: { iso3: string; roles: unknown[]; related?: string[] }[];
	troopNotes: { provenance: { paragraphs?: unknown } }[];
	scenes: { title: unknown; camera: unknown }[];
};

/** Serves the embedded briefing changed by `edit` in place of the real one. */
async function serveBriefing(page: Page, edit: (b: Served) => void) {
	await page.route('**/briefings/feb-2022.json', async (route) => {
		const res = await route.fetch();
		const body = (await res.json()) as Served;
		edit(body);
		await route.fulfill({ response: res, json: body });
	});
}

const errorList = (page: Page) => page.getByRole('alert').getByRole('listitem');

test('every problem of a broken file is listed at once, shape and references alike', async ({
	page
}) => {
	await serveBriefing(page, (b) => {
		b.scenes[2]!.title = 5;
		b.countries[2]!.roles[0] = { role: 'mediater', reason: 'A typo in the role.' };
		b.troopNotes[0]!.provenance.paragraphs = [40];
		b.scenes[0]!.camera = { fit: ['QQQ'] };
	});
	// When the errors were first on the page, to compare with when the map started.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!document.querySelector('[role="alert"] li')) return;
			performance.mark('errors-shown');
			observer.disconnect();
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto('./');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('could not be loaded');
	// The errors come first: the basemap (nothing of the briefing to draw) starts after them, so
	// its start (a long task) does not hold them back.
	await expect
		.poll(() => page.evaluate(() => performance.getEntriesByName('map-create').length))
		.toBe(1);
	const [shown, created] = await page.evaluate(() =>
		['errors-shown', 'map-create'].map((n) => performance.getEntriesByName(n)[0]!.startTime)
	);
	expect(shown).toBeLessThan(created!);
	await expect(errorList(page)).toHaveText([
		'scenes[0].camera.fit[0]: "QQQ" is not a country of the basemap (its codes are in geodata/names.json)',
		'scenes[2].title: Invalid input: expected string, received number',
		/^countries\[2\]\.roles\[0\]\.role: unknown role "mediater"/,
		'troopNotes[0].provenance.paragraphs[0]: paragraph 40 is outside 1..12 (the article has 12)'
	]);
});

test('an unknown country code is an error naming it, not a button or a legend entry', async ({
	page
}) => {
	await serveBriefing(page, (b) => {
		b.countries.push({ iso3: 'XYZ', roles: [{ role: 'context', reason: 'Made up.' }] });
	});
	await page.goto('./');
	await expect(errorList(page)).toHaveText([
		'countries[9].iso3: "XYZ" is not a country of the basemap (its codes are in geodata/names.json)'
	]);
	await expect(page.getByRole('button', { name: 'XYZ' })).toHaveCount(0);
	await expect(page.getByText('XYZ', { exact: true })).toHaveCount(0);
});

test('a list of many errors is capped, and says how many more there are', async ({ page }) => {
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	await serveBriefing(page, (b) => {
		for (let i = 0; i < 91; i++) {
			b.countries.push({ iso3: `X${letters[i >> 4]}${letters[i % 26]}`, roles: [] });
		}
	});
	await page.goto('./');
	const items = errorList(page);
	await expect(items).toHaveCount(21);
	await expect(items.first()).toHaveText(/^countries\[9\]\.iso3: "XAA" is not a country/);
	await expect(items.last()).toHaveText('… and 71 more problems');
});

test('a 10 MB paragraph is refused at once, naming the paragraph and the limit', async ({
	page
}) => {
	const seen = watch(page, 'http://127.0.0.1');
	await serveBriefing(page, (b) => {
		b.article.paragraphs[3] = 'Russia '.repeat(1_500_000);
	});
	await page.goto('./');
	await expect(errorList(page).first()).toHaveText(
		'article.paragraphs[3]: too long: 10,500,000 characters, the limit is 5,000 (paragraphChars)',
		{ timeout: 20_000 }
	);
	expect(seen.errors).toEqual([]);
});

test('a long article opens its panel a page at a time; "Show more" moves focus to the first new passage', async ({
	page
}) => {
	// The most the limits allow: 200 paragraphs of about 1,000 characters, each naming Russia 142
	// times, and one with markup in it, which must show as text.
	const paragraph = Array.from({ length: 142 }, () => 'Russia').join(' ') + '.';
	await serveBriefing(page, (b) => {
		b.article.paragraphs = Array.from({ length: 200 }, () => paragraph);
		b.article.paragraphs[1] = '<b>Russia</b> <img src=x onerror="window.__ran=1">';
		// The briefing's references to its own paragraphs stay within 1..200.
	});
	await page.goto('./#country=RUS');
	const panel = page.getByRole('complementary', { name: 'Russia' });
	await expect(panel).toContainText('200 passages concern Russia.');
	const passages = panel.locator('ol.passages > li');
	const first = await passages.count();
	expect(first).toBeGreaterThan(1);
	expect(first).toBeLessThan(20);
	// At most 50 marks a passage, and the reader is told the rest are not highlighted.
	expect(await panel.locator('mark').count()).toBeLessThanOrEqual(first * 50);
	await expect(passages.first()).toContainText(
		'The first 50 mentions of Russia are highlighted; 92 more are not.'
	);
	// Markup in the article is text, never HTML.
	await expect(passages.nth(1)).toContainText('<b>Russia</b> <img src=x');
	await expect(panel.locator('img, b')).toHaveCount(0);
	expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();

	const more = panel.getByRole('button', { name: /^Show \d+ more passages$/ });
	await expect(panel).toContainText(`(${first} of 200 shown)`);
	expect(await axeViolations(page)).toEqual([]);
	await more.focus();
	await page.keyboard.press('Enter');
	await expect(passages).toHaveCount(first * 2);
	// Focus is on the first passage just shown, and reading goes on from there.
	await expect(passages.nth(first)).toBeFocused();
	await expect(passages.nth(first)).toContainText(`Para. ${first + 1}`);

	// Space works too, and every passage can be reached.
	for (let shown = first * 2; shown < 200; shown = await passages.count()) {
		await more.focus();
		await page.keyboard.press('Space');
		await expect(passages.nth(shown)).toBeFocused();
	}
	await expect(passages).toHaveCount(200);
	await expect(more).toHaveCount(0);
	await expect(passages.last()).toContainText('Para. 200');
});

test('a long list of troop notes is shown a page at a time too', async ({ page }) => {
	await serveBriefing(page, (b) => {
		const notes = b.troopNotes as unknown as { id: string; concerns: string[] }[];
		const zone = notes.find((n) => n.id === 'ru-buildup')!;
		for (let i = 1; i <= 40; i++) notes.push({ ...zone, id: `ru-buildup-copy-${i}` });
	});
	await page.goto('./#country=RUS');
	const panel = page.getByRole('complementary', { name: 'Russia' });
	const notes = panel.locator('ul.notes > li');
	await expect(notes).toHaveCount(10);
	const total = await panel.getByText(/^\(10 of \d+ shown\)$/).textContent();
	const count = Number(/of (\d+)/.exec(total!)![1]);
	expect(count).toBeGreaterThan(40);
	await panel.getByRole('button', { name: 'Show 10 more notes' }).click();
	await expect(notes).toHaveCount(20);
	await expect(notes.nth(10)).toBeFocused();
});
