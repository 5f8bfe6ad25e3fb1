/**
 * The funnel page (issue 10, item 5) as Bengkel Maju Jaya's owner: numbers typed the Indonesian
 * way for a month, saved, and the conversion between stages shown beside each stage's
 * satisfaction (390 px, Indonesian); a CSV with a bad line names the line and keeps the pasted
 * text, then the fixed file imports (1280 px, English); and the month form posts without
 * JavaScript (360 px).
 */
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const page0 = (month: string) => `/dashboard/funnel?journey=${demo.bengkelJourneyId}&month=${month}`;

async function noSideScroll(page: import('@playwright/test').Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('typed numbers are saved and show the conversion beside satisfaction (390 px, id)', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(page0('2024-06'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corong penjualan');
  await expect(page.getByRole('heading', { name: 'Angka Juni 2024' })).toBeVisible();
  // The bars (the table below them holds the same figures, folded away).
  const month = page.getByRole('region', { name: 'Corong Juni 2024' }).getByRole('list');

  await page.getByLabel('Metrik Kesadaran', { exact: true }).selectOption('reach');
  await page.getByLabel('Jumlah Kesadaran', { exact: true }).fill('12.000');
  await page.getByLabel('Metrik Pertimbangan', { exact: true }).selectOption('inquiries');
  await page.getByLabel('Jumlah Pertimbangan', { exact: true }).fill('3.000');
  await page.getByLabel('Metrik Pembelian', { exact: true }).selectOption('orders');
  await page.getByLabel('Jumlah Pembelian', { exact: true }).fill('600');
  await page.getByRole('button', { name: 'Simpan angka', exact: true }).click();
  await expect(page.getByText('Angka bulan ini tersimpan.')).toBeVisible();

  // 3.000 of 12.000 moved on, then 600 of 3.000; each stage with its satisfaction (or "not enough reviews").
  await expect(month.getByText('25% lanjut dari Kesadaran')).toBeVisible();
  await expect(month.getByText('20% lanjut dari Pertimbangan')).toBeVisible();
  await expect(month.getByText('Jangkauan: 12.000')).toBeVisible();
  await expect(month.getByText(/^Kepuasan: /)).toHaveCount(5);
  await expect(page.getByLabel('Jumlah Kesadaran', { exact: true })).toHaveValue('12.000');
  await expect(page.getByRole('link', { name: 'Ubah angka Juni 2024' })).toBeVisible();
  // The table alternative, opened: wider than the phone, it scrolls on its own, not the page.
  await page.getByText('Lihat sebagai tabel', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Angka corong per tahap' }).getByRole('row', { name: /^Pertimbangan/ })).toContainText('25% lanjut dari Kesadaran');
  await noSideScroll(page);
  await expectAccessible(page);

  // The CSV download has the same numbers.
  const csv = await page.request.get(`/api/journeys/${demo.bengkelJourneyId}/funnel.csv?from=2024-06-01&to=2024-06-30`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^stage_position,stage_id,stage_name,removed,months_from,months_to,metric,value,/);
  expect(lines.slice(1, 4).map((l) => l.split(',')[7])).toEqual(['12000', '3000', '600']);
});

test('a CSV with a bad line names it and keeps the text; the fixed one imports (1280 px, en)', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto(page0('2024-05'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales funnel');
  const bad = 'month,stage,metric,value\n2024-05,1,reach,8000\n2024-05,Gudang,orders,5';
  await page.getByLabel('Paste the CSV', { exact: true }).fill(bad);
  await page.getByRole('button', { name: 'Import numbers', exact: true }).click();
  await expect(page.getByText('The CSV was not saved. Fix these lines, then import again:')).toBeVisible();
  await expect(page.getByText('Line 3: There is no stage “Gudang” on this map. Write the stage\'s name or a number from 1 to 5.')).toBeVisible();
  await expect(page.getByLabel('Paste the CSV', { exact: true })).toHaveValue(bad);
  await expect(page.getByRole('region', { name: 'Funnel for May 2024' }).getByText('No funnel numbers for this period yet')).toBeVisible();

  await page.getByLabel('Paste the CSV', { exact: true }).fill('month,stage,metric,value\n2024-05,1,reach,8000\n2024-05,Pembelian,orders,400');
  await page.getByRole('button', { name: 'Import numbers', exact: true }).click();
  await expect(page.getByText('The numbers from the CSV are saved.')).toBeVisible();
  const month = page.getByRole('region', { name: 'Funnel for May 2024' });
  await expect(month.getByRole('list').getByText('5% moved on from Kesadaran')).toBeVisible();
  // The table alternative, opened: the same figures.
  await month.getByText('Show as a table', { exact: true }).click();
  const row = month.getByRole('row', { name: /^Pembelian/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('400');
  await expect(row.getByRole('cell').nth(3)).toHaveText('5% moved on from Kesadaran');
  await noSideScroll(page);
  await expectAccessible(page);
  await context.close();
});

test('the month form posts without JavaScript and keeps a wrong number (360 px)', async ({ page, browser, baseURL }) => {
  await signIn(page, demo.bengkelOwner);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: { width: 360, height: 800 } });
  await context.addCookies(await page.context().cookies());
  const plain = await context.newPage();
  await plain.goto(page0('2024-04'));
  await plain.getByLabel('Jumlah Retensi', { exact: true }).fill('4,5');
  await plain.getByRole('button', { name: 'Simpan angka', exact: true }).click();
  await expect(plain.getByText('Tulis bilangan bulat tanpa koma, misalnya 12.000 atau 12000.')).toBeVisible();
  await expect(plain.getByLabel('Jumlah Retensi', { exact: true })).toHaveValue('4,5');
  await plain.getByLabel('Jumlah Retensi', { exact: true }).fill('45');
  await plain.getByRole('button', { name: 'Simpan angka', exact: true }).click();
  await expect(plain.getByText('Angka bulan ini tersimpan.')).toBeVisible();
  await plain.goto(page0('2024-04'));
  await expect(plain.getByLabel('Jumlah Retensi', { exact: true })).toHaveValue('45');
  await noSideScroll(plain);
  await context.close();
});
