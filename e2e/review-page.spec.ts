/**
 * The public review page /r/<slug> as a customer meets it: on a phone, signed out, with
 * JavaScript off and on. The seed's link `demo-bengkel` (Bengkel Maju Jaya, purchase stage).
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const path = '/r/demo-bengkel';
/**
 * The page stores a form sent back sooner than this after it was rendered as spam
 * (lib/reviews/page/token.ts MIN_FILL_MS = 3 s): the tests wait like a person would.
 */
const fillTime = 3_200;

async function chooseStars(page: Page, n: number) {
  // The radio itself is visually hidden; people press its star (the label).
  await page.locator(`label[for="f-stars-${n}"]`).click();
  await expect(page.locator(`#f-stars-${n}`)).toBeChecked();
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a customer sends a review and sees the thank-you', async ({ page }) => {
    const res = await page.goto(`${path}?lang=id`);
    expect(res?.status()).toBe(200);
    const headers = res!.headers();
    // Its own strict policy (not the app's nonce policy), no cookies, no framework scripts.
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+';/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['set-cookie']).toBeUndefined();
    expect(await page.locator('script[src], link[rel=stylesheet]').count()).toBe(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Berapa bintang untuk pengalaman Anda?' })).toBeVisible();

    await chooseStars(page, 4);
    await page.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill('Servis cepat, mekaniknya ramah. Tanpa JavaScript.');
    await page.waitForTimeout(fillTime);
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();

    await expect(page).toHaveURL(/\/r\/demo-bengkel\/thanks\?lang=id$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terima kasih!');
    await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
  });

  test('bad input: the form comes back with messages next to the fields and every typed value', async ({ page, expectedErrors }) => {
    expectedErrors.push(/^422 .*\/r\/demo-bengkel/);
    await page.goto(`${path}?lang=id`);
    const comment = 'Antri lama <b>banget</b> & ruang tunggu panas';
    await page.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill(comment);
    const name = page.getByLabel('Nama depan', { exact: true });
    const hasContact = (await name.count()) > 0;
    if (hasContact) {
      await name.fill('Sari');
      await page.getByLabel('Nomor WhatsApp', { exact: true }).fill('12345');
    }
    // No stars chosen.
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Kirim ulasan' }).click()]);
    expect(answer.status()).toBe(422);
    await expect(page.locator('#e-stars')).toHaveText('Pilih 1 sampai 5 bintang.');
    await expect(page.getByLabel('Ceritakan lebih lanjut (tidak wajib)')).toHaveValue(comment);
    if (hasContact) {
      await expect(page.getByLabel('Nama depan', { exact: true })).toHaveValue('Sari');
      await expect(page.getByLabel('Nomor WhatsApp', { exact: true })).toHaveValue('12345');
      await expect(page.locator('#e-whatsapp')).toContainText('bukan nomor HP Indonesia');
      await expect(page.locator('#e-contactConsent')).toContainText('Centang persetujuan ini');
    }
    await expect(page.getByRole('alert')).toContainText('Ulasan belum terkirim');
  });

  test('English by ?lang=en and by the browser; the switch links both', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('group', { name: 'How many stars for your experience?' })).toBeVisible();
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page).toHaveURL(/\?lang=id$/);
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeVisible();
    await context.close();
  });
});

