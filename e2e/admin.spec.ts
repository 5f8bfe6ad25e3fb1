/**
 * The platform admin console (issue 12, part 1) in a real browser: the seeded admin signs in,
 * enrols two-step verification with a code computed from the secret on the page, sees the recovery
 * codes once, reaches the list of businesses, searches, opens one, reads the audit log; signs in
 * again with a recovery code; in English on a laptop too; suspends Kedai Kopi Senja with a reason
 * (its owner is kept out with the reason why, its review link answers 503) and reactivates it. Who
 * else gets 404 on every admin route:
 * e2e/routes.spec.ts, from its registry.
 */
import { adminPasswordSignIn, adminSignIn, enrolOnPage, readFactor, takeRecoveryCode, verifyOnPage } from './admin-helpers';
import { expect, expectAccessible, test } from './fixtures';
import { DEMO_PASSWORD, demo, newContext, signIn } from './helpers';

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

test('the seeded admin enrols two-step verification, sees the recovery codes once, finds and opens a business', async ({ page }) => {
  await adminPasswordSignIn(page);
  // First admin sign-in on this database: enrolment.
  await expect(page).toHaveURL(/\/admin\/enrol$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siapkan verifikasi dua langkah');
  await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
  const code = page.getByLabel('Kode 6 angka', { exact: true });
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('pattern', '[0-9]{6}');
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  // A wrong code first: refused, with the reason on the field.
  await code.fill('12345');
  await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah', exact: true }).click();
  await expect(page.getByText('Masukkan 6 angka dari aplikasi.')).toBeVisible();

  const codes = await enrolOnPage(page);
  expect(new Set(codes).size).toBe(10);
  await expect(page.getByRole('heading', { name: 'Simpan kode pemulihan Anda' })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Sudah saya simpan, buka konsol' }).click();
  await expect(page).toHaveURL(/\/admin\/businesses$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Usaha');
  await expect(page.getByRole('navigation', { name: 'Menu admin' })).toBeVisible();

  // Shown once: the enrolment page is gone for good, and its secret with it.
  await page.goto('/admin/enrol');
  await expect(page).toHaveURL(/\/admin\/businesses$/);
  await expect(page.getByText(codes[0]!)).toHaveCount(0);

  // Search: by a word of the name.
  await page.getByLabel('Cari', { exact: true }).fill('bengkel');
  await page.getByRole('button', { name: 'Terapkan', exact: true }).click();
  await expect(page).toHaveURL(/\?q=bengkel/);
  await expect(page.getByRole('link', { name: 'Bengkel Maju Jaya' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kedai Kopi Senja' })).toHaveCount(0);
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  // And by the owner's email.
  await page.getByLabel('Cari', { exact: true }).fill('pemilik@kopi');
  await page.getByRole('button', { name: 'Terapkan', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Kedai Kopi Senja' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bengkel Maju Jaya' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Kedai Kopi Senja' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/businesses/${demo.kopiTenantId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kedai Kopi Senja');
  const members = page.getByRole('region', { name: 'Anggota' });
  await expect(members.getByText(demo.kopiOwner)).toBeVisible();
  await expect(members.getByText(demo.kopiStaff)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jumlah' }).getByText('Ulasan seluruhnya')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Paket dan catatan' })).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  // Every view is on the record.
  await page.getByRole('link', { name: 'Log audit untuk usaha ini' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log audit');
  await expect(page.getByRole('listitem').getByText('Membuka halaman usaha').first()).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
});

test('a second sign-in asks for the code; a recovery code works once', async ({ browser, baseURL }) => {
  expect(readFactor(), 'the first test of this file enrolled the admin').not.toBeNull();
  const context = await newContext(browser, 'id', baseURL!);
  const page = await context.newPage();
  await adminPasswordSignIn(page);
  await expect(page).toHaveURL(/\/admin\/verify$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verifikasi dua langkah');
  // Before the second factor the console sends the admin back to this step.
  await page.goto('/admin/businesses');
  await expect(page).toHaveURL(/\/admin\/verify$/);
  await expectAccessible(page);

  const recovery = takeRecoveryCode();
  await page.getByText('Ponsel hilang? Pakai kode pemulihan').click();
  await page.getByLabel('Kode pemulihan', { exact: true }).fill(recovery.toUpperCase());
  await page.getByRole('button', { name: 'Masuk dengan kode pemulihan', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/businesses$/);

  // Signing out ends the second factor with the session; the same recovery code is spent.
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await adminPasswordSignIn(page);
  await expect(page).toHaveURL(/\/admin\/verify$/);
  await page.getByText('Ponsel hilang? Pakai kode pemulihan').click();
  await page.getByLabel('Kode pemulihan', { exact: true }).fill(recovery);
  await page.getByRole('button', { name: 'Masuk dengan kode pemulihan', exact: true }).click();
  await expect(page.getByText('Kode pemulihan ini salah atau sudah dipakai.')).toBeVisible();
  await verifyOnPage(page);
  await context.close();
});

test('in English on a laptop: the list as a table, the business, the audit log', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'jejak_locale', value: 'en', url: baseURL! }]);
  const page = await context.newPage();
  await adminSignIn(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Businesses');
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Last activity' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Bengkel Maju Jaya' })).toBeVisible();
  await page.getByLabel('Sort by', { exact: true }).selectOption('name_asc');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/order=name_asc/);
  const names = await table.locator('tbody tr td:first-child a').allInnerTexts();
  expect(names.indexOf('Bengkel Maju Jaya')).toBeLessThan(names.indexOf('Kedai Kopi Senja'));
  await expectAccessible(page);
  await table.getByRole('link', { name: 'Bengkel Maju Jaya' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bengkel Maju Jaya');
  await expect(page.getByText('Reviews in the last 30 days')).toBeVisible();
  await page.getByRole('navigation', { name: 'Admin menu' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await page.getByLabel('Action', { exact: true }).selectOption('business.viewed');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('table').getByRole('link', { name: 'Bengkel Maju Jaya' }).first()).toBeVisible();
  await expect(page.getByRole('table').getByText('Viewed the business list')).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

/** Kedai Kopi Senja's table QR link (lib/demo/seed.ts; e2e/review-page.spec.ts). */
const kopiReviewPath = '/r/c5wq8hzte';

test('the admin suspends Kedai Kopi Senja with a reason: its owner sees why, its review link answers 503; reactivated, both work again', async ({ page, browser, baseURL }) => {
  // The owner is signed in already: an existing session must stop working for the business too.
  const ownerContext = await newContext(browser, 'id', baseURL!);
  const owner = await ownerContext.newPage();
  await signIn(owner, demo.kopiOwner);

  await adminSignIn(page);
  await page.goto(`/admin/businesses/${demo.kopiTenantId}`);
  const status = page.getByRole('region', { name: 'Status usaha' });
  await expect(status.getByTestId('business-status')).toHaveText('Aktif');
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  // The reason is required: at least 5 characters.
  await status.getByLabel('Alasan penangguhan', { exact: true }).fill('abc');
  await status.getByRole('button', { name: 'Tangguhkan usaha', exact: true }).click();
  await expect(status.getByText('Tulis alasannya, minimal 5 karakter.')).toBeVisible();
  await status.getByLabel('Alasan penangguhan', { exact: true }).fill('Uji e2e: laporan penipuan dari pelanggan');
  await status.getByRole('button', { name: 'Tangguhkan usaha', exact: true }).click();
  await expect(status.getByTestId('business-status')).toContainText('Ditangguhkan sejak');
  await expect(status.getByText('Uji e2e: laporan penipuan dari pelanggan')).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  try {
    // The owner's open session: every page of the business sends them to the message.
    await owner.goto('/dashboard');
    await expect(owner).toHaveURL(/\/no-business$/);
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Kedai Kopi Senja sedang ditangguhkan');
    await expect(owner.getByText('Usaha ini sedang ditangguhkan oleh admin Jejak')).toBeVisible();
    expect(await owner.evaluate(noSidewaysScroll)).toBe(true);
    // A new sign-in lands on the same message.
    const fresh = await newContext(browser, 'id', baseURL!);
    const again = await fresh.newPage();
    await again.goto('/sign-in');
    await again.getByLabel('Email', { exact: true }).fill(demo.kopiOwner);
    await again.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(again).toHaveURL(/\/no-business$/);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('Kedai Kopi Senja sedang ditangguhkan');
    await fresh.close();

    // Its review link: a polite "temporarily unavailable" page, 503 with Retry-After, and no form.
    const res = await owner.goto(`${kopiReviewPath}?lang=id`);
    expect(res!.status()).toBe(503);
    expect(Number(res!.headers()['retry-after'])).toBeGreaterThan(0);
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Sementara tidak tersedia');
    await expect(owner.locator('form')).toHaveCount(0);
    // A review posted all the same is not taken.
    const posted = await owner.request.post(`${kopiReviewPath}?lang=id`, { form: { stars: '5', comment: 'Tetap dikirim' }, maxRedirects: 0 });
    expect(posted.status()).toBe(503);
  } finally {
    await page.goto(`/admin/businesses/${demo.kopiTenantId}`);
    await status.getByLabel('Alasan mengaktifkan kembali', { exact: true }).fill('Uji e2e selesai, pemilik sudah menjelaskan');
    await status.getByRole('button', { name: 'Aktifkan kembali usaha', exact: true }).click();
    await expect(status.getByTestId('business-status')).toHaveText('Aktif');
  }

  // Reactivated: the same session works again, and so does the review link.
  await owner.goto('/dashboard');
  await expect(owner).toHaveURL(/\/dashboard$/);
  const res = await owner.goto(`${kopiReviewPath}?lang=id`);
  expect(res!.status()).toBe(200);
  await expect(owner.locator('form')).toHaveCount(1);
  await ownerContext.close();

  // Both changes are on the record, with the reasons typed.
  await page.goto(`/admin/audit?business=${demo.kopiTenantId}`);
  await expect(page.getByRole('listitem').getByText('Menangguhkan usaha').first()).toBeVisible();
  await expect(page.getByRole('listitem').getByText('Mengaktifkan kembali usaha').first()).toBeVisible();
  await expect(page.getByRole('listitem').getByText('Uji e2e: laporan penipuan dari pelanggan').first()).toBeVisible();
});
