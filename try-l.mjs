import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '/work/wt-image/scripts/chromium.js';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const base = 'http://127.0.0.1:4482/';
const idle = (page) => page.getByRole('region', { name: 'Map', exact: true }).and(page.locator('[aria-busy=false]')).waitFor({ timeout: 30000 });
{
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(base); await idle(page);
  await page.getByRole('heading', { name: 'Images and handouts' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/look/sidebar-1024.png' });
  await page.goto(base + '#scene=2'); await idle(page);
  await page.mouse.move(100, 100);
  await page.screenshot({ path: '/tmp/look/present-1024.png' });
  await page.close();
}
{
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(base); await idle(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('heading', { name: 'Images and handouts' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/look/sidebar-390.png' });
  await page.getByRole('button', { name: 'Close menu' }).click();
  await page.goto(base + '#scene=2'); await idle(page);
  await page.mouse.move(100, 100);
  await page.screenshot({ path: '/tmp/look/present-390.png' });
  await page.close();
}
{
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, acceptDownloads: true });
  await page.goto(base + 'speaker#scene=4');
  await page.getByRole('combobox', { name: 'Image size' }).selectOption('1920x1080');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save image' }).click()]);
  await dl.saveAs('/tmp/look/speaker-scene4.png');
  await page.screenshot({ path: '/tmp/look/speaker.png' });
}
await browser.close();
