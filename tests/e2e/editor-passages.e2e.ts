import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

/**
 * Authoring a country's passages in the editor, as a person would: an article pasted, its
 * countries found, then in "Passages" a false paragraph removed, a missed one added, and a story
 * term (a leader's surname used alone) that then names the country in every paragraph. Kept over
 * a reload; undone and redone. A problem with a story term, at export, leads to its box.
 */

// An article of our own, not the embedded briefing's story: paragraph 2 speaks of Pakistan by its
// prime minister's surname only, paragraph 3 names Georgia, the American state, and paragraph 4
// concerns Pakistan without naming it.
const ARTICLE = [
	'Floods in Pakistan have displaced millions of people since June, officials in Islamabad said on Monday, as monsoon rains kept falling on the southern plains.',
	'Sharif toured the flooded districts by helicopter and appealed for foreign help, saying the damage would run to billions of dollars.',
	'A charity based in Georgia, in the United States, flew tents and water filters to the worst-hit villages.',
	'The provincial government of Sindh opened relief camps along the Indus, and engineers cut a dyke to drain the largest lake that formed.'
].join('\n\n');

async function openEditor(page: Page) {
	await page.goto('./library');
	await page.getByRole('link', { name: 'New briefing' }).click();
	await expect(page).toHaveURL(/\/editor$/);
	await mapIdle(page);
}

/** The editor with the article pasted and its countries found. */
async function openEditorWithArticle(page: Page) {
	await openEditor(page);
	await page.getByRole('textbox', { name: 'Title' }).fill('Floods in Pakistan');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
}

const section = (page: Page) => page.getByRole('region', { name: 'Passages' });
const disclosure = (page: Page, name: string) =>
	section(page).getByRole('button', { name: new RegExp(`^Passages of ${name} \\(`) });
const passages = (page: Page, name: string) =>
	section(page)
		.getByRole('list', { name: `Passages of ${name}` })
		.getByRole('listitem');

