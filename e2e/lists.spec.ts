/**
 * Lists that grow (issue 11 items 3 and 11), in a real browser on a phone: the personas list shows
 * a page of 24 with a link to the next, searches by name through a GET form (which works without
 * JavaScript too), and a page view fires no background prefetch of other pages; the compare page
 * opened without parameters offers the form to pick two versions instead of a 404.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn, uniqueEmail } from './helpers';

const ui = {
  name: 'Nama Anda',
  business: 'Nama usaha',
  type: 'Jenis usaha',
  city: 'Kota',
  zone: 'Zona waktu',
  email: 'Email',
  password: 'Kata sandi',
  signUp: 'Daftar',
  personaName: 'Nama persona',
  save: 'Simpan',
  search: 'Cari persona',
  searchButton: 'Cari',
  next: 'Halaman berikutnya',
  first: 'Kembali ke halaman pertama',
  compareHeading: 'Bandingkan dua versi',
  from: 'Versi lama',
  to: 'Versi baru',
  compare: 'Bandingkan',
};

const cards = (page: Page) => page.getByRole('main').getByRole('listitem');

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('the personas list pages by 24 and searches on the server, with and without JavaScript', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await newContext(browser, 'id', baseURL!);
  const page = await context.newPage();
  // A business of its own, so the counts are known.
  await page.goto('/sign-up');
  await page.getByLabel(ui.name, { exact: true }).fill('Sari');
  await page.getByLabel(ui.business, { exact: true }).fill('Warung Daftar Panjang');
  await page.getByLabel(ui.type, { exact: true }).selectOption('warung');
  await page.getByLabel(ui.city, { exact: true }).fill('Malang');
  await page.getByLabel(ui.zone, { exact: true }).selectOption('Asia/Jakarta');
  await page.getByLabel(ui.email, { exact: true }).fill(uniqueEmail('daftar'));
  await page.getByLabel(ui.password, { exact: true }).fill('nasi-pecel-pedas-2026');
  await page.getByRole('button', { name: ui.signUp, exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // 25 customers named "Pelanggan 01".."Pelanggan 25", and one "Bu Sari Rahasia" (first by name).
  const names = [...Array.from({ length: 25 }, (_, i) => `Pelanggan ${String(i + 1).padStart(2, '0')}`), 'Bu Sari Rahasia'];
  for (const name of names) {
    await page.goto('/personas/new');
    await page.getByLabel(ui.personaName, { exact: true }).fill(name);
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}\?created=1$/);
  }

  // The first page: 24 cards, in name order, and a link to the next page; no background prefetch.
  const rsc: string[] = [];
  page.on('request', (req) => {
    if (req.headers()['rsc'] === '1') rsc.push(req.url());
  });
  await page.goto('/personas');
  await expect(cards(page)).toHaveCount(24);
  await expect(cards(page).first()).toContainText('Bu Sari Rahasia');
  await expect(cards(page).last()).toContainText('Pelanggan 23');
  await page.waitForTimeout(1500);
  expect(rsc, 'no link of the page or the header is prefetched').toEqual([]);
  await noSideScroll(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: ui.next, exact: true }).click();
  await expect(page).toHaveURL(/\/personas\?after=[A-Za-z0-9_-]+$/);
  await expect(cards(page)).toHaveCount(2);
  await expect(cards(page).nth(0)).toContainText('Pelanggan 24');
  await expect(cards(page).nth(1)).toContainText('Pelanggan 25');
  await expect(page.getByRole('link', { name: ui.next, exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: ui.first, exact: true }).click();
  await expect(cards(page)).toHaveCount(24);

  // A search: the matches and how many, the words kept in the field.
  await page.getByLabel(ui.search, { exact: true }).fill('sari');
  await page.getByRole('button', { name: ui.searchButton, exact: true }).click();
  await expect(page).toHaveURL(/\/personas\?q=sari$/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('Bu Sari Rahasia');
  await expect(page.getByText('Ditemukan 1 persona untuk “sari”.')).toBeVisible();
  await expect(page.getByLabel(ui.search, { exact: true })).toHaveValue('sari');
  await noSideScroll(page);
  await expectAccessible(page);

  // Without JavaScript: the same search and paging are plain GET forms and links.
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, storageState: await context.storageState() });
  const plain = await noJs.newPage();
  await plain.goto('/personas');
  await expect(cards(plain)).toHaveCount(24);
  await plain.getByLabel(ui.search, { exact: true }).fill('pelanggan 2');
  await plain.getByRole('button', { name: ui.searchButton, exact: true }).click();
  await expect(plain).toHaveURL(/\/personas\?q=pelanggan\+2$/);
  await expect(cards(plain)).toHaveCount(8); // 02, 12, 20–25
  await expect(plain.getByText('Ditemukan 8 persona untuk “pelanggan 2”.')).toBeVisible();
  await plain.getByLabel(ui.search, { exact: true }).fill('tidak ada');
  await plain.getByRole('button', { name: ui.searchButton, exact: true }).click();
  await expect(cards(plain)).toHaveCount(0);
  await expect(plain.getByText('Tidak ada persona yang cocok dengan “tidak ada”.', { exact: false })).toBeVisible();
  await noJs.close();
  await context.close();
});

test('the compare page without parameters offers the form to pick two versions', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  const base = `/journeys/${demo.bengkelJourneyId}/versions/compare`;
  const res = await page.goto(base);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bandingkan versi');
  await expect(page.getByRole('heading', { name: ui.compareHeading, exact: true })).toBeVisible();
  await expect(page.getByLabel(ui.from, { exact: true })).toBeVisible();
  await expect(page.getByLabel(ui.to, { exact: true })).toHaveValue('current');
  await noSideScroll(page);
  await expectAccessible(page);

  // One side only, or a malformed one: still the form, not an error.
  expect((await page.goto(`${base}?a=current`))?.status()).toBe(200);
  await expect(page.getByLabel(ui.to, { exact: true })).toBeVisible();
  expect((await page.goto(`${base}?a=bukan&b=current`))?.status()).toBe(200);

  // Picking two compares them.
  await page.goto(base);
  await page.getByRole('button', { name: ui.compare, exact: true }).click();
  await expect(page).toHaveURL(/\/versions\/compare\?a=[0-9a-f-]{36}&b=current$/);
  await expect(page.getByRole('heading', { name: 'Perubahan', exact: true })).toBeVisible();
});
