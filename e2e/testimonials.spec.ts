/**
 * From the owner to a customer to a testimonial (issue 9, "tests that must exist"), on a phone:
 * Kedai Kopi Senja's owner creates a review link that asks for testimonial consent, opens its QR
 * PNG and its poster; one customer with JavaScript off and one with it on send a review with
 * consent; the owner sees both in the inbox and features one; the owner sets up the testimonial
 * page (an address another business holds is refused) and the featured review appears on
 * /t/<slug> under the honesty line, the other does not, and no phone number anywhere. Then the
 * page itself: its policies (the embed may be framed, the page may not), without JavaScript, in
 * both languages (the business's default before the browser's), axe, 390 px and a laptop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

/** The review page stores a form sent back sooner than 3 s after it was rendered as spam (lib/reviews/page/token.ts). */
const fillTime = 3_200;
const linkPath = /\/reviews\/links\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const honesty = /^Menampilkan (\d+) dari (\d+) ulasan; rata-rata semua ulasan \d+,\d dari 5 bintang\.$/;

/** A customer's phone: signed out, Indonesian, JavaScript as given. */
async function customer(browser: Browser, javaScriptEnabled: boolean) {
  return browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: 'id-ID', extraHTTPHeaders: { 'accept-language': 'id-ID,id;q=0.9' } });
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('owner → customers → testimonial: a link with consent, two reviews (JavaScript off and on), one featured on the testimonial page', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const h1 = page.getByRole('heading', { level: 1 });

  // The owner creates a review link that asks for contact details and testimonial consent.
  await signIn(page, demo.kopiOwner);
  await page.goto('/reviews/links/new');
  const stage = page.getByLabel('Tahap', { exact: true });
  await stage.selectOption({ label: ((await stage.locator('option').nth(1).textContent()) ?? '').trim() });
  await page.getByLabel('Titik kontak (opsional)', { exact: true }).fill(`QR di meja ${run}`);
  await page.getByLabel('Nama dan nomor WhatsApp (opsional, hanya dengan persetujuan pelanggan)', { exact: true }).check();
  await page.getByLabel('Izin menampilkan ulasan sebagai testimoni', { exact: true }).check();
  await page.getByRole('button', { name: 'Buat tautan', exact: true }).click();
  await expect(page).toHaveURL(linkPath);
  const linkId = linkPath.exec(page.url())![1]!;
  const shortLink = await page.getByRole('textbox', { name: 'Tautan pendek', exact: true }).inputValue();
  const reviewPath = new URL(shortLink).pathname;
  expect(reviewPath).toMatch(/^\/r\/[a-z0-9]{9}$/);

  // Its QR code as PNG, and its poster.
  const png = await page.request.get(`/api/review-links/${linkId}/qr?format=png`);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const poster = await page.goto(`/reviews/links/${linkId}/poster`);
  expect(poster?.status()).toBe(200);
  await expect(page.getByText(shortLink.replace(/^https?:\/\//, ''), { exact: true })).toBeVisible();

  // Customer 1, JavaScript off: a plain form post, with her name and number and testimonial consent.
  const offComment = `Es kopi gula arennya mantap, tempat nyaman. Tanpa JavaScript ${run}`;
  const off = await customer(browser, false);
  const one = await off.newPage();
  await one.goto(`${reviewPath}?lang=id`);
  await one.locator('label[for="f-stars-4"]').click();
  await one.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill(offComment);
  await one.getByLabel('Nama depan', { exact: true }).fill('Rina Susanti');
  await one.getByLabel('Nomor WhatsApp', { exact: true }).fill('0812 7777 3456');
  await one.getByLabel(/^Saya setuju Kedai Kopi Senja menyimpan nama dan nomor saya/).check();
  await one.getByLabel(/^Boleh ulasan ini ditampilkan sebagai testimoni/).check();
  await one.waitForTimeout(fillTime);
  await one.getByRole('button', { name: 'Kirim ulasan' }).click();
  await expect(one).toHaveURL(/\/thanks\?lang=id$/);
  await expect(one.getByRole('heading', { level: 1 })).toHaveText('Terima kasih!');
  await off.close();

  // Customer 2, JavaScript on: consent too, but the owner will not feature this one.
  const onComment = `Wi-Fi kencang, baristanya ramah. Dengan JavaScript ${run}`;
  const on = await customer(browser, true);
  const two = await on.newPage();
  await two.goto(`${reviewPath}?lang=id`);
  await two.locator('label[for="f-stars-5"]').click();
  await two.getByLabel('Ceritakan lebih lanjut (tidak wajib)').fill(onComment);
  await two.getByLabel(/^Boleh ulasan ini ditampilkan sebagai testimoni/).check();
  await two.waitForTimeout(fillTime);
  await two.getByRole('button', { name: 'Kirim ulasan' }).click();
  await expect(two).toHaveURL(/\/thanks\?lang=id$/);
  await on.close();

  // The owner sees both in the inbox and features the first.
  await page.goto(`/reviews?q=${encodeURIComponent(run)}`);
  const cards = page.locator('section[aria-labelledby="inbox"] article');
  await expect(cards).toHaveCount(2);
  const offCard = cards.filter({ hasText: offComment });
  await expect(cards.filter({ hasText: onComment })).toHaveCount(1);
  await offCard.getByRole('button', { name: 'Tampilkan sebagai testimoni', exact: true }).click();
  await expect(offCard.getByText('Ditampilkan sebagai testimoni', { exact: true })).toBeVisible();

  // The testimonial page, set up through the owner's page (linked from the reviews page).
  await page.goto('/reviews');
  await page.getByRole('link', { name: 'Halaman testimoni', exact: true }).click();
  await expect(page).toHaveURL(/\/reviews\/testimonials$/);
  await expect(h1).toHaveText('Halaman testimoni');
  const slugField = page.getByRole('textbox', { name: 'Alamat halaman', exact: true });
  // Suggested from the business's name.
  await expect(slugField).toHaveValue('kedai-kopi-senja');
  await expectAccessible(page);
  // Bengkel Maju Jaya's address is taken: refused under the field, what was typed kept.
  await slugField.fill('bengkel-maju-jaya');
  await page.getByRole('button', { name: 'Buat halaman', exact: true }).click();
  await expect(page.getByText('Alamat “bengkel-maju-jaya” sudah dipakai usaha lain.', { exact: false })).toBeVisible();
  await expect(slugField).toHaveValue('bengkel-maju-jaya');
  await expect(slugField).toHaveAttribute('aria-invalid', 'true');
  // What the owner types is made into an address.
  await slugField.fill(`Kedai Kopi Senja ${run}`);
  await page.getByRole('button', { name: 'Buat halaman', exact: true }).click();
  const slug = `kedai-kopi-senja-${run}`;
  const publicAddress = page.getByRole('textbox', { name: 'Alamat publik', exact: true });
  await expect(publicAddress).toHaveValue(`${baseURL}/t/${slug}`);
  await expect(page.getByRole('link', { name: 'Buka halaman', exact: true })).toHaveAttribute('href', `${baseURL}/t/${slug}`);
  const snippet = await page.getByRole('textbox', { name: 'Kode untuk disematkan', exact: true }).inputValue();
  expect(snippet).toBe(
    `<iframe src="${baseURL}/t/${slug}/embed" title="Testimoni pelanggan Kedai Kopi Senja" loading="lazy" style="width:100%;max-width:40rem;height:36rem;border:0"></iframe>`,
  );
  await page.getByRole('button', { name: 'Salin', exact: true }).first().click();
  await expect(page.getByText(/^(Tersalin\.|Tidak bisa menyalin otomatis)/).first()).toBeVisible();
  await expect(page.getByText(/ulasan ditampilkan sebagai testimoni\./)).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);

  // A visitor, JavaScript off: the featured review under the honesty line; the other one not; no number.
  const visitor = await customer(browser, false);
  const wall = await visitor.newPage();
  const res = await wall.goto(`/t/${slug}`);
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  expect(headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'none'; style-src 'sha256-[^']+';/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['set-cookie']).toBeUndefined();
  expect(await wall.locator('script, link[rel=stylesheet]').count()).toBe(0);
  await expect(wall.getByRole('heading', { level: 1 })).toHaveText('Kata pelanggan tentang Kedai Kopi Senja');
  const line = ((await wall.locator('#honesty').textContent()) ?? '').trim();
  const [, shown, total] = honesty.exec(line) ?? [];
  expect(line).toMatch(honesty);
  const items = wall.getByRole('list', { name: 'Testimoni, terbaru lebih dulu' }).getByRole('listitem');
  expect(await items.count()).toBe(Number(shown));
  expect(Number(total)).toBeGreaterThan(Number(shown));
  // The newest featured first: the one just featured, with her first name and an initial only.
  await expect(items.first()).toContainText(offComment);
  await expect(items.first()).toContainText('Rina S.');
  await expect(items.first()).toContainText('4 dari 5 bintang');
  await expect(wall.getByText(onComment)).toHaveCount(0);
  const text = (await wall.locator('body').textContent()) ?? '';
  expect(text).not.toContain('Susanti');
  expect(text).not.toMatch(/0812|62812|7777/);
  await noSidewaysScroll(wall);
  await visitor.close();
});

test('the testimonial page: the embed may be framed by the owner’s website, the page may not; 404 for an unknown address', async ({ page, request, baseURL, expectedErrors }) => {
  // The browser's report of the full page refusing its frame (below).
  expectedErrors.push(/^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
  const embed = await request.get('/t/bengkel-maju-jaya/embed');
  expect(embed.status()).toBe(200);
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect(embed.headers()['referrer-policy']).toBe('no-referrer');
  const full = await request.get('/t/bengkel-maju-jaya');
  expect(full.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(full.headers()['x-frame-options']).toBe('DENY');
  // The app's other pages are still not framed.
  expect((await request.get('/')).headers()['x-frame-options']).toBe('DENY');

  // The owner's website (another site: localhost, where this server is 127.0.0.1; a real server, as
  // the browser keeps pages it cannot place from reaching the local network) puts the snippet in a
  // page: the widget shows, its link opens the full page in a new tab.
  const embedUrl = `${baseURL}/t/bengkel-maju-jaya/embed`;
  expect(new URL(embedUrl).hostname).not.toBe('localhost');
  const shop = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="id"><title>Toko</title><main><iframe src="${embedUrl}" title="Testimoni" style="width:100%;height:36rem;border:0"></iframe>` +
        `<iframe src="${baseURL}/t/bengkel-maju-jaya" title="Halaman penuh" style="width:100%;height:10rem;border:0"></iframe></main></html>`,
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  await page.goto(`http://localhost:${(shop.address() as AddressInfo).port}/`);
  const frame = page.frameLocator('iframe[title="Testimoni"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Kata pelanggan tentang Bengkel Maju Jaya');
  const more = frame.getByRole('link', { name: 'Lihat semua testimoni Bengkel Maju Jaya' });
  await expect(more).toHaveAttribute('target', '_blank');
  await expect(more).toHaveAttribute('rel', 'noopener');
  await expect(more).toHaveAttribute('href', '/t/bengkel-maju-jaya?lang=id');
  // The full page in a frame: refused, the browser shows its error page instead.
  await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  await expect(page.frameLocator('iframe[title="Halaman penuh"]').getByText('Kata pelanggan tentang Bengkel Maju Jaya')).toHaveCount(0);
  await new Promise((resolve) => shop.close(resolve));

  expectedErrors.push(/^404 .*\/t\/tidak-ada-usaha-ini/);
  const missing = await page.goto('/t/tidak-ada-usaha-ini');
  expect(missing?.status()).toBe(404);
  // No business, so no business language: this browser's (Indonesian, the project's locale).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman testimoni tidak ditemukan');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Testimonial page not found');
});

test('the testimonial page in both languages: the business’s default before the browser’s, ?lang= before both; axe; a laptop', async ({ page, browser, baseURL }) => {
  // Bengkel Maju Jaya chose Indonesian: an English browser still gets Indonesian.
  const english = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });
  const en = await english.newPage();
  await en.goto('/t/bengkel-maju-jaya');
  await expect(en.getByRole('heading', { level: 1 })).toHaveText('Kata pelanggan tentang Bengkel Maju Jaya');
  await expect(en.locator('#honesty')).toHaveText(honesty);
  await en.getByRole('link', { name: 'English' }).click();
  await expect(en).toHaveURL(/\/t\/bengkel-maju-jaya\?lang=en$/);
  await expect(en.getByRole('heading', { level: 1 })).toHaveText('What customers say about Bengkel Maju Jaya');
  await expect(en.locator('#honesty')).toHaveText(/^Showing \d+ of \d+ reviews; average of all reviews \d+,\d out of 5 stars\.$/);
  await expect(en.getByText(/out of 5 stars$/).first()).toBeAttached();

  // The owner switches the public pages to follow the customer's phone: now the browser decides.
  const owner = await newContext(browser, 'id', baseURL!);
  const settings = await owner.newPage();
  await signIn(settings, demo.bengkelOwner);
  await settings.goto('/settings/business');
  const language = settings.getByLabel('Bahasa halaman untuk pelanggan', { exact: true });
  await expect(language).toHaveValue('id');
  await language.selectOption({ label: 'Ikuti bahasa ponsel pelanggan' });
  await settings.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(settings.getByText('Tersimpan.')).toBeVisible();
  await en.goto('/t/bengkel-maju-jaya');
  await expect(en.getByRole('heading', { level: 1 })).toHaveText('What customers say about Bengkel Maju Jaya');
  // And back to Indonesian, as the seed has it.
  await settings.reload();
  await expect(language).toHaveValue('');
  await language.selectOption({ label: 'Bahasa Indonesia' });
  await settings.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(settings.getByText('Tersimpan.')).toBeVisible();
  await en.goto('/t/bengkel-maju-jaya');
  await expect(en.getByRole('heading', { level: 1 })).toHaveText('Kata pelanggan tentang Bengkel Maju Jaya');
  await owner.close();
  await english.close();

  // axe (a script in the page, so with JavaScript on), on a phone and on a laptop, in both languages.
  for (const lang of ['id', 'en']) {
    await page.goto(`/t/bengkel-maju-jaya?lang=${lang}`);
    await expectAccessible(page);
    await noSidewaysScroll(page);
    await page.goto(`/t/bengkel-maju-jaya/embed?lang=${lang}`);
    await expectAccessible(page);
    await noSidewaysScroll(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/t/bengkel-maju-jaya');
  await noSidewaysScroll(page);
  const box = await page.locator('main').boundingBox();
  // A readable column in the middle of a wide screen.
  expect(box!.width).toBeLessThanOrEqual(660);
  expect(box!.x).toBeGreaterThan(250);
  await expectAccessible(page);
});

test('the owner moves and removes the page; staff see it but cannot change it', async ({ page, browser, baseURL, expectedErrors }) => {
  const run = Date.now().toString(36);
  await signIn(page, demo.kopiOwner);
  await page.goto('/reviews/testimonials');
  const create = page.getByRole('button', { name: 'Buat halaman', exact: true });
  if (await create.isVisible()) {
    await page.getByRole('textbox', { name: 'Alamat halaman', exact: true }).fill(`kopi-senja-awal-${run}`);
    await create.click();
  }
  const publicAddress = page.getByRole('textbox', { name: 'Alamat publik', exact: true });
  await expect(publicAddress).toHaveValue(/\/t\/[a-z0-9-]+$/);
  const before = new URL(await publicAddress.inputValue()).pathname;

  // A reserved word is refused; a new address moves the page, the old one answers 404.
  const rename = page.getByLabel('Ganti alamat', { exact: true });
  await rename.fill('admin');
  await page.getByRole('button', { name: 'Simpan alamat baru', exact: true }).click();
  await expect(page.getByText('Alamat ini dipakai oleh Jejak sendiri.', { exact: false })).toBeVisible();
  await rename.fill(`Kopi Senja ${run}`);
  await page.getByRole('button', { name: 'Simpan alamat baru', exact: true }).click();
  await expect(publicAddress).toHaveValue(`${baseURL}/t/kopi-senja-${run}`);
  await expect(page.getByText('Alamat halaman testimoni tersimpan.')).toBeVisible();
  expect((await page.request.get(before)).status()).toBe(404);
  expect((await page.request.get(`/t/kopi-senja-${run}`)).status()).toBe(200);

  // Staff see the address, not the controls.
  const staffContext = await newContext(browser, 'id', baseURL!);
  const staff = await staffContext.newPage();
  await signIn(staff, demo.kopiStaff);
  await staff.goto('/reviews/testimonials');
  await expect(staff.getByRole('textbox', { name: 'Alamat publik', exact: true })).toHaveValue(`${baseURL}/t/kopi-senja-${run}`);
  await expect(staff.getByRole('button', { name: 'Hapus halaman', exact: true })).toHaveCount(0);
  await expect(staff.getByLabel('Ganti alamat', { exact: true })).toHaveCount(0);
  await staffContext.close();

  // Removed, after a confirm step: the address answers 404, and the page offers to create one again.
  const remove = page.getByRole('button', { name: 'Hapus halaman', exact: true });
  await remove.click();
  await expect(remove).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Ya, hapus halaman', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Buat halaman', exact: true })).toBeVisible();
  await expect(publicAddress).toHaveCount(0);
  expectedErrors.push(/^404 /);
  expect((await page.request.get(`/t/kopi-senja-${run}`)).status()).toBe(404);
  await expectAccessible(page);
});
