// Presentation, speaker view and hash under stress: a start cancelled at once, hostile messages
// on the speaker channel, a presentation with no WebGL, and hashes that name what does not exist.
import { expect, test, type Page } from './fixtures';
import { mapIdle, watch, withoutWebgl } from './helpers';

const SCENES = 10;
const CHANNEL = 'briefing-map:feb-2022';
const counter = (page: Page) => page.locator('.counter .count');
const hash = (page: Page) => new URL(page.url()).hash;
/** The hash without the view, which moves with the camera. */
const hashRest = (page: Page) =>
	hash(page)
		.replace(/^#/, '')
		.split('&')
		.filter((p) => p && !p.startsWith('map='))
		.join('&');

/** Posts messages on the speaker channel from `page`, as another window of the origin would. */
async function post(page: Page, ...messages: unknown[]) {
	await page.evaluate(
		([name, list]) => {
			const channel = new BroadcastChannel(name as string);
			for (const m of list as unknown[]) channel.postMessage(m);
			channel.close();
		},
		[CHANNEL, messages] as const
	);
}

test.describe('starting a presentation can be cancelled at once', () => {
	test('P then Escape leaves nothing behind: no fullscreen, no scene, no layers touched', async ({
		page
	}) => {
		const seen = watch(page, 'http://127.0.0.1');
		await page.goto('./');
		await mapIdle(page);
		// The explore view has France switched off; the presentation must give it back as it was.
		await page.getByRole('checkbox', { name: 'France', exact: true }).uncheck();
		await expect(page).toHaveURL(/hide=FRA(&|$)/);
		await page.locator('canvas.maplibregl-canvas').focus();
		await page.keyboard.press('p');
		await page.keyboard.press('Escape');
		// Long enough for a fullscreen request and a scene's flight to have landed.
		await page.waitForTimeout(1500);
		await mapIdle(page);
		await expect(counter(page)).toHaveCount(0);
		expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
		expect(hashRest(page)).toBe('hide=FRA');
		await expect(page.getByRole('checkbox', { name: 'France', exact: true })).not.toBeChecked();
		for (const name of [
			'United Kingdom',
			'United States',
			'Crimea (occupied since 2014)',
			'Line of contact (approx.)',
			'Places in the story'
		]) {
			await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
		}
		// Reloading the address does not reopen a presentation.
		await page.reload();
		await mapIdle(page);
		await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
		await expect(counter(page)).toHaveCount(0);
		expect(seen.errors).toEqual([]);
	});

	test('P, then Escape once the scene has landed, gives back the explore layers too', async ({
		page
	}) => {
		await page.goto('./');
		await mapIdle(page);
		await page.getByRole('checkbox', { name: 'France', exact: true }).uncheck();
		await page.locator('canvas.maplibregl-canvas').focus();
		await page.keyboard.press('p');
		await expect(counter(page)).toHaveText(`1 / ${SCENES}`);
		await mapIdle(page);
		await page.keyboard.press('Escape');
		await expect(counter(page)).toHaveCount(0);
		expect(hashRest(page)).toBe('hide=FRA');
		await expect(page.getByRole('checkbox', { name: 'France', exact: true })).not.toBeChecked();
		await expect(
			page.getByRole('checkbox', { name: 'Places in the story', exact: true })
		).toBeChecked();
	});

	test('Present then Exit at once, by mouse, leaves nothing behind either', async ({ page }) => {
		await page.goto('./');
		await mapIdle(page);
		await page.getByRole('button', { name: 'Present', exact: true }).click();
		await page.getByRole('button', { name: 'Exit presentation' }).click();
		await page.waitForTimeout(1500);
		await mapIdle(page);
		await expect(counter(page)).toHaveCount(0);
		expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
		expect(hashRest(page)).toBe('');
		await expect(
			page.getByRole('checkbox', { name: 'Places in the story', exact: true })
		).toBeChecked();
	});
});

test.describe('the speaker channel takes only well-formed messages', () => {
	test('hostile messages neither blank the speaker view nor throw in either window', async ({
		page,
		context
	}) => {
		const main = watch(page, 'http://127.0.0.1');
		await page.goto('./#scene=2');
		await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
		await mapIdle(page);
		const popup = context.waitForEvent('page');
		await page.keyboard.press('s');
		const speaker = await popup;
		const side = watch(speaker, 'http://127.0.0.1');
		await expect(speaker.getByText(`Scene 2 / ${SCENES}`)).toBeVisible();
		const now = speaker.getByRole('heading', { name: /^Now:/ });

		// Out of range: brought into 1..count, never a blank page.
		await post(page, { type: 'scene', scene: 999, count: SCENES });
		await expect(speaker.getByText(`Scene ${SCENES} / ${SCENES}`)).toBeVisible();
		await expect(now).toBeVisible();
		await post(page, { type: 'scene', scene: -1, count: SCENES });
		await expect(speaker.getByText(`Scene 1 / ${SCENES}`)).toBeVisible();
		await expect(now).toBeVisible();
		// Not a scene number at all: dropped, the view stays where it was.
		await post(
			page,
			{ type: 'scene', scene: Number.NaN },
			{ type: 'scene', scene: 2.5 },
			{ type: 'scene', scene: '3' },
			{ type: 'scene', scene: Number.POSITIVE_INFINITY },
			null,
			undefined,
			42,
			'scene',
			[],
			{},
			{ type: null },
			{ type: 'goto' },
			{ type: 'goto', scene: Number.NaN },
			{ type: 'start', scene: null },
			{ type: 'exit', extra: 'x'.repeat(1000) },
			{ type: { toString: null } }
		);
		// A valid message after them all is still heard, by both windows.
		await post(page, { type: 'scene', scene: 4, count: SCENES });
		await expect(speaker.getByText(`Scene 4 / ${SCENES}`)).toBeVisible();
		await expect(now).toBeVisible();
		// The main window heard the same garbage (and the exit): it is still presenting scene 2,
		// and a well-formed but out-of-range goto lands on the last scene.
		await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
		await post(speaker, { type: 'goto', scene: 999 });
		await expect(counter(page)).toHaveText(`${SCENES} / ${SCENES}`);
		await expect(page).toHaveURL(new RegExp(`scene=${SCENES}(&|$)`));
		await post(speaker, { type: 'goto', scene: -5 });
		await expect(counter(page)).toHaveText(`1 / ${SCENES}`);
		await expect(speaker.getByText(`Scene 1 / ${SCENES}`)).toBeVisible();
		expect(main.errors).toEqual([]);
		expect(side.errors).toEqual([]);
	});

	test('with no main window, the speaker view says so and previews the scene asked for', async ({
		page
	}) => {
		const seen = watch(page, 'http://127.0.0.1');
		await page.goto('./speaker#scene=3');
		await expect(page.getByRole('status')).toContainText('No main window');
		await expect(page.getByRole('heading', { name: /^Now:/ })).toContainText(
			'About 100,000 Russian troops near Ukraine'
		);
		// Stepping previews.
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByText(`scene 4 / ${SCENES}`)).toBeVisible();
		expect(seen.errors).toEqual([]);
	});

	test('a scene out of range in the speaker link is said, and the last scene shown', async ({
		page
	}) => {
		for (const asked of ['999', '0', '-3', 'abc']) {
			await page.goto('about:blank');
			await page.goto(`./speaker#scene=${asked}`);
			await expect(page.getByRole('heading', { name: /^Now:/ })).toBeVisible();
			if (asked === '999') {
				await expect(page.getByText(`There is no scene 999`)).toBeVisible();
				await expect(page.getByText(`scene ${SCENES} / ${SCENES}`)).toBeVisible();
			} else {
				await expect(page.getByText(`scene 1 / ${SCENES}`)).toBeVisible();
			}
		}
	});

	test('a briefing with no scenes gives a speaker view that says so', async ({ page }) => {
		await page.route('**/briefings/feb-2022.json', async (route) => {
			const res = await route.fetch();
			const body = await res.json();
			body.scenes = [];
			await route.fulfill({ response: res, json: body });
		});
		await page.goto('./speaker#scene=2');
		await expect(page.getByRole('heading', { name: 'Speaker view' })).toBeVisible();
		await expect(page.getByText('This briefing has no scenes to present')).toBeVisible();
	});
});

