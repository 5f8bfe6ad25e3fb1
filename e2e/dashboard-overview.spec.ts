/**
 * The signed-in home is the business-wide overview (issue 10, items 8 and 3), on the demo Bengkel:
 * - on a 390 px phone in Indonesian: the worst stage named is the purchase stage (the seed's story:
 *   the map draws it +2, customers rate it under 3,5), with the figures of a recount of its reviews
 *   in the period (the inbox's CSV export of the same stage and days); the reviews needing
 *   attention are listed and counted like the inbox's own filter, and lead there; the period select
 *   changes the address; no sideways scroll;
 * - in English on a 1280 px laptop: the same figures; staff see the same overview;
 * - a new business is told what to do next: create a journey, then a review link;
 * - the journey map shows, beside each stage's reviews, the measured emotion (stars − 3, all time)
 *   against the designed one, equal to a recount; the emotion chart draws the measured curve; the
 *   print view has the row too.
 */
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn, uniqueEmail } from './helpers';

/** Nothing wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(client).toBe(width);
  expect(scroll, `${page.url()} is ${scroll}px wide`).toBeLessThanOrEqual(width);
}

/** Stars of the inbox's CSV export for a filter (spam never in it). */
async function exportedStars(page: Page, query: Record<string, string>): Promise<number[]> {
  const res = await page.request.get(`/api/reviews/export?${new URLSearchParams(query)}`);
  expect(res.status()).toBe(200);
  const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { from_line: 2 }) as string[][];
  return rows.map((r) => Number(r[5]));
}

const id1 = (v: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
const signed1 = (v: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v).replace('-', '−');
const count = (v: number) => new Intl.NumberFormat('id-ID').format(v);

test('the Bengkel owner lands on the overview: the purchase stage is named the worst with a recount’s figures, and the attention list leads to the inbox', async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, demo.bengkelOwner);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Budi Santoso!');
  await expect(page.getByText('Usaha: Bengkel Maju Jaya')).toBeVisible();
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('30d');

  // The worst stage in plain words, and the period's days from the attention list's "see all" link.
  const worst = page.getByTestId('worst-stage');
  const match = /^Tahap Pembelian \((.+)\) paling rendah: ★ (\d,\d) dari ([\d.]+) ulasan$/.exec(((await worst.textContent()) ?? '').trim());
  expect(match, 'the worst stage is the purchase stage').not.toBeNull();
  const [, journeyName, average, n] = match!;
  expect(journeyName).toBe('Servis mobil: dari mencari bengkel sampai merekomendasikan');
  const stageHref = (await page.getByRole('link', { name: 'Lihat tahap ini di dasbor tahap', exact: true }).getAttribute('href'))!;
  const stageId = new URL(stageHref, 'http://x').searchParams.get('stage')!;
  expect(stageHref).toBe(`/dashboard/stages?journey=${demo.bengkelJourneyId}&stage=${stageId}&range=30d`);
  const allHref = (await page.getByRole('link', { name: 'Lihat semua ulasan bintang 1–2 yang belum dibaca', exact: true }).getAttribute('href'))!;
  const all = new URL(allHref, 'http://x').searchParams;
  const [from, to] = [all.get('from')!, all.get('to')!];
  expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(29);

  // Its figures equal a recount of that stage's reviews on those days; the seed's story holds.
  const stars = await exportedStars(page, { journey: demo.bengkelJourneyId, stage: stageId, from, to });
  expect(n).toBe(count(stars.length));
  const mean = stars.reduce((a, s) => a + s, 0) / stars.length;
  expect(average).toBe(id1(mean));
  expect(mean).toBeLessThan(3.5);
  await expect(page.getByText(/^Di peta, Anda merancang tahap ini terasa sangat baik \(\+2\); bintang pelanggan setara −\d,\d/)).toBeVisible();

  // Reviews needing attention: as many as the inbox's unread 1–2 star reviews with a comment on those days.
  const unread = [
    ...(await exportedStars(page, { status: 'new', comment: '1', stars: '1', from, to })),
    ...(await exportedStars(page, { status: 'new', comment: '1', stars: '2', from, to })),
  ];
  expect(unread.length).toBeGreaterThan(0);
  await expect(page.getByTestId('attention-count')).toHaveText(`${count(unread.length)} ulasan perlu perhatian`);
  const items = page.getByTestId('attention-list').getByRole('listitem');
  await expect(items).toHaveCount(Math.min(5, unread.length));
  await expectAccessible(page);
  await expectNoSidewaysScroll(page, 390);

  // The newest leads to the inbox, narrowed to it: unread, its stars, its day, with a comment.
  const first = items.first();
  const comment = ((await first.locator('p').nth(1).textContent()) ?? '').trim();
  await first.getByRole('link', { name: /^Buka di kotak ulasan: ulasan [12] bintang dari / }).click();
  await expect(page).toHaveURL(/\/reviews\?status=new&journey=[0-9a-f-]{36}&stage=[0-9a-f-]{36}&stars=[12]&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&comment=1#inbox$/);
  await expect(page.locator('#inbox ~ * article, article').filter({ hasText: comment.slice(0, 30) }).first()).toBeVisible();

  // The period select: the address holds it, and the page answers with 7 days.
  await page.goto('/dashboard');
  await page.getByLabel('Periode', { exact: true }).selectOption('7d');
  await expect(page).toHaveURL(/\/dashboard\?range=7d$/);
  await expect(page.getByTestId('overview-period').locator('span')).toContainText('Dibandingkan dengan');
  const weekAll = new URL((await page.getByRole('link', { name: 'Lihat semua ulasan bintang 1–2 yang belum dibaca' }).getAttribute('href')) ?? '/?', 'http://x').searchParams;
  expect((Date.parse(weekAll.get('to')!) - Date.parse(weekAll.get('from')!)) / 86_400_000).toBe(6);

  // English on a laptop: the same figures.
  const context = await newContext(browser, 'en', baseURL!);
  const laptop = await context.newPage();
  await laptop.setViewportSize({ width: 1280, height: 900 });
  await signIn(laptop, demo.bengkelOwner, undefined, 'en');
  await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Welcome, Budi Santoso!');
  await expect(laptop.getByTestId('worst-stage')).toHaveText(`The Pembelian stage (${journeyName}) is the lowest: ★ ${average} from ${n} reviews`);
  await expect(laptop.getByTestId('attention-count')).toHaveText(`${count(unread.length)} ${unread.length === 1 ? 'review needs' : 'reviews need'} attention`);
  await expectAccessible(laptop);
  await expectNoSidewaysScroll(laptop, 1280);
  await context.close();

  // Staff see the same overview (dashboard.read).
  const staffContext = await newContext(browser, 'id', baseURL!);
  const staff = await staffContext.newPage();
  await signIn(staff, demo.bengkelStaff);
  await expect(staff.getByTestId('worst-stage')).toHaveText(`Tahap Pembelian (${journeyName}) paling rendah: ★ ${average} dari ${n} ulasan`);
  await staffContext.close();
});

