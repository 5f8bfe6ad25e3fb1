/**
 * A business's data in the admin console (issue 12, items 5 and 7) in a real browser: the overview's
 * counts and charts with their tables (Indonesian on a phone, English on a laptop); exporting Bengkel
 * Maju Jaya's data as a zip (downloaded, unzipped, only its rows); deleting a business signed up in
 * this spec (never a seeded one: specs share the database) after typing its name, a wrong name
 * refused with the input kept.
 *
 * Named `admin.tenant-data` so that it runs after admin.spec.ts (Playwright orders files by
 * locale: `admin-…` would come first), whose first test is the run's first admin sign-in, the
 * enrolment. One admin sign-in here, its session reused by every test of the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { adminSignIn } from './admin-helpers';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, uniqueEmail } from './helpers';

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
const stateFile = path.join(process.env.E2E_OUT ?? 'test-results', 'admin-tenant-data-state.json');

test.use({ storageState: stateFile });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await adminSignIn(page);
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  await context.storageState({ path: stateFile });
  await context.close();
});

async function unzip(file: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  zip.close();
  return out;
}

test('the overview: counts, charts and their tables, in Indonesian on a phone and in English on a laptop', async ({ page, context, baseURL }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ringkasan');
  await expect(page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Ringkasan' })).toBeVisible();
  const counts = page.getByTestId('overview-counts');
  await expect(counts.getByText('Semua usaha')).toBeVisible();
  expect(Number((await counts.locator('dd').first().innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(2);
  for (const [id, heading] of [
    ['overview-types', 'Usaha per jenis dan status'],
    ['overview-businesses', 'Usaha baru per minggu'],
    ['overview-reviews', 'Ulasan per minggu'],
  ] as const) {
    const section = page.getByTestId(id);
    await expect(section.getByRole('heading', { name: heading })).toBeVisible();
    await expect(section.locator('svg.recharts-surface')).toBeVisible();
    await section.getByText('Lihat sebagai tabel').click();
    await expect(section.getByRole('table')).toBeVisible();
    expect(await section.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
  }
  // The types' table: the seeded bengkel is counted.
  await expect(page.getByTestId('overview-types').getByRole('row', { name: /^Bengkel/ })).toBeVisible();
  await expect(page.getByTestId('overview-reviews').getByRole('columnheader', { name: 'Ulasan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Usaha tersibuk' })).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  await page.setViewportSize({ width: 1280, height: 800 });
  await context.addCookies([{ name: 'jejak_locale', value: 'en', url: baseURL! }]);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(page.getByRole('heading', { name: 'Reviews per week' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Busiest businesses' })).toBeVisible();
  await page.getByTestId('overview-businesses').getByText('Show as a table').click();
  await expect(page.getByTestId('overview-businesses').getByRole('columnheader', { name: 'New businesses' })).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);
  await context.clearCookies({ name: 'jejak_locale' });
});

test("the admin downloads Bengkel Maju Jaya's data as a zip, with a reason", async ({ page }, testInfo) => {
  await page.goto(`/admin/businesses/${demo.bengkelTenantId}`);
  const panel = page.getByRole('region', { name: 'Ekspor data usaha' });
  await expect(panel).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  // Too short: refused on the page, what was typed kept.
  const reason = panel.getByLabel('Alasan ekspor', { exact: true });
  await reason.fill('abc');
  await panel.getByRole('button', { name: 'Unduh data (ZIP)' }).click();
  await expect(panel.getByText('Tulis alasannya, minimal 5 karakter.')).toBeVisible();
  await expect(reason).toHaveValue('abc');

  await reason.fill('Permintaan pemilik lewat WhatsApp (uji e2e)');
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Unduh data (ZIP)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^jejak-bengkel-maju-jaya-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = testInfo.outputPath('export.zip');
  await download.saveAs(file);
  const files = await unzip(file);
  expect([...files.keys()]).toEqual(expect.arrayContaining(['jejak-export.json', 'manifest.json', 'csv/reviews.csv', 'csv/journeys.csv', 'csv/personas.csv', 'csv/users.csv', 'csv/tenants.csv']));
  const doc = JSON.parse(files.get('jejak-export.json')!) as { tenant_id: string; tables: Record<string, { tenant_id?: string }[]> };
  expect(doc.tenant_id).toBe(demo.bengkelTenantId);
  expect(doc.tables.journeys!.length).toBeGreaterThan(0);
  for (const row of doc.tables.reviews!) expect(row.tenant_id).toBe(demo.bengkelTenantId);
  for (const [name, text] of files) expect(text, name).not.toContain(demo.kopiTenantId);
  expect(files.get('csv/users.csv')).toContain(demo.bengkelOwner);
  expect(files.get('csv/users.csv')).not.toContain(demo.kopiOwner);

  // The server checks the reason too, and sends a refusal back to the form.
  const refused = await page.request.post(`/admin/businesses/${demo.bengkelTenantId}/export.zip`, { form: { exportReason: 'ab' }, maxRedirects: 0 });
  expect(refused.status()).toBe(303);
  await page.goto(refused.headers().location!);
  await expect(panel.getByText('Tulis alasannya, minimal 5 karakter.')).toBeVisible();

  // On the record.
  await page.goto(`/admin/audit?business=${demo.bengkelTenantId}&action=business.exported`);
  await expect(page.getByText('Permintaan pemilik lewat WhatsApp (uji e2e)').first()).toBeVisible();
});

test('the admin deletes a business signed up here, after typing its exact name', async ({ page, browser, baseURL, expectedErrors }) => {
  // A business of its own, signed up in another browser.
  const name = `Laundry Hapus ${Date.now().toString(36)}`;
  const email = uniqueEmail('hapus');
  const ownerContext = await newContext(browser, 'id', baseURL!);
  const owner = await ownerContext.newPage();
  await owner.goto('/sign-up');
  await owner.getByLabel('Nama Anda', { exact: true }).fill('Pak Hapus');
  await owner.getByLabel('Nama usaha', { exact: true }).fill(name);
  await owner.getByLabel('Jenis usaha', { exact: true }).selectOption('laundry');
  await owner.getByLabel('Kota', { exact: true }).fill('Bogor');
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Kata sandi', { exact: true }).fill('cuci-bersih-wangi');
  await owner.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(owner).toHaveURL(/\/dashboard$/);

  await page.goto(`/admin/businesses?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const tenantPath = new URL(page.url()).pathname;
  const panel = page.getByRole('region', { name: 'Hapus usaha' });
  await expect(panel.getByText(`Ketik persis: ${name}`)).toBeVisible();

  // A wrong name: refused, nothing deleted, what was typed kept.
  await panel.getByLabel('Ketik nama usaha untuk memastikan', { exact: true }).fill(`${name} salah`);
  await panel.getByLabel('Alasan penghapusan', { exact: true }).fill('Permintaan pemilik untuk menghapus data');
  await panel.getByRole('button', { name: 'Hapus usaha ini selamanya' }).click();
  await expect(panel.getByText('Nama tidak sama dengan nama usaha ini. Tidak ada yang dihapus.')).toBeVisible();
  await expect(panel.getByLabel('Ketik nama usaha untuk memastikan', { exact: true })).toHaveValue(`${name} salah`);
  await expect(panel.getByLabel('Alasan penghapusan', { exact: true })).toHaveValue('Permintaan pemilik untuk menghapus data');
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  await panel.getByLabel('Ketik nama usaha untuk memastikan', { exact: true }).fill(name);
  await panel.getByRole('button', { name: 'Hapus usaha ini selamanya' }).click();
  // The audit log, for that business: the entry outlives it.
  await expect(page).toHaveURL(/\/admin\/audit\?business=/);
  const entry = page.getByRole('listitem').filter({ hasText: 'Menghapus usaha' });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText('Usaha sudah tidak ada')).toBeVisible();
  await expect(entry.getByText('Permintaan pemilik untuk menghapus data')).toBeVisible();

  // Gone: its page, and its owner's account (who belonged nowhere else).
  expectedErrors.push(/^404 /);
  expect((await page.goto(tenantPath))?.status()).toBe(404);
  await owner.goto('/dashboard');
  await expect(owner).toHaveURL(/\/sign-in/);
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Kata sandi', { exact: true }).fill('cuci-bersih-wangi');
  await owner.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(owner).toHaveURL(/\/sign-in/);
  await ownerContext.close();
});
