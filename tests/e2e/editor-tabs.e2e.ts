import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/**
 * Two tabs editing the same draft: neither overwrites the other silently. The tab that saved last
 * keeps the draft; the other is told, stops saving over it, and saves its version as a copy.
 */

const ARTICLE = readFileSync('tests/fixtures/articles/east-asia.txt', 'utf8');

test('a draft edited in two tabs: the second is told, and keeps its version as a copy', async ({
	page,
	context
}) => {
	await page.goto('./editor');
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Two tabs');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	const status = (p: typeof page) =>
		p.getByRole('status').filter({ hasText: /Saved|Saving|Unsaved|changed in another tab/ });
	await expect(status(page)).toHaveText('Saved');
	const address = page.url();
	expect(address).toMatch(/\/editor\?draft=/);

	// The same draft in a second tab: both have it as saved.
	const other = await context.newPage();
	await other.goto(address);
	await expect(other.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Two tabs');

	// The first tab changes it and saves.
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Two tabs, first');
	await expect(status(page)).toHaveText('Saved');

	// The second, behind, changes it too: it is told, and saves nothing over the first's.
	await other.getByRole('textbox', { name: 'Title', exact: true }).fill('Two tabs, second');
	await expect(status(other)).toContainText('changed in another tab');
	const copy = other.getByRole('button', { name: 'Save my version as a copy' });
	await expect(copy).toBeVisible();

	// The first tab's version is what the draft holds.
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
		'Two tabs, first'
	);

	// The copy: a new draft, the second tab's version, under its own address.
	await copy.click();
	await expect(status(other)).toHaveText('Saved');
	await expect(other).not.toHaveURL(address);
	await other.reload();
	await expect(other.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
		'Two tabs, second'
	);

	// The library lists both drafts.
	await page.goto('./library');
	const drafts = page.getByRole('region', { name: 'Drafts in this browser' });
	await expect(drafts.getByRole('link', { name: 'Two tabs, first' })).toBeVisible();
	await expect(drafts.getByRole('link', { name: 'Two tabs, second' })).toBeVisible();
});