test('Passages: remove a false paragraph, add a missed one, add a story term; kept, undone, redone', async ({
	page
}) => {
	await openEditorWithArticle(page);
	await expect(page.getByRole('status').filter({ hasText: 'Found' })).toHaveText(
		/Found 3 countries/
	);

	// Every country of the briefing has its passages, closed until asked for.
	await expect(disclosure(page, 'Pakistan')).toHaveText(/Passages of Pakistan \(1 passage\)/);
	await expect(disclosure(page, 'Georgia')).toHaveAttribute('aria-expanded', 'false');

	// Georgia: paragraph 3 is about the American state. Removed, it leaves Georgia's passages
	// only; focus goes to the box that adds one back, the list being empty.
	await disclosure(page, 'Georgia').click();
	await expect(disclosure(page, 'Georgia')).toHaveAttribute('aria-expanded', 'true');
	await expect(passages(page, 'Georgia')).toHaveCount(1);
	await expect(passages(page, 'Georgia').first()).toContainText('¶ 3');
	await expect(passages(page, 'Georgia').first().locator('mark')).toHaveText('Georgia');
	await section(page).getByRole('button', { name: 'Remove paragraph 3 from Georgia' }).click();
	await expect(disclosure(page, 'Georgia')).toHaveText(/\(0 passages\)/);
	await expect(section(page).getByText('No paragraph concerns Georgia yet.')).toBeVisible();
	await expect(page.getByRole('spinbutton', { name: 'Paragraph to add to Georgia' })).toBeFocused();
	await expect(disclosure(page, 'United States')).toHaveText(/\(1 passage\)/);

	// Pakistan: paragraph 4 (Sindh, the Indus) concerns it without naming it.
	await disclosure(page, 'Pakistan').click();
	await expect(passages(page, 'Pakistan')).toHaveCount(1);
	const paragraph = page.getByRole('spinbutton', { name: 'Paragraph to add to Pakistan' });
	await paragraph.fill('9');
	await page.getByRole('button', { name: 'Add a paragraph to Pakistan' }).click();
	await expect(section(page).getByRole('status').filter({ hasText: 'from 1 to 4' })).toBeVisible();
	await paragraph.fill('4');
	await page.getByRole('button', { name: 'Add a paragraph to Pakistan' }).click();
	await expect(passages(page, 'Pakistan')).toHaveCount(2);
	await expect(passages(page, 'Pakistan').nth(1)).toContainText('Sindh');
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(2 passages\)/);

	// A story term: the prime minister's surname, used alone in paragraph 2. It then names
	// Pakistan there, marked, and the list of countries found counts it too.
	const term = page.getByRole('textbox', { name: 'Story term for Pakistan' });
	await term.fill('Islamabad');
	await page.getByRole('button', { name: 'Add term for Pakistan' }).click();
	await expect(section(page).getByRole('status').filter({ hasText: 'already names' })).toHaveText(
		'“Islamabad” already names Pakistan: it counts without being added.'
	);
	await expect(term).toHaveAttribute('aria-invalid', 'true');
	await term.fill(' Sharif ');
	await term.press('Enter');
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(3 passages\)/);
	await expect(passages(page, 'Pakistan').nth(1)).toContainText('¶ 2');
	await expect(passages(page, 'Pakistan').nth(1).locator('mark')).toHaveText('Sharif');
	await expect(term).toHaveValue('');
	await expect(
		section(page)
			.getByRole('listitem')
			.filter({ hasText: /^Sharif/ })
	).toBeVisible();
	const found = page
		.getByRole('region', { name: 'Countries found' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: 'Pakistan', exact: true }) });
	await expect(found).toContainText('2 passages');

	expect(await axeViolations(page)).toEqual([]);

	// Undo takes the term back, redo puts it again.
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	await expect(undo).toHaveAttribute('title', 'Undo: Story term “Sharif” for Pakistan');
	await undo.click();
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(2 passages\)/);
	await expect(
		section(page)
			.getByRole('listitem')
			.filter({ hasText: /^Sharif/ })
	).toHaveCount(0);
	await undo.click();
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(1 passage\)/);
	await page.getByRole('button', { name: 'Redo', exact: true }).click();
	await page.getByRole('button', { name: 'Redo', exact: true }).click();
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(3 passages\)/);

	// Kept over a reload.
	const status = page.getByRole('status').filter({ hasText: /saved|Saving/i });
	await expect(status).toHaveText('Saved');
	await page.reload();
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(3 passages\)/);
	await expect(disclosure(page, 'Georgia')).toHaveText(/\(0 passages\)/);
	await disclosure(page, 'Pakistan').click();
	await expect(passages(page, 'Pakistan')).toHaveText([/¶ 1/, /¶ 2/, /¶ 4/]);
	await expect(
		section(page).getByRole('button', { name: 'Remove story term Sharif from Pakistan' })
	).toBeVisible();

	// Removing a passage keeps the focus on the list: on the next paragraph's Remove button.
	await section(page).getByRole('button', { name: 'Remove paragraph 2 from Pakistan' }).click();
	await expect(
		section(page).getByRole('button', { name: 'Remove paragraph 4 from Pakistan' })
	).toBeFocused();
	await expect(passages(page, 'Pakistan')).toHaveText([/¶ 1/, /¶ 4/]);
	await undo.click();
	await expect(passages(page, 'Pakistan')).toHaveText([/¶ 1/, /¶ 2/, /¶ 4/]);
});

