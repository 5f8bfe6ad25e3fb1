/**
 * Reviews where the owner plans (issue 9, items 2, 4 and 9), on a 390 px phone:
 * - the demo Bengkel map shows each stage's review count and average stars; the purchase stage's
 *   figures equal a recount of its filtered inbox (the CSV export of the same filter); they lead to
 *   that stage's dashboard over all time, which shows the same count (issue 11, item 4), and a
 *   second link beside them leads to the stage's inbox; a stage with none offers a review link for
 *   it, prefilled;
 * - the print view carries the same line, the share link's view none of it;
 * - the review links list adds its counts up per touchpoint;
 * - the poster prints on exactly one sheet of its own size, A5 and A4;
 * - the link page, the inbox and the map never scroll sideways;
 * - the map in English too.
 */
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const mapPath = `/journeys/${demo.bengkelJourneyId}`;
const sharePath = `/share/${demo.bengkelTenantId}/DemoBengkelMajuJaya-PetaServis01`;
const linkPage = `/reviews/links/${demo.bengkelReviewLinkId}`;

/** The map grid's stage columns, in map order (each a group named by its heading, "Tahap 3 dari 5 …"). */
const stageCards = (page: Page, label: RegExp) => page.getByRole('group', { name: label });
const idStages = /^Tahap \d+ dari \d+/;

/** Nothing wider than the 390 px screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(client).toBe(390);
  expect(scroll, `${page.url()} is ${scroll}px wide`).toBeLessThanOrEqual(390);
}

async function imageLoaded(img: Locator) {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
}

/** The pages of a PDF as Chromium writes it, and the size of the first (points). */
function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

test('the Bengkel map shows each stage’s reviews, equal to its filtered inbox, leading to the stage’s dashboard and its inbox; the print view too, the share view not', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.bengkelOwner);
  await page.goto(mapPath);
  const cards = stageCards(page, idStages);
  await expect(cards).toHaveCount(5);
  const purchaseIndex = (await cards.locator('h3').allTextContents()).findIndex((text) => /Pembelian$/.test(text.trim()));
  expect(purchaseIndex).toBeGreaterThanOrEqual(0);
  const purchase = cards.nth(purchaseIndex);

  // "N ulasan · ★ 2,8" as one link; screen readers hear "N ulasan, rata-rata bintang 2,8: buka dasbor tahap ini".
  const line = purchase.getByRole('link', { name: /^[\d.]+ ulasan, rata-rata bintang \d,\d: buka dasbor tahap ini$/ });
  await expect(line).toBeVisible();
  const seen = line.locator('[aria-hidden="true"]');
  await expect(seen).toHaveText(/^[\d.]+ ulasan · ★ \d,\d$/);
  const [, countText, average] = /^([\d.]+) ulasan · ★ (\d,\d)$/.exec(((await seen.textContent()) ?? '').trim())!;
  const count = Number(countText!.replace(/\./g, ''));
  // Plenty of reviews: the average stands out. The seed's story: far below the map's "+2".
  expect(count).toBeGreaterThanOrEqual(5);
  await expect(line.locator('strong')).toHaveText(average!);
  expect(Number(average!.replace(',', '.'))).toBeLessThan(3.5);
  const href = (await line.getAttribute('href'))!;
  const stageId = new URL(href, 'http://x').searchParams.get('stage')!;
  // The figures lead to the stage's dashboard, over all time like the map's count; its inbox beside them.
  expect(href).toBe(`/dashboard/stages?journey=${demo.bengkelJourneyId}&stage=${stageId}&range=all`);
  const inbox = purchase.getByRole('link', { name: 'Baca ulasan tahap ini', exact: true });
  await expect(inbox).toHaveAttribute('href', `/reviews?journey=${demo.bengkelJourneyId}&stage=${stageId}#inbox`);

  // The same figures as a recount of the inbox's filtered list (its CSV export, spam excluded).
  const csv = await page.request.get(`/api/reviews/export?journey=${demo.bengkelJourneyId}&stage=${stageId}`);
  expect(csv.status()).toBe(200);
  const rows = parse((await csv.text()).replace(/^\uFEFF/, ''), { from_line: 2 }) as string[][];
  expect(rows.length).toBe(count);
  const mean = rows.reduce((sum, r) => sum + Number(r[5]), 0) / rows.length;
  expect(new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean)).toBe(average);

  // A stage without reviews (the seed's first: no link asks about it) says so, and offers a review
  // link for exactly that stage.
  const quietIndex = (await cards.allTextContents()).findIndex((text) => text.includes('Belum ada ulasan'));
  expect(quietIndex).toBeGreaterThanOrEqual(0);
  const quiet = cards.nth(quietIndex);
  const ask = quiet.getByRole('link', { name: 'Buat tautan ulasan untuk tahap ini', exact: true });
  const askHref = (await ask.getAttribute('href'))!;
  expect(askHref).toMatch(new RegExp(`^/reviews/links/new\\?journey=${demo.bengkelJourneyId}&stage=[0-9a-f-]{36}$`));
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The stage's dashboard: that stage, all time, the same count as the map.
  await line.click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/stages\\?journey=${demo.bengkelJourneyId}&stage=${stageId}&range=all$`));
  await expect(page.getByLabel('Tahap', { exact: true })).toHaveValue(stageId);
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('all');
  await expect(page.locator('[data-stage-card]').filter({ has: page.getByRole('heading', { level: 3, name: 'Pembelian' }) }).locator('[data-reviews]')).toHaveText(`${countText} ulasan`);
  await expectNoSidewaysScroll(page);

  // The inbox of the same stage.
  await page.goto(mapPath);
  await stageCards(page, idStages).nth(purchaseIndex).getByRole('link', { name: 'Baca ulasan tahap ini', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews\\?journey=${demo.bengkelJourneyId}&stage=${stageId}#inbox$`));
  await expect(page.getByLabel('Tahap', { exact: true })).toHaveValue(stageId);
  await expect(page.getByLabel('Perjalanan', { exact: true })).toHaveValue(demo.bengkelJourneyId);
  await expectNoSidewaysScroll(page);

  await page.goto(mapPath);
  await stageCards(page, idStages).nth(quietIndex).getByRole('link', { name: 'Buat tautan ulasan untuk tahap ini' }).click();
  await expect(page).toHaveURL(askHref);
  await expect(page.getByLabel('Tahap', { exact: true })).toHaveValue(new URL(askHref, 'http://x').searchParams.get('stage')!);

  // The print view: the same line, as plain text, in a row of its own.
  await page.goto(`${mapPath}/print`);
  const printRow = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Ulasan pelanggan', exact: true }) });
  await expect(printRow.locator('td').nth(purchaseIndex)).toHaveText(`${countText} ulasan · ★ ${average}`);
  await expect(printRow.locator('td').nth(quietIndex)).toHaveText('Belum ada ulasan');

  // A share link shows the map, never the business's review figures.
  await page.goto(sharePath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Servis mobil: dari mencari bengkel sampai merekomendasikan');
  await expect(page.locator('main')).not.toContainText('★');
  await expect(page.locator('main')).not.toContainText('Belum ada ulasan');
  await expect(page.locator('main a[href^="/reviews"]')).toHaveCount(0);
});