test('a new business is told what to do next: first a journey, then a review link', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill('Wulan');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Salon Wulan');
  await page.getByLabel('Jenis usaha', { exact: true }).selectOption('salon');
  await page.getByLabel('Kota', { exact: true }).fill('Malang');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('salon'));
  await page.getByLabel('Kata sandi', { exact: true }).fill('potong-rambut-rapi');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Belum ada perjalanan pelanggan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tujuh langkah memahami pelanggan' })).toBeVisible();
  await expectNoSidewaysScroll(page, 390);

  await page.getByRole('link', { name: 'Buat perjalanan pelanggan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/new$/);
  await page.getByLabel('Nama perjalanan', { exact: true }).fill('Potong rambut');
  await page.getByRole('radio', { name: /^3 tahap/ }).check();
  await page.getByRole('button', { name: 'Buat perjalanan', exact: true }).click();
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);

  // A journey, no review yet: the overview asks for a review link, and lists the journey.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 2, name: 'Belum ada ulasan pelanggan' })).toBeVisible();
  await expect(page.getByTestId('journey-card')).toHaveCount(1);
  await expect(page.getByTestId('journey-card')).toContainText('Belum ada ulasan pada periode ini.');
  await expectAccessible(page);
  await expectNoSidewaysScroll(page, 390);
  await page.getByRole('region', { name: 'Belum ada ulasan pelanggan' }).getByRole('link', { name: 'Buat tautan ulasan', exact: true }).click();
  await expect(page).toHaveURL(/\/reviews\/links\/new$/);
});

test('the map shows each stage’s measured emotion beside the designed one, draws the measured curve, and prints the row', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(`/journeys/${demo.bengkelJourneyId}`);
  // The map grid's stage columns, in map order (each a group named by its heading, "Tahap 3 dari 5 …").
  const cards = page.getByRole('group', { name: /^Tahap \d+ dari \d+/ });
  await expect(cards).toHaveCount(5);
  const purchaseIndex = (await cards.locator('h3').allTextContents()).findIndex((text) => /Pembelian$/.test(text.trim()));
  const purchase = cards.nth(purchaseIndex);
  const href = (await purchase.getByRole('link', { name: /ulasan, rata-rata bintang/ }).getAttribute('href'))!;
  const stageId = new URL(href, 'http://x').searchParams.get('stage')!;
  // The stage's figures lead to its dashboard, over all time like the map's count.
  expect(href).toBe(`/dashboard/stages?journey=${demo.bengkelJourneyId}&stage=${stageId}&range=all`);

  // All time: the recount's mean − 3, "± half the 95 % interval", then the map's own +2.
  const stars = await exportedStars(page, { journey: demo.bengkelJourneyId, stage: stageId });
  const mean = stars.reduce((a, s) => a + s, 0) / stars.length;
  const measured = purchase.getByTestId('measured-emotion');
  await expect(measured).toHaveText(new RegExp(`^Emosi nyata dari ulasan: ${signed1(mean - 3)} \\(±\\d,\\d\\) · rancangan Anda: \\+2$`));
  // The curve (one SVG, no chart library) draws the measured points (dashed, square) beside the designed ones, and its name reads both.
  const curve = page.getByRole('img', { name: /^Emosi pelanggan di setiap tahap: / });
  await expect(curve).toHaveCount(1);
  await expect(curve.locator('rect[fill="#9a3412"]')).not.toHaveCount(0);
  await expect(curve.locator('circle[fill="#065f46"]')).not.toHaveCount(0);
  await expect(curve).toHaveAccessibleName(/Pembelian: [^;]+, Emosi nyata dari ulasan: [−+-]?\d,\d \(±\d,\d\)/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page, 390);

  // Paper: the same measured figure in a row of its own.
  await page.goto(`/journeys/${demo.bengkelJourneyId}/print`);
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Emosi nyata dari ulasan (−2 sampai +2)', exact: true }) });
  await expect(row.locator('td').nth(purchaseIndex)).toHaveText(new RegExp(`^${signed1(mean - 3)} \\(±\\d,\\d\\) · rancangan Anda: \\+2$`));
});
