import { expect, expectAccessible, test } from './fixtures';

test.describe('landing page and language', () => {
  test('opens in Indonesian, switches to English and back, and remembers the choice', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pahami perjalanan pelanggan Anda, dari kenal sampai setia');
    await expect(page.getByRole('link', { name: 'Daftar gratis' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Understand your customers' journey, from first look to loyal fan");
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('link', { name: 'Sign up free' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pahami perjalanan pelanggan Anda, dari kenal sampai setia');
  });

  test('the language switch works with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Understand your customers');
    await context.close();
  });

  test('can be used with the keyboard: skip link first, then the page', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Langsung ke isi' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('an unknown page answers 404 in the chosen language', async ({ page, expectedErrors }) => {
    expectedErrors.push(/^404 .*\/halaman-yang-tidak-ada$/);
    const res = await page.goto('/halaman-yang-tidak-ada');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test('health endpoint answers when the database does', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  expect(await res.json()).toEqual({ ok: true, db: 'pglite' });
});