test('the map in English: counts and stars per stage, "No reviews yet" with a way to start', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto(mapPath);
  const cards = stageCards(page, /^Stage \d+ of \d+/);
  await expect(cards).toHaveCount(5);
  // The third stage is the purchase stage (the seed names it in Indonesian).
  await expect(cards.nth(2).getByRole('link', { name: /^[\d.]+ reviews, average stars \d,\d: open this stage's dashboard$/ })).toBeVisible();
  await expect(cards.nth(2).getByRole('link', { name: "Read this stage's reviews", exact: true })).toBeVisible();
  await expect(cards.nth(2).getByRole('link', { name: /reviews, average stars/ }).locator('[aria-hidden="true"]')).toHaveText(/^[\d.]+ reviews · ★ \d,\d$/);
  const quiet = cards.filter({ hasText: 'No reviews yet' }).first();
  await expect(quiet.getByRole('link', { name: 'Create a review link for this stage', exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});

test('the review links list adds its counts up per touchpoint', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/reviews');
  const table = page.getByRole('table', { name: 'Per titik kontak' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Titik kontak', 'Dibuka', 'Ulasan masuk', 'Konversi']);
  // The seed's one link with this touchpoint: the row equals its card.
  const card = page.locator('li', { hasText: 'Titik kontak: WhatsApp setelah servis' });
  await expect(card).toHaveCount(1);
  const [opened, submitted, rate] = await card.locator('dd').allTextContents();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^WhatsApp setelah servis/ }) });
  await expect(row.getByRole('cell')).toHaveText([opened!, submitted!, rate!]);
  await expect(row.getByRole('rowheader')).toContainText('1 tautan');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test('the link page offers both posters; each prints on exactly one sheet of its size; nothing scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.bengkelOwner);
  await page.goto(linkPage);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await imageLoaded(page.getByRole('img', { name: /^Kode QR menuju / }));
  await expectNoSidewaysScroll(page);
  // The short link is read from the screen: all of it in view, wrapped, none hidden past the field's edge.
  const field = page.getByRole('textbox', { name: 'Tautan pendek', exact: true });
  await expect(field).toHaveValue(/\/r\/demo-bengkel$/);
  const fits = await field.evaluate((el) => ({ wide: el.scrollWidth - el.clientWidth, tall: el.scrollHeight - el.clientHeight, right: el.getBoundingClientRect().right }));
  expect(fits.wide).toBeLessThanOrEqual(0);
  expect(fits.tall).toBeLessThanOrEqual(0);
  expect(fits.right).toBeLessThanOrEqual(390);
  await expect(page.getByRole('link', { name: 'Buka poster A5 untuk dicetak', exact: true })).toHaveAttribute('href', `${linkPage}/poster`);
  await page.getByRole('link', { name: 'Buka poster A4 untuk dicetak', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${linkPage}/poster\\?size=a4$`));

  const sizes = page.getByRole('navigation', { name: 'Ukuran kertas' });
  // Points: A4 595 × 842, A5 420 × 595.
  for (const [size, name, width, height] of [
    ['a4', 'A4 (besar, untuk dinding)', 595, 842],
    ['a5', 'A5 (kecil, untuk meja)', 420, 595],
  ] as const) {
    if (size === 'a5') {
      await sizes.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${linkPage}/poster$`));
    }
    await expect(sizes.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bagaimana pengalaman Anda?');
    await expect(page.getByText('Bengkel Maju Jaya', { exact: true })).toBeVisible();
    await expect(page.getByText(/\/r\/demo-bengkel$/)).toBeVisible();
    await imageLoaded(page.getByRole('img', { name: /^Kode QR menuju / }));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect({ size, pages: pdf.pages, width: Math.round(pdf.width), height: Math.round(pdf.height) }).toEqual({ size, pages: 1, width, height });
  }
});
