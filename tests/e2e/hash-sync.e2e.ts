// The address bar as a control: a person edits the hash by hand, or steps Back and Forward, and
// the page shows what the hash now holds: the open country or mark, the scene being presented.
import { expect, test, type Page } from './fixtures';
import { mapIdle } from './helpers';

const SCENES = 10;
const counter = (page: Page) => page.locator('.counter .count');
const heading = (page: Page) => page.locator('#panel-heading');
const markPanel = (page: Page, name: string) => page.getByRole('complementary', { name });
/** Types a hash into the address bar, as a person would (one history entry). */
const type = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);
const hashRest = (page: Page) =>
	new URL(page.url()).hash
		.replace(/^#/, '')
		.split('&')
		.filter((p) => p && !p.startsWith('map='))
		.join('&');

test('editing the address to a mark opens its note, and Back returns to the country', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	await page.getByRole('button', { name: 'Mali', exact: true }).click();
	await expect(heading(page)).toHaveText('Mali');
	// The address follows the panel in the next task (HashSync.selectionSoon).
	await expect(page).toHaveURL(/country=MLI/);

	await type(page, '#mark=troops-reported/mli-wagner-bamako');
	await expect(markPanel(page, 'Bamako airport')).toBeVisible();
	await expect(heading(page)).toHaveCount(0);
	await expect.poll(() => hashRest(page)).toBe('mark=troops-reported/mli-wagner-bamako');

	await page.goBack();
	await expect(heading(page)).toHaveText('Mali');
	await expect(markPanel(page, 'Bamako airport')).toHaveCount(0);
	await page.goForward();
	await expect(markPanel(page, 'Bamako airport')).toBeVisible();

	// A mark typed while presenting leaves the presentation and opens the note.
	await type(page, '#scene=2');
	await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
	await type(page, '#mark=troops-reported/mli-wagner-bamako');
	await expect(counter(page)).toHaveCount(0);
	await expect(markPanel(page, 'Bamako airport')).toBeVisible();
});

test('editing the scene in the address while presenting goes to that scene', async ({ page }) => {
	await page.goto('./#scene=2');
	await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
	await mapIdle(page);
	const title = page.locator('.caption h2');
	const second = await title.textContent();

	await type(page, '#scene=5');
	await expect(counter(page)).toHaveText(`5 / ${SCENES}`);
	await expect(title).not.toHaveText(second!);
	await mapIdle(page);
	await expect.poll(() => hashRest(page)).toBe('scene=5');

	await page.goBack();
	await expect(counter(page)).toHaveText(`2 / ${SCENES}`);
	await expect(title).toHaveText(second!);
	await page.goForward();
	await expect(counter(page)).toHaveText(`5 / ${SCENES}`);
});

test('the speaker view follows the scene in its address: edited, and Back and Forward', async ({
	page
}) => {
	await page.goto('./speaker?briefing=feb-2022#scene=2');
	const now = page.getByRole('heading', { name: /^Now:/ });
	// No main window in this browser: it previews.
	await expect(page.getByText(`Preview · scene 2 / ${SCENES}`)).toBeVisible();
	const second = await now.textContent();

	await type(page, '#scene=5');
	await expect(page.getByText(`Preview · scene 5 / ${SCENES}`)).toBeVisible();
	await expect(now).not.toHaveText(second!);

	// Past the end: the last scene, and the page says so.
	await type(page, '#scene=99');
	await expect(page.getByText(`Preview · scene ${SCENES} / ${SCENES}`)).toBeVisible();
	await expect(
		page.getByText(`There is no scene 99 in this briefing: it has ${SCENES}.`)
	).toBeVisible();

	await page.goBack();
	await expect(page.getByText(`Preview · scene 5 / ${SCENES}`)).toBeVisible();
	await page.goBack();
	await expect(page.getByText(`Preview · scene 2 / ${SCENES}`)).toBeVisible();
	await expect(now).toHaveText(second!);

	// Stepping here keeps the address in step, so a reload comes back to the same scene.
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText(`Preview · scene 3 / ${SCENES}`)).toBeVisible();
	await expect.poll(() => hashRest(page)).toBe('scene=3');
	await page.reload();
	await expect(page.getByText(`Preview · scene 3 / ${SCENES}`)).toBeVisible();
});
