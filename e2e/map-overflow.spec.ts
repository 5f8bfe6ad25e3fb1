/**
 * Issue 11, item 9: no page scrolls sideways, whatever an owner types. A journey whose stage name
 * and lane texts are 60-character words with no space (a pasted link, a long product code) is
 * opened on the map, the print view and a share link, on a 390 px phone and a 1280 px laptop:
 * the page is never wider than the window, and no cell of the print table is wider than its column.
 * Screenshots of each go with the test's artefacts.
 *
 * The window's width is `document.documentElement.clientWidth`, not `innerWidth`: a phone (the
 * emulated Pixel 7 here) widens its layout viewport to a too-wide page, so `innerWidth` grows with
 * the overflow (548 px for a 390 px phone) and `scrollWidth <= innerWidth` would always hold.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { demo, signIn } from './helpers';

/** A word of exactly `n` letters, with nothing to break it at. */
const word = (prefix: string, n = 60) => (prefix + 'x'.repeat(n)).slice(0, n);
const longStage = word('Tahappanjangtanpaspasi');

function doc(name: string) {
  const lanes = (tag: string) => ({
    actions: [word(`Tindakan${tag}`)],
    touchpoints: [{ channel: 'custom', label: word(`Saluran${tag}`) }],
    questions: [word(`Pertanyaan${tag}`)],
    painPoints: [word(`Kendala${tag}`)],
    opportunities: [word(`Peluang${tag}`)],
    content: [word(`Konten${tag}`)],
  });
  return {
    format: 'jejak.journey',
    version: 1,
    name,
    stages: [
      { name: longStage, emotion: { score: -1, note: word('Catatanemosi') }, lanes: lanes('A'), metric: word('Metrik') },
      { name: 'Pertimbangan', emotion: { score: 1, note: '' }, lanes: lanes('B'), metric: '' },
      { name: word('Tahapketiga'), emotion: { score: 2, note: '' }, lanes: lanes('C'), metric: '' },
    ],
  };
}

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
];

async function expectNoSideScroll(page: Page, info: TestInfo, shot: string) {
  // Fonts and the client's first render settle the layout.
  await page.waitForLoadState('networkidle');
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  await page.screenshot({ path: info.outputPath(`${shot}.png`), fullPage: true });
  expect(clientWidth).toBe(page.viewportSize()!.width);
  // Soft: every view is checked and reported, not only the first too wide.
  expect.soft(scrollWidth, `${shot}: page width ${scrollWidth} px in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
}

/** The print table's cells whose text is wider than the cell (a long word spilling over its neighbours). */
function spillingCells(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('.print-map th, .print-map td')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent?.slice(0, 30)));
}

test('long unbroken words never make the map, print or share page scroll sideways', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  await signIn(page, demo.bengkelOwner);
  const name = `Kata panjang ${Date.now().toString(36)}`;
  await page.goto('/journeys/import');
  await page.getByLabel('Tempel isi JSON', { exact: true }).fill(JSON.stringify(doc(name)));
  await page.getByRole('button', { name: 'Impor perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}(\?.*)?$/);
  const journeyPath = new URL(page.url()).pathname;

  await page.goto(`${journeyPath}/share`);
  await page.getByRole('button', { name: 'Buat tautan berbagi', exact: true }).click();
  const box = page.getByLabel('Tautan berbagi', { exact: true });
  await expect(box).toHaveValue(/\/share\//);
  const sharePath = new URL(await box.inputValue()).pathname;

  for (const vp of viewports) {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await page.goto(journeyPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    // The long stage name is on the map (as text, or as the value of the field that edits it).
    await expect
      .poll(() =>
        page.evaluate(
          (text) => document.body.innerText.includes(text) || [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value === text),
          longStage,
        ),
      )
      .toBe(true);
    await expectNoSideScroll(page, info, `map-${vp.name}`);

    await page.goto(`${journeyPath}/print`);
    await expect(page.getByRole('columnheader', { name: new RegExp(longStage) })).toBeVisible();
    await expectNoSideScroll(page, info, `print-${vp.name}`);
    expect.soft(await spillingCells(page), `print-${vp.name}: cells whose text spills out`).toEqual([]);

    const visitorCtx = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
    const visitor = await visitorCtx.newPage();
    await visitor.goto(sharePath);
    await expect(visitor.getByRole('heading', { level: 3, name: longStage })).toBeVisible();
    await expectNoSideScroll(visitor, info, `share-${vp.name}`);
    await visitorCtx.close();
  }
});
