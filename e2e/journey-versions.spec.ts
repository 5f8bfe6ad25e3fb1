/**
 * Revise and repeat, and getting a map out of the app, in a real browser on the seeded Bengkel
 * journey: save versions, compare two, restore one; the print view; a share link that works
 * signed out until it is revoked; export to JSON and import it back as a new journey.
 */
import fs from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { demo, signIn } from './helpers';

const journeyId = '0b5e1c00-0000-4000-8000-000000000201';
const base = `/journeys/${journeyId}`;

const ui = {
  versionName: 'Nama versi',
  note: 'Catatan',
  saveVersion: 'Simpan versi',
  from: 'Versi lama',
  to: 'Versi baru',
  compare: 'Bandingkan',
  noChanges: 'Tidak ada perubahan pada tahap-tahapnya.',
  restore: 'Pulihkan versi ini',
  confirmRestore: 'Ya, pulihkan',
  print: 'Cetak / simpan PDF',
  createShare: 'Buat tautan berbagi',
  shareLink: 'Tautan berbagi',
  revoke: 'Cabut',
  activeLinks: 'Tautan yang masih aktif',
  readOnly: 'Ini tampilan baca saja.',
  export: 'Unduh berkas JSON',
  importTitle: 'Impor perjalanan',
  file: 'Berkas JSON',
};

test('save two versions, compare them, restore one', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(`${base}/versions`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);

  const stamp = Date.now().toString(36);
  const titles: string[] = [];
  for (const name of [`Sebelum survei ${stamp}`, `Sesudah survei ${stamp}`]) {
    await page.getByLabel(ui.versionName, { exact: true }).fill(name);
    await page.getByLabel(ui.note, { exact: true }).fill('Uji otomatis');
    await page.getByRole('button', { name: ui.saveVersion, exact: true }).click();
    const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^Versi \\d+: ${name}$`) });
    await expect(heading).toBeVisible();
    titles.push((await heading.textContent())!);
  }

  await page.getByLabel(ui.from, { exact: true }).selectOption({ label: titles[0]! });
  await page.getByLabel(ui.to, { exact: true }).selectOption({ label: titles[1]! });
  await page.getByRole('button', { name: ui.compare, exact: true }).click();
  await expect(page).toHaveURL(/\/versions\/compare\?a=[0-9a-f-]{36}&b=[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: titles[0]! })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: titles[1]! })).toBeVisible();
  // Saved one after the other with no edit in between: nothing changed.
  await expect(page.getByText(ui.noChanges)).toBeVisible();
  await expectAccessible(page);

  // Restoring the older one: the map as it is now is the newer version already, so it is named,
  // not saved again; the map confirms which version came back and where the map as it was is.
  await page.goto(`${base}/versions`);
  const versionsBefore = await page.getByRole('heading', { level: 3, name: /^Versi \d+: / }).count();
  const [older, newer] = titles.map((title) => Number(/^Versi (\d+):/.exec(title)![1]));
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: titles[0]! }) });
  await item.getByRole('button', { name: ui.restore, exact: true }).click();
  await item.getByRole('button', { name: ui.confirmRestore, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?restored=[0-9a-f-]{36}&kept=${newer}$`));
  await expect(page.getByRole('status').filter({ hasText: `Versi ${older} “Sebelum survei ${stamp}” sudah dipulihkan. Peta sebelumnya disimpan sebagai versi ${newer}.` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Lihat riwayat versi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Versi \d+: / })).toHaveCount(versionsBefore);
});

test('the print view shows the map without the app header', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(`${base}/print`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: ui.print, exact: true })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  // The emotion curve is a row of the table, its points over their stages, read out in words.
  const curve = page.getByRole('row', { name: /^Kurva emosi pelanggan/ }).getByRole('img');
  await expect(curve).toHaveAccessibleName(/^Kurva emosi pelanggan: Kesadaran: \S.*; Advokasi: /);
  const [cell, first] = await Promise.all([
    page.getByRole('columnheader', { name: /Tahap 1/ }).boundingBox(),
    curve.locator('circle').first().boundingBox(),
  ]);
  const centre = first!.x + first!.width / 2;
  expect(centre).toBeGreaterThan(cell!.x);
  expect(centre).toBeLessThan(cell!.x + cell!.width);
  // A4 landscape: print styles hide the buttons and let the table fit the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: ui.print, exact: true })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page);
});