test('A problem with a story term, at export, opens the country’s passages at the box for terms', async ({
	page
}) => {
	await openEditorWithArticle(page);
	// The reasons given: the rules across fields read an entry that is whole.
	for (const name of ['Pakistan', 'Georgia', 'United States'])
		await page.getByRole('textbox', { name: `Reason for ${name}` }).fill('In the story.');
	await disclosure(page, 'Georgia').click();
	// A French word, fine as a term of an English article…
	await page.getByRole('textbox', { name: 'Story term for Georgia' }).fill('Géorgien');
	await page.getByRole('button', { name: 'Add term for Georgia' }).click();
	await expect(
		section(page).getByRole('button', { name: 'Remove story term Géorgien from Georgia' })
	).toBeVisible();
	await disclosure(page, 'Georgia').click();
	await expect(disclosure(page, 'Georgia')).toHaveAttribute('aria-expanded', 'false');
	// …is one of Georgia's own names once the article is said to be French.
	await page.getByRole('combobox', { name: 'Language of the article' }).selectOption('fr');
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const problems = page.getByRole('alert').filter({ hasText: 'cannot be exported yet' });
	const problem = problems.getByRole('button', { name: /^Story term “Géorgien” of Georgia: / });
	await expect(problem).toHaveText(/already a built-in name/);
	await problem.click();
	await expect(disclosure(page, 'Georgia')).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('textbox', { name: 'Story term for Georgia' })).toBeFocused();
	await section(page)
		.getByRole('button', { name: 'Remove story term Géorgien from Georgia' })
		.click();
	await page.getByRole('button', { name: 'Export briefing' }).click();
	await expect(problems.getByRole('button', { name: /Story term/ })).toHaveCount(0);
});

test('A passage is shown as text: markup in the article is never made into elements', async ({
	page
}) => {
	await openEditor(page);
	const hostile =
		'<b>Pakistan</b> asked for <img src="x" onerror="window.__passagesXss = 1"> help.';
	await page.getByRole('textbox', { name: 'Article text' }).fill(`${ARTICLE}\n\n${hostile}`);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await disclosure(page, 'Pakistan').click();
	await expect(passages(page, 'Pakistan')).toHaveCount(2);
	const last = passages(page, 'Pakistan').nth(1);
	await expect(last).toContainText('<b>Pakistan</b> asked for <img src="x"');
	await expect(last.locator('mark')).toHaveText('Pakistan');
	await expect(section(page).locator('img, b')).toHaveCount(0);
	expect(await page.evaluate(() => (window as { __passagesXss?: number }).__passagesXss)).toBe(
		undefined
	);

	// On a phone, the open passages fit the width: no sideways scrolling.
	await page.setViewportSize({ width: 390, height: 800 });
	await disclosure(page, 'Georgia').click();
	await expect(passages(page, 'Georgia')).toHaveCount(1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('A built-in name that means something else in the article is left out for that briefing, and put back', async ({
	page
}) => {
	await openEditorWithArticle(page);
	await disclosure(page, 'Georgia').click();
	const names = section(page).getByRole('group', { name: 'Names that find Georgia' });
	const georgia = names.getByRole('checkbox', { name: 'Georgia', exact: true });
	await expect(georgia).toBeChecked();
	await expect(names.getByRole('checkbox', { name: 'Tbilisi' })).toBeChecked();

	// Paragraph 3's "Georgia" is the American state: unchecked, it finds nothing for Georgia, in
	// the panel's passages and in the counts of Countries found.
	await georgia.uncheck();
	await expect(disclosure(page, 'Georgia')).toHaveText(/\(0 passages\)/);
	await expect(section(page).getByRole('status').filter({ hasText: 'no longer names' })).toHaveText(
		'“Georgia” no longer names Georgia in this briefing: 0 passages.'
	);
	await expect(
		page
			.getByRole('region', { name: 'Countries found' })
			.getByText(/Georgia/)
			.first()
	).toBeVisible();
	await expect(disclosure(page, 'Pakistan')).toHaveText(/\(1 passage\)/);
	expect(await axeViolations(page)).toEqual([]);

	// Undone and redone; kept over a reload; checked again, it counts again.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(georgia).toBeChecked();
	await page.getByRole('button', { name: 'Redo' }).click();
	await expect(georgia).not.toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await mapIdle(page);
	await disclosure(page, 'Georgia').click();
	await expect(georgia).not.toBeChecked();
	await georgia.check();
	await expect(disclosure(page, 'Georgia')).toHaveText(/\(1 passage\)/);
});
