/**
 * The stage dashboard (issue 10, items 1, 2, 3, 7 and 9) on the seeded Bengkel Maju Jaya:
 * - Indonesian on a 390 px phone: the purchase stage's count and average equal the seed's plan
 *   (lib/demo/seed-reviews.ts, spam left out), the gap note says the map thinks purchase feels great
 *   while customers rate it under 3 stars, the comment themes of purchase say they read all its
 *   comments (fewer than a stage's window), the period select changes the address and the figures,
 *   a keyboard opens a figure's 95 % interval, nothing scrolls sideways;
 * - English on a 1280 px laptop: the table's rows equal the CSV of the same filters, before and
 *   after a change of period.
 */
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { bengkelReviewPlan, demoReviewRows } from '../lib/demo/seed-reviews';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const path = '/dashboard/stages';

/** The seed's purchase-stage reviews (the rows do not depend on the day they were seeded on, only their dates do). */
function seededPurchase(): { count: number; average: number; comments: number } {
  const stageIds = { purchase: 'purchase', consideration: 'consideration', retention: 'retention', advocacy: 'advocacy' } as const;
  const rows = demoReviewRows(bengkelReviewPlan, { tenantId: demo.bengkelTenantId, journeyId: demo.bengkelJourneyId, ownerId: 'owner', stageIds }, new Date());
  const purchase = rows.reviews.filter((r) => r.stageId === 'purchase' && r.status !== 'spam');
  return { count: purchase.length, average: purchase.reduce((s, r) => s + r.stars, 0) / purchase.length, comments: purchase.filter((r) => (r.comment ?? '') !== '').length };
}

type CsvRow = Record<string, string>;

async function csvRows(page: Page, href: string): Promise<CsvRow[]> {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  return parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as CsvRow[];
}

const one = (locale: string, v: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
const whole = (locale: string, v: number) => new Intl.NumberFormat(locale).format(v);

async function expectNoSidewaysScroll(page: Page, width: number) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(client).toBe(width);
  expect(scroll, `${page.url()} is ${scroll}px wide`).toBeLessThanOrEqual(width);
}

test('Indonesian, 390 px: the seeded purchase stage, the gap the map hides, the period in the address, the interval by keyboard', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor tahap');
  // Without a journey in the address: the business's journey with the most reviews; 90 days by default.
  await expect(page.getByLabel('Perjalanan', { exact: true })).toHaveValue(demo.bengkelJourneyId);
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('90d');
  await expectNoSidewaysScroll(page, 390);

  // All time: the seed's numbers.
  await page.getByLabel('Periode', { exact: true }).selectOption('all');
  await expect(page).toHaveURL(/[?&]range=all(&|$)/);
  await expect(page.locator('[data-period]')).toContainText('Semua ulasan sampai');
  const seed = seededPurchase();
  const card = page.locator('[data-stage-card]').filter({ has: page.getByRole('heading', { level: 3, name: 'Pembelian' }) });
  await expect(card).toBeVisible();
  await expect(card.locator('[data-reviews]')).toHaveText(`${whole('id-ID', seed.count)} ulasan`);
  const stars = card.locator('details[data-figure="stars"] summary strong');
  await expect(stars).toHaveText(one('id-ID', seed.average));
  expect(seed.average).toBeLessThan(3);
  // Comment themes, per stage: the purchase stage has fewer comments than a stage's window, so all are read.
  const themes = page.locator('section[aria-labelledby="themes-heading"] li').filter({ has: page.getByRole('heading', { level: 3, name: 'Pembelian' }) });
  await expect(themes.locator('[data-window]')).toHaveText(`Dari semua ${whole('id-ID', seed.comments)} komentar pada periode ini.`);

  // The map says purchase feels great (+2); customers say otherwise, in words.
  const gap = page.locator('[data-gap="worse"]').filter({ hasText: 'tahap Pembelian' });
  await expect(gap).toContainText('Lebih buruk dari yang Anda kira');
  await expect(gap).toContainText(`terasa sangat baik (+2); pelanggan memberi ${one('id-ID', seed.average)} ±`);

  // The 95 % interval, reached and opened with the keyboard alone.
  const summary = card.locator('details[data-figure="stars"] summary');
  await page.getByLabel('Periode', { exact: true }).focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await summary.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'Tab reaches the purchase stage’s average stars').toBe(true);
  await page.keyboard.press('Enter');
  const csv = await csvRows(page, `/api/journeys/${demo.bengkelJourneyId}/stages.csv?range=all`);
  const purchase = csv.find((r) => r.stage_name === 'Pembelian')!;
  expect(Number(purchase.reviews)).toBe(seed.count);
  await expect(card.locator('details[data-figure="stars"]')).toHaveAttribute('open', '');
  await expect(card.getByText(`Rentang 95%: ${one('id-ID', Number(purchase.average_stars_low))} – ${one('id-ID', Number(purchase.average_stars_high))}.`)).toBeVisible();

  // A shorter period: the address and the figures follow.
  await page.getByLabel('Periode', { exact: true }).selectOption('30d');
  await expect(page).toHaveURL(/[?&]range=30d(&|$)/);
  const recent = (await csvRows(page, `/api/journeys/${demo.bengkelJourneyId}/stages.csv?range=30d`)).find((r) => r.stage_name === 'Pembelian')!;
  expect(Number(recent.reviews)).toBeLessThan(seed.count);
  await expect(card.locator('[data-reviews]')).toHaveText(`${whole('id-ID', Number(recent.reviews))} ulasan`);
  await expect(page.locator('[data-period]')).toContainText('Dibandingkan dengan periode sebelumnya');
  // Each change in words beside its arrow, never by colour alone.
  await expect(card.locator('[data-change]').first()).toHaveText(/^[↑↓≈]\s*(naik \S+|turun \S+|belum bisa dipastikan)/);
  await expectNoSidewaysScroll(page, 390);
  await expectAccessible(page);
});

