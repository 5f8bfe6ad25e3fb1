/**
 * The signed-in header's two session calls, made without next-auth's client library since issue 11
 * item 2 (lib/auth/browser.ts): joining a second business and switching between businesses
 * (next-auth's session update with its CSRF token), and signing out (its sign-out POST), in a real
 * browser against the production build.
 */
import { expect, test } from './fixtures';
import { newContext, uniqueEmail } from './helpers';

const password = 'kopi-susu-gula-aren';

async function signUp(page: import('@playwright/test').Page, name: string, business: string, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill(name);
  await page.getByLabel('Nama usaha', { exact: true }).fill(business);
  await page.getByLabel('Jenis usaha', { exact: true }).selectOption('laundry');
  await page.getByLabel('Kota', { exact: true }).fill('Malang');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test('a member of two businesses switches between them in the header, then signs out', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const first = `Laundry Pertama ${suffix}`;
  const second = `Laundry Kedua ${suffix}`;

  // The first business's owner makes an invite link.
  const ownerCtx = await newContext(browser, 'id', baseURL!);
  const owner = await ownerCtx.newPage();
  await signUp(owner, 'Rina', first, uniqueEmail('pertama'));
  await owner.getByRole('link', { name: 'Tim', exact: true }).click();
  await owner.getByRole('button', { name: 'Buat tautan undangan' }).click();
  const link = await owner.getByLabel('Tautan undangan', { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[0-9a-f-]{36}\/[A-Za-z0-9_-]+$/);

  // The owner of a second business, signed in, joins the first: the join switches to it.
  const ctx = await newContext(browser, 'id', baseURL!);
  const page = await ctx.newPage();
  await signUp(page, 'Joko', second, uniqueEmail('kedua'));
  const brand = page.locator('header a[href="/dashboard"]').first();
  await expect(brand).toContainText(second);
  await page.goto(new URL(link).pathname);
  await page.getByRole('button', { name: 'Gabung', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(brand).toContainText(first);

  // The header's switcher: back to the second business; the session now says so (a fresh load).
  const switcher = page.getByLabel('Usaha aktif', { exact: true });
  await expect(switcher.locator('option')).toHaveCount(2);
  const secondId = (await switcher.locator('option', { hasText: second }).getAttribute('value'))!;
  await switcher.selectOption(secondId);
  await page.getByRole('button', { name: 'Ganti', exact: true }).click();
  // Switched once the header names the second business (the session is updated, then the page
  // refreshed); the select alone shows the choice before the request has been sent.
  await expect(brand).toContainText(second);
  await expect(switcher).toHaveValue(secondId);
  await page.goto('/dashboard');
  await expect(brand).toContainText(second);

  // Sign out from the header: the sign-in page at this address and port, and the session is gone.
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/sign-in`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk ke Jejak');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);

  await ownerCtx.close();
  await ctx.close();
});
