/**
 * Issue 7, items 1 and 2, in the browser: after signing in, a crafted callbackUrl cannot send the
 * user to another site (nor make a 500); signing out — here or everywhere — ends the session on
 * the server, so a copy of the old session cookie opens nothing.
 */
import type { Browser, BrowserContext, Cookie, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, DEMO_PASSWORD, newContext, signIn, uniqueEmail } from './helpers';

/** Signs in from whatever sign-in page is open (the callbackUrl is the page's). */
async function submitSignIn(page: Page, email: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** If the app ever sends the browser to the attacker's site, the test sees it (answered locally, no network). */
async function trapEvilSite(context: BrowserContext) {
  await context.route(
    (url) => url.hostname.endsWith('evil.example'),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' }),
  );
}

/** A second browser holding a copy of the given cookies: what someone who copied them could do. */
async function replay(browser: Browser, baseURL: string, cookies: Cookie[]) {
  const context = await newContext(browser, 'id', baseURL);
  await context.addCookies(cookies);
  return context;
}

test.describe('after signing in, the browser stays on this site', () => {
  // %09 a tab, %0a a newline, %5C a backslash: browsers drop the first two and read the third as "/".
  for (const callback of ['/%09/evil.example', '/%09%5Cevil.example', '/%0a/evil.example', '/%0d%0a/%5Cevil.example', '/.//evil.example', 'https%3A%2F%2Fevil.example%2F']) {
    test(`callbackUrl=${callback} leads to the dashboard`, async ({ page, baseURL }) => {
      await trapEvilSite(page.context());
      await page.goto(`/sign-in?callbackUrl=${callback}`);
      await submitSignIn(page, demo.kopiOwner);
      await expect(page).toHaveURL(`${baseURL}/dashboard`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Selamat datang');
    });
  }

  test('a callback to a page of this site is honoured, also as the full address the sign-in redirect gives', async ({ page, baseURL }) => {
    await page.goto('/sign-in?callbackUrl=%2Fjourneys');
    await submitSignIn(page, demo.kopiOwner);
    await expect(page).toHaveURL(`${baseURL}/journeys`);
    await page.context().clearCookies();
    // Signed out, a protected page sends the browser to sign in with its own full address.
    await page.goto('/personas');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await submitSignIn(page, demo.kopiOwner);
    await expect(page).toHaveURL(`${baseURL}/personas`);
  });

  test('a callback with CR/LF in it gets no 500, signed in or not, and never leads back to sign-in', async ({ page, baseURL }) => {
    for (const callback of ['/dash%0d%0aboard', '/%0d%0aSet-Cookie:%20x=1/../../dashboard', '/%0d%0a/evil.example']) {
      const res = await page.goto(`/sign-in?callbackUrl=${callback}`);
      expect(res?.status(), callback).toBe(200);
    }
    await trapEvilSite(page.context());
    await signIn(page, demo.kopiOwner);
    // Signed in, the sign-in page sends the browser straight on: a redirect, with a clean Location.
    for (const callback of ['/dash%0d%0aboard', '/%0d%0a/evil.example', '/sign-in', '/sign-in%3FcallbackUrl%3D%252Fsign-in', '/%73ign-in']) {
      const res = await page.goto(`/sign-in?callbackUrl=${callback}`);
      expect(res?.status(), callback).toBe(200);
      await expect(page, callback).toHaveURL(`${baseURL}/dashboard`);
    }
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('x');
  });
});

test.describe('signing out ends the session on the server', () => {
  test('a copy of the cookie taken before signing out opens nothing afterwards', async ({ page, browser, baseURL }) => {
    await signIn(page, demo.kopiOwner);
    const copied = await page.context().cookies();
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const thief = await replay(browser, baseURL!, copied);
    const stolen = await thief.newPage();
    await stolen.goto('/dashboard');
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole('heading', { level: 1 })).toHaveText('Masuk ke Jejak');
    expect(await (await thief.request.get('/api/auth/session')).json()).toEqual({});
    await thief.close();
  });

  test('"sign out everywhere" on the profile page ends every session of the account, this one too', async ({ page, browser, baseURL }, testInfo) => {
    const laptop = await newContext(browser, 'id', baseURL!);
    const laptopPage = await laptop.newPage();
    await signIn(laptopPage, demo.kopiStaff);
    await signIn(page, demo.kopiStaff);
    const copied = await page.context().cookies();

    await page.goto('/settings/profile');
    await expect(page.getByRole('heading', { name: 'Perangkat yang masuk' })).toBeVisible();
    await expect(page.getByText('Tombol ini langsung mengeluarkan akun Anda dari semua perangkat, termasuk perangkat ini.')).toBeVisible();
    const button = page.getByRole('button', { name: 'Keluar dari semua perangkat', exact: true });
    await button.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('profile-sign-out-everywhere-id.png'), fullPage: true });
    await expectAccessible(page);
    await button.click();
    await expect(page).toHaveURL(/\/sign-in/);

    // The other device, and a copy of this one's old cookie: both signed out.
    await laptopPage.goto('/dashboard');
    await expect(laptopPage).toHaveURL(/\/sign-in/);
    const thief = await replay(browser, baseURL!, copied);
    const stolen = await thief.newPage();
    await stolen.goto('/settings/profile');
    await expect(stolen).toHaveURL(/\/sign-in/);
    expect(await (await thief.request.get('/api/auth/session')).json()).toEqual({});
    await Promise.all([laptop.close(), thief.close()]);

    // Signing in again works as before.
    await signIn(page, demo.kopiStaff);
  });

  test('a password change keeps this device signed in, but the old cookie and the other devices are out', async ({ page, browser, baseURL }) => {
    const email = uniqueEmail('sandi');
    const oldPassword = 'es-kopi-susu-gula-aren';
    await page.goto('/sign-up');
    await page.getByLabel('Nama Anda', { exact: true }).fill('Dewi');
    await page.getByLabel('Nama usaha', { exact: true }).fill('Salon Dewi');
    await page.getByLabel('Jenis usaha', { exact: true }).selectOption('salon');
    await page.getByLabel('Kota', { exact: true }).fill('Denpasar');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(oldPassword);
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const laptop = await newContext(browser, 'id', baseURL!);
    const laptopPage = await laptop.newPage();
    await signIn(laptopPage, email, oldPassword);
    const copied = await page.context().cookies();

    await page.goto('/settings/profile');
    await page.getByLabel('Kata sandi saat ini', { exact: true }).fill(oldPassword);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('teh-tarik-tanpa-gula-99');
    await page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill('teh-tarik-tanpa-gula-99');
    await page.getByRole('button', { name: 'Ganti kata sandi', exact: true }).click();
    await expect(page.getByText('Kata sandi sudah diganti. Anda sudah dikeluarkan dari semua perangkat lain.')).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(await (await page.context().request.get('/api/auth/session')).json()).toMatchObject({ user: { email } });

    await laptopPage.goto('/dashboard');
    await expect(laptopPage).toHaveURL(/\/sign-in/);
    const thief = await replay(browser, baseURL!, copied);
    expect(await (await thief.request.get('/api/auth/session')).json()).toEqual({});
    await Promise.all([laptop.close(), thief.close()]);
  });

  test('the profile page offers it in English too', async ({ browser, baseURL }, testInfo) => {
    const context = await newContext(browser, 'en', baseURL!);
    const page = await context.newPage();
    await signIn(page, demo.kopiStaff, DEMO_PASSWORD, 'en');
    await page.goto('/settings/profile');
    await expect(page.getByRole('heading', { name: 'Signed-in devices' })).toBeVisible();
    const button = page.getByRole('button', { name: 'Sign out on all devices', exact: true });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('profile-sign-out-everywhere-en.png') });
    await context.close();
  });
});