test('English, 1280 px: the table equals the CSV of the same filters, before and after a change of period; the print view too', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto(`${path}?journey=${demo.bengkelJourneyId}&range=all`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stage dashboard');

  const table = page.locator('table[data-stage-table]');
  await expect(table).toBeVisible();
  const compare = async (href: string) => {
    const rows = await csvRows(page, href);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      const tr = table.locator(`tr[data-stage-row="${r.stage_id}"]`);
      await expect(tr.locator('[data-col="reviews"]')).toHaveText(whole('en-ID', Number(r.reviews)));
      if (r.average_stars) await expect(tr.locator('[data-col="average"]')).toContainText(one('en-ID', Number(r.average_stars)));
      if (r.average_stars_low) await expect(tr.locator('[data-col="average-interval"]')).toHaveText(`${one('en-ID', Number(r.average_stars_low))} – ${one('en-ID', Number(r.average_stars_high))}`);
      if (r.csat_pct) await expect(tr.locator('[data-col="csat"]')).toContainText(`${Math.round(Number(r.csat_pct))}%`);
      await expect(tr.locator('[data-col="csat"]')).toContainText(`n = ${whole('en-ID', Number(r.csat_n))}`);
      if (r.nps) await expect(tr.locator('[data-col="nps"]')).toContainText(`n = ${whole('en-ID', Number(r.nps_n))}`);
      await expect(tr.locator('[data-col="nps-groups"]')).toContainText(
        `${whole('en-ID', Number(r.nps_promoters))} · ${whole('en-ID', Number(r.nps_passives))} · ${whole('en-ID', Number(r.nps_detractors))}`,
      );
      await expect(tr.locator('[data-col="nps-groups"]')).toContainText(`${whole('en-ID', Number(r.nps_skipped))} skipped NPS`);
      // The change against the previous period: the CSV's direction, in words under the figure.
      for (const [col, kind] of [['change_average_stars', 'stars'], ['change_csat', 'csat'], ['change_nps', 'nps']] as const) {
        const cell = tr.locator(`[data-col="${kind}-change"]`);
        if (!r[col]) await expect(cell).toHaveCount(0);
        else await expect(cell).toHaveText({ up: /↑\s*up \S+/, down: /↓\s*down \S+/, uncertain: /≈\s*not certain yet|—/ }[r[col] as 'up' | 'down' | 'uncertain']);
      }
    }
    return rows;
  };
  // The page's own download link carries the filters.
  const csvHref = await page.getByRole('link', { name: 'Download table (CSV)', exact: true }).getAttribute('href');
  expect(csvHref).toBe(`/api/journeys/${demo.bengkelJourneyId}/stages.csv?range=all`);
  const all = await compare(csvHref!);
  expect(all.reduce((s, r) => s + Number(r.reviews), 0)).toBeGreaterThan(200);
  await expectNoSidewaysScroll(page, 1280);

  await page.getByLabel('Period', { exact: true }).selectOption('90d');
  await expect(page).toHaveURL(/[?&]range=90d(&|$)/);
  await expect(page.getByRole('link', { name: 'Download table (CSV)', exact: true })).toHaveAttribute('href', `/api/journeys/${demo.bengkelJourneyId}/stages.csv?range=90d`);
  const recent = await compare(`/api/journeys/${demo.bengkelJourneyId}/stages.csv?range=90d`);
  await expectAccessible(page);

  // The print view: the same filters, the same table.
  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/stages\/print\?.*range=90d/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Stage dashboard:');
  await expect(page.locator('table[data-stage-table] tbody tr')).toHaveCount(recent.length);
  const purchase = recent.find((r) => r.stage_name === 'Pembelian')!;
  await expect(page.locator(`tr[data-stage-row="${purchase.stage_id}"] [data-col="reviews"]`)).toHaveText(whole('en-ID', Number(purchase.reviews)));
  await context.close();
});

test('another business’s journey, or a malformed id, is a 404; a bad date is explained and kept', async ({ page, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  await signIn(page, demo.kopiOwner);
  expect((await page.goto(`${path}?journey=${demo.bengkelJourneyId}`))?.status()).toBe(404);
  expect((await page.goto(`${path}?stage=not-a-uuid`))?.status()).toBe(404);
  expect((await page.goto(`${path}/print?journey=${demo.bengkelJourneyId}`))?.status()).toBe(404);
  await page.goto(`${path}?range=custom&from=2026-02-31&to=2026-03-10`);
  await expect(page.locator('#sf-date-error')).toContainText('Tanggal awal “2026-02-31” tidak bisa dibaca');
  await expect(page.getByLabel('Sampai', { exact: true })).toHaveValue('2026-03-10');
  await expectNoSidewaysScroll(page, 390);
});
