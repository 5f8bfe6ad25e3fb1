/**
 * The owner's side of reviews on a phone-sized screen: Bengkel's owner creates a review link
 * (with the friendly incentive warning on the way), lands on its page, gets the QR code as PNG and
 * SVG, prints the poster, prepares a WhatsApp request for one customer, turns the link off and on;
 * then reads the seeded inbox, filters it, marks a review read, hides one as spam and restores it,
 * and features a consented one (a review without consent has no feature button). Every page passes
 * axe at 390 px. The inbox in English too. The filtered inbox downloads as CSV; the owner erases a
 * customer's personal data (staff have no such button).
 */
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

const linkPath = /\/reviews\/links\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The inbox's review cards. */
const cards = (page: Page) => page.locator('section[aria-labelledby="inbox"] article');

/** The one card with that heading id, wherever it is on the page. */
const card = (page: Page, headingId: string) => page.locator(`article[aria-labelledby="${headingId}"]`);

async function headingIdOf(article: Locator): Promise<string> {
  const id = await article.getAttribute('aria-labelledby');
  expect(id).toMatch(/^review-/);
  return id!;
}

test('owner creates a review link and shares it: page, QR PNG and SVG, poster, ask one customer, on/off', async ({ page }) => {
  test.setTimeout(120_000);
  const h1 = page.getByRole('heading', { level: 1 });
  await signIn(page, demo.bengkelOwner);
  await page.getByRole('link', { name: 'Ulasan', exact: true }).click();
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(h1).toHaveText('Ulasan');
  // The seed's link is listed with its counts.
  await expect(page.getByRole('heading', { name: 'Tautan ulasan', exact: true })).toBeVisible();
  await expect(page.getByText('Konversi').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Buat tautan ulasan', exact: true }).click();
  await expect(page).toHaveURL(/\/reviews\/links\/new$/);
  await expect(h1).toHaveText('Tautan ulasan baru');
  // Friendly defaults, prefilled.
  await expect(page.getByLabel('Judul yang dilihat pelanggan', { exact: true })).toHaveValue('Bagaimana pengalaman Anda dengan Bengkel Maju Jaya?');
  await expectAccessible(page);

  // No stage chosen: refused, with the message under the field.
  await page.getByRole('button', { name: 'Buat tautan', exact: true }).click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();

  const stage = page.getByLabel('Tahap', { exact: true });
  const stageName = ((await stage.locator('option').nth(1).textContent()) ?? '').trim();
  await stage.selectOption({ label: stageName });
  const touchpoint = `QR di kasir ${Date.now().toString(36)}`;
  await page.getByLabel('Titik kontak (opsional)', { exact: true }).fill(touchpoint);
  // Incentive wording: a warning about Google's policy, not a refusal.
  const thankYou = page.getByLabel('Ucapan terima kasih', { exact: true });
  await thankYou.fill('Terima kasih! Tunjukkan layar ini untuk diskon 10%.');
  await expect(page.getByText('Periksa kata-kata Anda')).toBeVisible();
  await expect(page.getByText(/Google melarang ulasan yang diberi imbalan/)).toBeVisible();
  await expectAccessible(page);
  await thankYou.fill('Terima kasih sudah servis di sini.');
  await expect(page.getByText('Periksa kata-kata Anda')).toHaveCount(0);
  await page.getByRole('button', { name: 'Buat tautan', exact: true }).click();

  await expect(page).toHaveURL(linkPath);
  const id = linkPath.exec(page.url())![1]!;
  await expect(h1).toHaveText('Bagaimana pengalaman Anda dengan Bengkel Maju Jaya?');
  await expect(page.getByText(touchpoint)).toBeVisible();
  const short = page.getByRole('textbox', { name: 'Tautan pendek', exact: true });
  await expect(short).toHaveValue(/\/r\/[a-z0-9]{8,10}$/);
  const shortLink = await short.inputValue();
  const share = page.getByRole('link', { name: 'Kirim lewat WhatsApp', exact: true });
  await expect(share).toHaveAttribute('href', new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(shortLink).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // The QR code is on the page, and has loaded.
  const qr = page.getByRole('img', { name: /^Kode QR menuju / });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expectAccessible(page);

  // QR downloads: the right types, real images.
  const png = await page.request.get(`/api/review-links/${id}/qr?format=png&download=1`);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect(png.headers()['content-disposition']).toMatch(/^attachment; filename="qr-ulasan-[a-z0-9]+\.png"$/);
  expect([...(await png.body()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = await page.request.get(`/api/review-links/${id}/qr?format=svg`);
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(await svg.text()).toContain('<svg');

  // Ask one customer: a wa.me link to their number, greeting them by name; nothing is sent to us.
  await page.getByLabel('Nomor WhatsApp', { exact: true }).fill('0812-3456-789');
  await page.getByLabel('Nama depan pelanggan', { exact: true }).fill('Rina');
  await page.getByRole('button', { name: 'Siapkan pesan', exact: true }).click();
  const open = page.getByRole('link', { name: 'Buka WhatsApp', exact: true });
  await expect(open).toHaveAttribute('href', /^https:\/\/wa\.me\/628123456789\?text=Halo%20Rina!/);
  // A number that is not a mobile number is refused in place.
  await page.getByLabel('Nomor WhatsApp', { exact: true }).fill('12345');
  await page.getByRole('button', { name: 'Siapkan pesan', exact: true }).click();
  await expect(page.getByText('Nomor ini bukan nomor ponsel Indonesia.', { exact: false })).toBeVisible();
  await expect(open).toHaveCount(0);

  // Off and on again.
  await page.getByRole('button', { name: 'Nonaktifkan tautan', exact: true }).click();
  await expect(page.getByText('Tautan ini nonaktif', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Aktifkan tautan', exact: true }).click();
  await expect(page.getByText('Tautan ini aktif', { exact: false })).toBeVisible();

  // Edit its texts.
  await page.getByText('Ubah tautan', { exact: true }).click();
  await page.getByLabel('Judul yang dilihat pelanggan', { exact: true }).fill('Bagaimana servis kami hari ini?');
  await page.getByRole('button', { name: 'Simpan perubahan', exact: true }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
  await expect(h1).toHaveText('Bagaimana servis kami hari ini?');

  // The poster: business name, QR, the short link written out.
  await page.getByRole('link', { name: 'Buka poster A5 untuk dicetak', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/links/${id}/poster$`));
  await expect(h1).toHaveText('Bagaimana pengalaman Anda?');
  await expect(page.getByText('Bengkel Maju Jaya', { exact: true })).toBeVisible();
  await expect(page.getByText(shortLink.replace(/^https?:\/\//, ''), { exact: true })).toBeVisible();
  const posterQr = page.getByRole('img', { name: /^Kode QR menuju / });
  await expect(posterQr).toBeVisible();
  expect(await posterQr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expectAccessible(page);

  // Back on the list, the new link is there.
  await page.goto('/reviews');
  await expect(page.getByRole('link', { name: 'Bagaimana servis kami hari ini?' }).first()).toBeVisible();
});

test('owner reads the inbox: filters, older page, mark read, spam and restore, feature a consented review', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.bengkelOwner);
  await page.goto('/reviews');
  const list = cards(page);
  await expect(list.first()).toBeVisible();
  expect(await list.count()).toBeGreaterThan(1);

  // Older: the next page continues where this one ended, with no repeats.
  const firstPageIds = await list.evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
  await page.getByRole('link', { name: 'Ulasan lebih lama', exact: true }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(list.first()).toBeVisible();
  const secondPageIds = await list.evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
  expect(secondPageIds.filter((x) => firstPageIds.includes(x))).toEqual([]);
  await page.getByRole('link', { name: 'Kembali ke yang terbaru', exact: true }).click();
  await expect(page).not.toHaveURL(/before=/);

  // Filter: one-star reviews with a comment (a plain GET form).
  await page.getByText('Saring ulasan', { exact: true }).click();
  await page.getByLabel('Bintang', { exact: true }).selectOption('1');
  await page.getByLabel('Hanya yang berkomentar', { exact: true }).check();
  await page.getByRole('button', { name: 'Terapkan', exact: true }).click();
  await expect(page).toHaveURL(/stars=1/);
  await expect(list.first()).toBeVisible();
  const n = await list.count();
  for (let i = 0; i < n; i++) {
    await expect(list.nth(i).getByText('1 dari 5 bintang', { exact: true })).toBeAttached();
    await expect(list.nth(i).getByText('Tanpa komentar.', { exact: true })).toHaveCount(0);
  }
  await expectAccessible(page);

  // Search in comments: a word of the first comment finds it, and only comments that have it.
  const comment = ((await list.first().locator('p').first().textContent()) ?? '').trim();
  const word = comment.split(/[^\p{L}]+/u).find((w) => w.length >= 5) ?? comment.split(/\s+/)[0]!;
  await page.goto(`/reviews?q=${encodeURIComponent(word)}`);
  await expect(list.first()).toBeVisible();
  const texts = await list.evaluateAll((els) => els.map((e) => e.querySelector('p')?.textContent ?? ''));
  for (const text of texts) expect(text.toLowerCase()).toContain(word.toLowerCase());

  // Mark read.
  await page.goto('/reviews?status=new');
  const unread = list.filter({ has: page.getByRole('button', { name: 'Tandai sudah dibaca', exact: true }) }).first();
  const readId = await headingIdOf(unread);
  await unread.getByRole('button', { name: 'Tandai sudah dibaca', exact: true }).click();
  // Read, it leaves the unread view (the page is rendered again with the change).
  await expect(card(page, readId)).toHaveCount(0);

  // Spam: it leaves the inbox and waits in the spam view, restorable.
  await page.goto('/reviews');
  const victim = list.first();
  const spamId = await headingIdOf(victim);
  await victim.getByRole('button', { name: 'Tandai spam', exact: true }).click();
  await expect(card(page, spamId)).toHaveCount(0);
  await page.getByRole('link', { name: 'Spam', exact: true }).click();
  await expect(page).toHaveURL(/status=spam/);
  await expect(card(page, spamId)).toBeVisible();
  await expect(card(page, spamId).getByText('Spam', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await card(page, spamId).getByRole('button', { name: 'Pulihkan ke kotak ulasan', exact: true }).click();
  await expect(card(page, spamId)).toHaveCount(0);
  await page.goto('/reviews');
  await expect(card(page, spamId)).toBeVisible();

  // Feature: only where the customer consented; elsewhere there is no button.
  const noConsent = list.filter({ hasText: 'Tidak ada izin testimoni' }).first();
  await expect(noConsent).toBeVisible();
  await expect(noConsent.getByRole('button', { name: 'Tampilkan sebagai testimoni', exact: true })).toHaveCount(0);
  let consented = list.filter({ has: page.getByRole('button', { name: 'Tampilkan sebagai testimoni', exact: true }) }).first();
  if ((await consented.count()) === 0) {
    // Consent is rarer than not: look through the reviews with a comment until one has it.
    await page.goto('/reviews?comment=1&stars=5');
    consented = list.filter({ has: page.getByRole('button', { name: 'Tampilkan sebagai testimoni', exact: true }) }).first();
  }
  const featureId = await headingIdOf(consented);
  await consented.getByRole('button', { name: 'Tampilkan sebagai testimoni', exact: true }).click();
  await expect(card(page, featureId).getByText('Ditampilkan sebagai testimoni', { exact: true })).toBeVisible();
  await expect(card(page, featureId).getByRole('button', { name: 'Berhenti tampilkan sebagai testimoni', exact: true })).toBeVisible();

  // A private note.
  const note = card(page, featureId).getByLabel('Catatan pribadi (hanya terlihat oleh tim)', { exact: true });
  await note.fill('Minta izin pakai di Instagram.');
  await card(page, featureId).getByRole('button', { name: 'Simpan catatan', exact: true }).click();
  await expect(card(page, featureId).getByText('Catatan tersimpan.')).toBeVisible();
  await page.reload();
  await expect(card(page, featureId).getByLabel('Catatan pribadi (hanya terlihat oleh tim)', { exact: true })).toHaveValue('Minta izin pakai di Instagram.');
  await expectAccessible(page);
});

test('the inbox in English', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto('/reviews');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reviews');
  await expect(page.getByRole('heading', { name: 'Review inbox', exact: true })).toBeVisible();
  await expect(page.getByText(/out of 5 stars/).first()).toBeAttached();
  await expectAccessible(page);
  await context.close();
});

test('the inbox downloads as CSV with its filters: BOM, header, the seeded reviews', async ({ page, browser, baseURL }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/reviews?stars=5&comment=1');
  const list = cards(page);
  await expect(list.first()).toBeVisible();
  const shown = await list.evaluateAll((els) => els.map((e) => (e.querySelector('p')?.textContent ?? '').trim()));
  const link = page.getByRole('link', { name: 'Unduh CSV', exact: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/reviews\/export\?/);
  expect(href).toContain('stars=5');
  expect(href).toContain('comment=1');

  // The link downloads the file.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^ulasan-\d{4}-\d{2}-\d{2}\.csv$/);

  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="ulasan-\d{4}-\d{2}-\d{2}\.csv"$/);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(body.toString('utf8').slice(1)) as string[][];
  expect(header).toEqual(['Diterima', 'Perjalanan', 'Tahap', 'Tautan', 'Titik kontak', 'Bintang', 'NPS', 'Komentar', 'Nama pelanggan', 'WhatsApp', 'Persetujuan testimoni', 'Ditampilkan', 'Status', 'Catatan']);
  // The whole filtered list: at least every review shown on the inbox's first page, all with 5 stars and a comment.
  expect(rows.length).toBeGreaterThanOrEqual(shown.length);
  const comments = rows.map((r) => r[7]!.trim());
  for (const comment of shown) expect(comments).toContain(comment);
  expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['5']));
  expect(comments.filter((c) => c === '')).toEqual([]);

  // Another business's filter ids select nothing of Bengkel's: the file has its header only.
  const context = await newContext(browser, 'id', baseURL!);
  const kopi = await context.newPage();
  await signIn(kopi, demo.kopiOwner);
  const other = await kopi.request.get(`/api/reviews/export?link=${demo.bengkelReviewLinkId}`);
  expect(other.status()).toBe(200);
  expect(parse((await other.body()).toString('utf8').slice(1))).toHaveLength(1);
  await context.close();
});

test('the owner erases a customer’s personal data; staff have no erase button', async ({ page, browser, baseURL }) => {
  await signIn(page, demo.bengkelOwner);
  // Not filtered on comments: the erased review loses its comment and must stay in view.
  await page.goto('/reviews?stars=1');
  const list = cards(page);
  await expect(list.first()).toBeVisible();
  // Preferably a review with the customer's contact; otherwise one with a comment.
  const withContact = list.filter({ has: page.getByRole('link', { name: 'Balas lewat WhatsApp', exact: true }) }).first();
  const target = (await withContact.count()) > 0 ? withContact : list.filter({ hasNotText: 'Tanpa komentar.' }).first();
  const id = await headingIdOf(target);
  const erase = card(page, id).getByRole('button', { name: 'Hapus data pribadi', exact: true });
  await erase.click();
  await expect(erase).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);
  await card(page, id).getByRole('button', { name: 'Ya, hapus', exact: true }).click();
  const erased = card(page, id);
  await expect(erased.getByText('Data pribadi sudah dihapus atas permintaan', { exact: true })).toBeVisible();
  await expect(erased.getByText('Tanpa komentar.', { exact: true })).toBeVisible();
  await expect(erased.getByRole('button', { name: 'Hapus data pribadi', exact: true })).toHaveCount(0);
  await expect(erased.getByRole('link', { name: 'Balas lewat WhatsApp', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(card(page, id).getByText('Data pribadi sudah dihapus atas permintaan', { exact: true })).toBeVisible();

  // Staff may read, mark and export, but not erase.
  const context = await newContext(browser, 'id', baseURL!);
  const staff = await context.newPage();
  await signIn(staff, demo.bengkelStaff);
  await staff.goto('/reviews');
  await expect(cards(staff).first()).toBeVisible();
  await expect(cards(staff).first().getByRole('button', { name: 'Tandai spam', exact: true })).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Hapus data pribadi', exact: true })).toHaveCount(0);
  expect((await staff.request.get('/api/reviews/export')).status()).toBe(200);
  await context.close();
});