test('a share link opens the map signed out, and stops after "Cabut"', async ({ page, browser }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(`${base}/share`);
  const revokeButtons = page.getByRole('button', { name: ui.revoke, exact: true });
  const before = await revokeButtons.count();
  await page.getByRole('button', { name: ui.createShare, exact: true }).click();
  const box = page.getByLabel(ui.shareLink, { exact: true });
  await expect(box).toHaveValue(new RegExp(`/share/${demo.bengkelTenantId}/[A-Za-z0-9_-]{32}$`));
  const path = new URL(await box.inputValue()).pathname;
  await expect(revokeButtons).toHaveCount(before + 1);
  await expectAccessible(page);

  const visitorCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorCtx.newPage();
  const ok = await visitor.goto(path);
  expect(ok?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(visitor.getByText(ui.readOnly)).toBeVisible();
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectAccessible(visitor);

  // Links are listed oldest first: the new one is the last.
  await revokeButtons.last().click();
  // While the revoke is on its way the button reads "Mencabut…": wait for the list without it.
  const activeLinks = page.getByRole('region', { name: ui.activeLinks }).getByRole('listitem');
  await expect(activeLinks).toHaveCount(before);
  await expect(revokeButtons).toHaveCount(before);
  const gone = await visitor.goto(path);
  expect(gone?.status()).toBe(404);
  await visitorCtx.close();
});

test("the demo seed's share link opens Bengkel's map signed out, even without JavaScript", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const visitor = await ctx.newPage();
  const res = await visitor.goto(`/share/${demo.bengkelTenantId}/DemoBengkelMajuJaya-PetaServis01`);
  expect(res?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Servis mobil: dari mencari bengkel sampai merekomendasikan');
  await expect(visitor.getByText('Dibagikan oleh Bengkel Maju Jaya')).toBeVisible();
  await expect(visitor.getByText(ui.readOnly)).toBeVisible();
  // The map as saved (the seed's second version added this pain point), and nothing to edit it with.
  await expect(visitor.getByText('Tidak tahu bengkel mana yang buka hari Minggu')).toBeVisible();
  await expect(visitor.locator('textarea, select, input:not([type="hidden"])')).toHaveCount(0);
  await ctx.close();
});

test('export downloads JSON, and importing it creates a new journey', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto(`${base}/share`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: ui.export, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.jejak\.json$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const doc = JSON.parse(text) as { format: string; version: number; name: string; stages: unknown[] };
  expect(doc).toMatchObject({ format: 'jejak.journey', version: 1 });
  expect(doc.stages.length).toBeGreaterThan(0);

  await page.goto('/journeys/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.importTitle);
  await expectAccessible(page);
  await page.getByLabel(ui.file, { exact: true }).setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: ui.importTitle, exact: true }).click();
  // The map opens with the import confirmed (`imported=1`).
  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}\?imported=1$/);
  expect(page.url()).not.toContain(journeyId);
});

test('an import with problems lists each one with where it is', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/journeys/import');
  await page.getByLabel('Tempel isi JSON', { exact: true }).fill(JSON.stringify({ format: 'jejak.journey', version: 1, name: 'Uji', stages: [{ name: '' }] }));
  await page.getByRole('button', { name: ui.importTitle, exact: true }).click();
  await expect(page.getByText('stages.0.name: Nama tahap wajib diisi.')).toBeVisible();
  // What was pasted is still there to fix.
  await expect(page.getByLabel('Tempel isi JSON', { exact: true })).toHaveValue(/"stages"/);
});
