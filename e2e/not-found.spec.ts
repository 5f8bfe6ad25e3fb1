/**
 * A 404 inside the app stays inside the app (issue 11, item 11): the app's own header, one header
 * only, no public "Masuk", and the way back is the dashboard. Signed out, a 404 keeps the public
 * header (e2e/foundation.spec.ts checks its language switch).
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const unknownId = '00000000-0000-4000-8000-000000000000';

test.use({ locale: 'id-ID' });

async function expectInAppNotFound(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Dasbor', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keluar', exact: true })).toBeVisible();
  // No sideways scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('signed in, an unknown id, another business’s id and an unknown path are 404s inside the app', async ({ browser, baseURL, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  const context = await newContext(browser, 'id', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.kopiOwner);

  for (const path of [`/journeys/${unknownId}`, `/journeys/${demo.bengkelJourneyId}`, `/personas/${demo.bengkelPersonaId}`, `/journeys/${unknownId}/tidak/ada`, '/halaman-yang-tidak-ada']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expectInAppNotFound(page);
  }
  await expectAccessible(page);

  await page.goto(`/journeys/${unknownId}`);
  await page.getByRole('link', { name: 'Kembali ke dasbor', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.close();
});

test('signed out, an unknown page keeps the public header', async ({ page, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  expect((await page.goto('/halaman-yang-tidak-ada'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await expect(page.getByRole('link', { name: 'Masuk', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kembali ke beranda', exact: true })).toHaveAttribute('href', '/');
});