test('presenting with no WebGL says how the scenes still work, not to pick from a hidden list', async ({
	page
}) => {
	await withoutWebgl(page);
	await page.goto('./');
	await expect(page.getByText(/cannot draw the map/)).toContainText('pick a country');
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(counter(page)).toHaveText(`1 / ${SCENES}`);
	const message = page.getByText(/cannot draw the map/);
	await expect(message).toBeVisible();
	await expect(message).not.toContainText('pick a country');
	await expect(message).toContainText('captions');
	await expect(message).toContainText('Escape');
	// The message is not under the toolbar: its text can be read.
	const box = (await message.boundingBox())!;
	const bar = (await page.getByRole('toolbar', { name: 'Presentation controls' }).boundingBox())!;
	expect(box.y >= bar.y + bar.height || box.y + box.height <= bar.y).toBe(true);
	await page.keyboard.press('ArrowRight');
	await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
	await page.keyboard.press('Escape');
	await expect(counter(page)).toHaveCount(0);
	await expect(page.getByText(/cannot draw the map/)).toContainText('pick a country');
});

test.describe('the hash keeps only what exists', () => {
	test('unknown country, mark, layers and scene are dropped from a shared link', async ({
		page
	}) => {
		const junk = Array.from({ length: 1000 }, (_, i) => `junk${i}`).join(',');
		// At most 256 hidden layers are read (more than there are countries and overlays): FRA
		// comes first, so it is among them.
		await page.goto(`./#country=XYZ&mark=places/nonexistent&hide=FRA,${junk}&foo=bar`);
		await mapIdle(page);
		await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
		await expect.poll(() => hashRest(page)).toBe('hide=FRA');
		const entries = await page.evaluate(() => history.length);
		// Moving the map writes the view, and nothing unknown comes back.
		await page.getByRole('button', { name: 'Mali', exact: true }).click();
		await expect(page.locator('#panel-heading')).toHaveText('Mali');
		await mapIdle(page);
		expect(hashRest(page)).toBe('country=MLI&hide=FRA');
		expect(hash(page).length).toBeLessThan(100);
		expect(await page.evaluate(() => history.length)).toBe(entries + 1);
	});

	test('a known mark and scene from a link stay; a scene past the end is the last one', async ({
		page
	}) => {
		await page.goto('./#mark=troops-reported/mli-wagner-bamako&hide=route');
		await expect(page.getByRole('complementary', { name: 'Bamako airport' })).toBeVisible();
		await mapIdle(page);
		expect(hashRest(page)).toBe('mark=troops-reported/mli-wagner-bamako&hide=route');

		await page.goto('about:blank');
		await page.goto('./#scene=999');
		await expect(counter(page)).toHaveText(`${SCENES} / ${SCENES}`);
		await expect.poll(() => hashRest(page)).toBe(`scene=${SCENES}`);
	});

	test('what is typed after load is normalised too, with no history entry of its own', async ({
		page
	}) => {
		await page.goto('./');
		await mapIdle(page);
		const start = await page.evaluate(() => history.length);
		const type = (h: string) => page.evaluate((h) => (location.hash = h), h);

		await type('#country=XYZ&hide=nope,GBR');
		await expect.poll(() => hashRest(page)).toBe('hide=GBR');
		await expect(
			page.getByRole('checkbox', { name: 'United Kingdom', exact: true })
		).not.toBeChecked();
		await expect(page.locator('#panel-heading')).toHaveCount(0);

		await type('#mark=places/nonexistent');
		await expect.poll(() => hashRest(page)).toBe('');
		await expect(page.getByRole('checkbox', { name: 'United Kingdom', exact: true })).toBeChecked();

		await type('#scene=999');
		await expect(counter(page)).toHaveText(`${SCENES} / ${SCENES}`);
		await expect.poll(() => hashRest(page)).toBe(`scene=${SCENES}`);
		await mapIdle(page);
		await type('#scene=998');
		await mapIdle(page);
		await expect(counter(page)).toHaveText(`${SCENES} / ${SCENES}`);
		await expect.poll(() => hashRest(page)).toBe(`scene=${SCENES}`);

		// One entry per typed address, none for the normalising.
		expect(await page.evaluate(() => history.length)).toBe(start + 4);
	});
});
