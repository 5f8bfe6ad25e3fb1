/**
 * The public review page /r/<slug> as a customer meets it: on a phone, signed out, with
 * JavaScript off and on. The seed's link `demo-bengkel` (Bengkel Maju Jaya, purchase stage).
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

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

/**
 * Counter mode on a shop's tablet (`?mode=counter`), and the offline tests that add reviews: on
 * Kedai Kopi Senja's table QR link (it asks for contact details too), so Bengkel Maju Jaya's inbox,
 * which e2e/reviews-owner.spec.ts reads, keeps its seeded reviews on top.
 */
const kopiSlug = 'c5wq8hzte';
const kopiPath = `/r/${kopiSlug}`;
const counterPath = `${kopiPath}?mode=counter&lang=id`;

/** Reviews still waiting in this browser's queue (localStorage). */
const queued = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jejak-review:')).length);

/** The posts of the review form fail as on a network that drops them (the page itself still loads). */
const kopiPage = new RegExp(`/r/${kopiSlug}\\?`);
const postsFail = (page: Page) => page.route(kopiPage, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));

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

  test('English by ?lang=en and by the browser (unless the business chose a language); the switch links both', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });
    const page = await context.newPage();
    // Kedai Kopi Senja's pages follow the browser's language.
    await page.goto('/r/u2d7jrn4x');
    await expect(page.getByRole('group', { name: 'How many stars for your experience?' })).toBeVisible();
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page).toHaveURL(/\/r\/u2d7jrn4x\?lang=id$/);
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeVisible();
    // Bengkel Maju Jaya chose Indonesian for its public pages: that comes before the browser's.
    await page.goto(path);
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeVisible();
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/r\/demo-bengkel\?lang=en$/);
    await expect(page.getByRole('group', { name: 'How many stars for your experience?' })).toBeVisible();
    await context.close();
  });

  test('counter mode: the thank-you offers nothing to the tablet and refreshes itself to a fresh form', async ({ page }) => {
    await page.goto(counterPath);
    const form = page.locator('#rf');
    await expect(form).toHaveAttribute('action', `${kopiPath}?mode=counter&lang=id`);
    await expect(form).toHaveAttribute('autocomplete', 'off');
    const comment = page.getByLabel('Ceritakan lebih lanjut (tidak wajib)');
    await chooseStars(page, 3);
    await comment.fill('Kasir tanpa JavaScript.');
    await page.waitForTimeout(fillTime);
    // The thank-you refreshes itself after a few seconds: read it as it arrived.
    const [thanks] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(`${kopiPath}/thanks?mode=counter&lang=id`)),
      page.getByRole('button', { name: 'Kirim ulasan' }).click(),
    ]);
    const html = await thanks.text();
    expect(html).toContain('<h1>Terima kasih!</h1>');
    expect(html).toContain(`<meta http-equiv="refresh" content="5;url=${kopiPath}?mode=counter&#38;lang=id">`);
    expect(html).toContain(`<a class="btn" href="${kopiPath}?mode=counter&#38;lang=id">Pelanggan berikutnya</a>`);
    for (const offer of ['Kirim lewat WhatsApp', 'wa.me', 'Google Maps']) expect(html).not.toContain(offer);
    expect(thanks.headers()['content-security-policy']).toContain("script-src 'none'");

    // Without any script, the refresh brings the next customer an empty form.
    await expect(page).toHaveURL(new RegExp(`${kopiPath}\\?mode=counter&lang=id$`), { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeVisible();
    await expect(comment).toHaveValue('');
    await expect(page.locator('input[name=stars]:checked')).toHaveCount(0);
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
    await expect(page.getByRole('link', { name: 'Send via WhatsApp' })).toBeVisible();
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

  test('offline, then the page reopened: the review is still waiting, shown again, and sent with its key', async ({ page, context }) => {
    await page.goto(`${kopiPath}?lang=id`);
    await chooseStars(page, 4);
    const comment = `Tersimpan di ponsel ${Date.now().toString(36)}`;
    await page.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill(comment);
    await page.waitForTimeout(fillTime);
    const key = await page.locator('input[name=key]').inputValue();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();
    await expect(page.getByRole('status')).toContainText('Menunggu sinyal');
    // A connection that loads pages but drops the posts; the customer reopens the page meanwhile.
    await postsFail(page);
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByRole('status')).toContainText('Menunggu sinyal');
    await expect(page.getByLabel('Ceritakan lebih lanjut (tidak wajib)')).toHaveValue(comment);
    await expect(page.locator('#f-stars-4')).toBeChecked();
    await expect(page.locator('input[name=key]')).toHaveValue(key);
    await page.unroute(kopiPage);
    await page.getByRole('button', { name: 'Coba kirim sekarang' }).click();
    await expect(page).toHaveURL(new RegExp(`${kopiPath}/thanks\\?lang=id$`));
    expect(await queued(page)).toBe(0);
  });

  test('counter mode: the thank-you, then within seconds a fresh, empty form with a new key for the next customer', async ({ page }) => {
    await page.goto(counterPath);
    const form = page.locator('#rf');
    await expect(form).toHaveAttribute('autocomplete', 'off');
    const first = { key: await page.locator('input[name=key]').inputValue(), t: Number(await page.locator('input[name=t]').inputValue()) };
    const comment = page.getByLabel('Ceritakan lebih lanjut (tidak wajib)');
    const name = page.getByLabel('Nama depan', { exact: true });
    await chooseStars(page, 5);
    await comment.fill('Pelayanan kasir ramah.');
    if (await name.count()) {
      await name.fill('Sari');
      await page.getByLabel('Nomor WhatsApp', { exact: true }).fill('0812 3456 7890');
      await page.getByLabel(/Saya setuju/).check();
    }
    await page.waitForTimeout(fillTime);
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();

    // The thank-you in the page, for the person at the counter: no offers meant for their own phone.
    const thanks = page.locator('#rt');
    await expect(thanks.getByRole('heading', { level: 1 })).toHaveText('Terima kasih!');
    await expect(thanks).toContainText(/Formulir untuk pelanggan berikutnya terbuka dalam \d detik\./);
    await expect(page.getByRole('button', { name: 'Pelanggan berikutnya' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveCount(0);
    await expectAccessible(page);

    // By itself, a few seconds later: the next customer's form, nothing of the last one left.
    await expect(page.getByRole('button', { name: 'Kirim ulasan' })).toBeVisible({ timeout: 15_000 });
    await expect(thanks).toBeHidden();
    await expect(comment).toHaveValue('');
    await expect(page.locator('input[name=stars]:checked')).toHaveCount(0);
    if (await name.count()) {
      await expect(name).toHaveValue('');
      await expect(page.getByLabel('Nomor WhatsApp', { exact: true })).toHaveValue('');
      await expect(page.getByLabel(/Saya setuju/)).not.toBeChecked();
    }
    await expect(page).toHaveURL(new RegExp(`${kopiPath}\\?mode=counter&lang=id$`));
    // A new key, and a render time the server signed after the thank-you (not the old form's).
    await expect(page.locator('input[name=key]')).not.toHaveValue(first.key);
    await expect.poll(async () => Number(await page.locator('input[name=t]').inputValue())).toBeGreaterThan(first.t + fillTime);
    expect(await queued(page)).toBe(0);
    await expectAccessible(page);
  });

  test('counter mode offline: the reviews of two customers wait on the tablet, survive a reload and arrive in order', async ({ page, context, browser, baseURL }) => {
    test.setTimeout(120_000);
    const run = Date.now().toString(36);
    await page.goto(counterPath);
    await page.waitForTimeout(fillTime);
    await context.setOffline(true);
    const comment = page.getByLabel('Ceritakan lebih lanjut (tidak wajib)');
    const keys: string[] = [];
    for (const [n, stars] of [[1, 2], [2, 5]] as const) {
      keys.push(await page.locator('input[name=key]').inputValue());
      await chooseStars(page, stars);
      await comment.fill(`Pelanggan ${n} antre ${run}`);
      await page.getByRole('button', { name: 'Kirim ulasan' }).click();
      // Kept on the tablet; the customer gets the thank-you and the next one a fresh form.
      await expect(page.locator('#rt').getByRole('heading', { level: 1 })).toHaveText('Terima kasih!');
      await page.getByRole('button', { name: 'Pelanggan berikutnya' }).click();
      await expect(page.getByRole('status')).toContainText(`${n} ulasan menunggu dikirim`);
      await expect(comment).toHaveValue('');
    }
    expect(keys[1]).not.toBe(keys[0]);
    await expect(page.locator('input[name=key]')).not.toHaveValue(keys[1]!);
    expect(await queued(page)).toBe(2);

    // Reopened on a connection that still drops the posts: both still waiting, none shown.
    await postsFail(page);
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByRole('status')).toContainText('2 ulasan menunggu dikirim');
    await expect(comment).toHaveValue('');
    await expect(page.locator('input[name=stars]:checked')).toHaveCount(0);

    // The connection comes back: sent one at a time, oldest first.
    await page.unroute(kopiPage);
    await page.getByRole('button', { name: 'Coba kirim sekarang' }).click();
    await expect(page.getByRole('status')).toBeHidden({ timeout: 25_000 });
    expect(await queued(page)).toBe(0);

    // The owner's inbox lists newest first: the second customer above the first.
    const owner = await newContext(browser, 'id', baseURL!);
    const inbox = await owner.newPage();
    await signIn(inbox, demo.kopiOwner);
    await inbox.goto(`/reviews?q=${encodeURIComponent(`antre ${run}`)}`);
    const cards = inbox.locator('section[aria-labelledby="inbox"] article');
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText(`Pelanggan 2 antre ${run}`);
    await expect(cards.nth(1)).toContainText(`Pelanggan 1 antre ${run}`);
    await owner.close();
  });
});

test('the business logo: small, from the page’s own route, allowed by the page’s policy', async ({ page, browser, baseURL, request }) => {
  // Kedai Kopi Senja's owner adds a logo (a large one: the page must get a small copy).
  const owner = await newContext(browser, 'id', baseURL!);
  const settings = await owner.newPage();
  await signIn(settings, demo.kopiOwner);
  await settings.goto('/settings/business');
  const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: { r: 124, g: 45, b: 18 } } }).png().toBuffer();
  await settings.getByLabel('Logo (opsional)', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await settings.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(settings.getByRole('img', { name: 'Logo Kedai Kopi Senja saat ini' })).toBeVisible();
  await owner.close();

  // A customer opens one of Kedai Kopi Senja's review links.
  const res = await page.goto('/r/u2d7jrn4x?lang=id');
  expect(res?.headers()['content-security-policy']).toContain("img-src 'self' data:");
  const logo = page.getByRole('img', { name: 'Kedai Kopi Senja' });
  await expect(logo).toHaveAttribute('width', '56');
  await expect(logo).toHaveAttribute('height', '56');
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(128);
  await expectAccessible(page);

  const src = (await logo.getAttribute('src'))!;
  expect(src).toMatch(/^\/r\/u2d7jrn4x\/logo\?v=\d+$/);
  const image = await request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  expect(image.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await image.body()).length).toBeLessThan(png.length);
  expect((await request.get(src.replace(/v=\d+/, 'v=1'))).status()).toBe(404);
  // The page without a logo asks for no image at all.
  const plain = await page.goto(`${path}?lang=id`);
  expect(plain?.headers()['content-security-policy']).toContain('img-src data:;');
  await expect(page.locator('img')).toHaveCount(0);
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
