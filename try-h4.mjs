import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '/work/wt-image/scripts/chromium.js';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => { window.print = () => {}; });
await page.goto('http://127.0.0.1:4482/');
await page.getByRole('region', { name: 'Map', exact: true }).and(page.locator('[aria-busy=false]')).waitFor({ timeout: 30000 });
await page.getByRole('button', { name: 'Print handout' }).click();
await page.getByRole('button', { name: 'Close handout' }).waitFor({ timeout: 60000 });
await page.emulateMedia({ media: 'print' });
await page.setViewportSize({ width: 703, height: 1000 });
const pages = page.locator('.handout .page');
for (const i of [0, 1, 4, 11, 12, 20]) {
  const box = await pages.nth(i).boundingBox();
  console.log(i, Math.round(box.height), 'px (A4 usable ~ 1030px at 96dpi with 12mm margins; Letter ~ 966)');
  await pages.nth(i).screenshot({ path: `/tmp/look/page-${i}.png` });
}
const hs = await pages.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
console.log(hs.join(' '));
await browser.close();