test.describe('with JavaScript on', () => {
  test('a customer sends a review; instant validation first', async ({ page }) => {
    await page.goto(`${path}?lang=en`);
    await page.getByRole('button', { name: 'Send review' }).click();
    // Checked in the page, nothing posted.
    await expect(page.locator('#e-stars')).toHaveText('Choose 1 to 5 stars.');
    await expect(page).toHaveURL(/\/r\/demo-bengkel\?lang=en$/);
    await chooseStars(page, 5);
    await expect(page.locator('#e-stars')).toHaveText('');
    await page.getByLabel('Tell us more (optional)').fill('Fast and friendly. With JavaScript.');
    await page.waitForTimeout(fillTime);
    await page.getByRole('button', { name: 'Send review' }).click();
    await expect(page).toHaveURL(/\/r\/demo-bengkel\/thanks\?lang=en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you!');
    await expect(page.getByRole('link', { name: 'Send on WhatsApp' })).toBeVisible();
    await expectAccessible(page);
  });

  test('offline: the review waits on the phone and is sent with its key when back online', async ({ page, context }) => {
    await page.goto(`${path}?lang=id`);
    await chooseStars(page, 3);
    await page.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill('Dikirim setelah sinyal kembali.');
    await page.waitForTimeout(fillTime);
    const key = await page.locator('input[name=key]').inputValue();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();
    await expect(page.getByRole('status')).toContainText('Menunggu sinyal');
    expect(await page.evaluate((k) => localStorage.getItem(`jejak-review:${k}`), key)).toContain('Dikirim setelah sinyal kembali.');
    await context.setOffline(false);
    // The 'online' event sends it (the page also retries every 20 s).
    await expect(page).toHaveURL(/\/thanks\?lang=id$/, { timeout: 25_000 });
    expect(await page.evaluate((k) => localStorage.getItem(`jejak-review:${k}`), key)).toBeNull();
  });
});

test('accessible: the form, the form with messages, the thank-you (axe)', async ({ page, expectedErrors }) => {
  // axe runs as a script in the page, so this is checked with JavaScript on; the script changes
  // no markup but the painted stars and the messages it fills in.
  expectedErrors.push(/^422 .*\/r\/demo-bengkel/);
  await page.goto(`${path}?lang=id`);
  await expectAccessible(page);
  await chooseStars(page, 2);
  const number = page.getByLabel('Nomor WhatsApp', { exact: true });
  if (await number.count()) {
    // Passes the in-page checks, refused by the server: the page with the server's messages.
    await number.fill('12345');
    await page.getByLabel(/Saya setuju/).check();
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();
    await expect(page.locator('#e-whatsapp')).toContainText('bukan nomor HP Indonesia');
    await expect(number).toHaveValue('12345');
    await expectAccessible(page);
  }
  await page.goto(`${path}/thanks?lang=id`);
  await expectAccessible(page);
});

test('the same submission key posted twice: the same thank-you both times', async ({ request }) => {
  const form = await (await request.get(`${path}?lang=id`)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '';
  const body = { key: field('key'), t: field('t'), sig: field('sig'), website: '', stars: '5', comment: 'Dobel ketuk.' };
  expect(body.key).toMatch(/^[0-9a-f-]{36}$/);
  await new Promise((r) => setTimeout(r, fillTime));
  const first = await request.post(`${path}?lang=id`, { form: body, maxRedirects: 0 });
  const second = await request.post(`${path}?lang=id`, { form: body, maxRedirects: 0 });
  expect(first.status()).toBe(303);
  expect(second.status()).toBe(303);
  expect(second.headers().location).toBe(first.headers().location);
  expect(first.headers().location).toBe('/r/demo-bengkel/thanks?lang=id');
});

test('unknown links are a friendly 404; nothing answers 500', async ({ page, request, expectedErrors }) => {
  expectedErrors.push(/^404 .*\/r\//);
  for (const p of ['/r/zzzzzzzzz?lang=id', '/r/zzzzzzzzz/thanks?lang=id', '/r/demo-tidakada?lang=id', '/r/%E2%80%AE?lang=id']) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tautan ulasan tidak ditemukan');
  }
  await expectAccessible(page);
  // Wrong types, a NUL, invalid UTF-8, a huge value: the form again with a message, never a 500.
  for (const data of ['stars=abc&nps=99', 'stars=5&comment=a%00b', 'stars=5&comment=ok%C3%28', `stars=9&comment=${'x'.repeat(3000)}`, '']) {
    const res = await request.post(`${path}?lang=id`, { data, headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
    expect(res.status(), data.slice(0, 40)).toBe(422);
    expect(await res.text()).toContain('id="errs"');
  }
});
