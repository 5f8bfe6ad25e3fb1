/**
 * Buyer personas in a real browser on a phone-sized screen: the owner of Bengkel Maju Jaya
 * creates one (after a refused first try that keeps what was typed), finds it in the list, edits,
 * duplicates and archives the copy; the form is checked for accessibility; English labels too.
 */
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

test('owner creates, edits, duplicates and archives a persona', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Pak Budi ${Date.now().toString(36)}`;
  const copy = `${name} (salinan)`;
  const h1 = page.getByRole('heading', { level: 1 });

  await signIn(page, demo.bengkelOwner);
  await page.getByRole('link', { name: 'Persona', exact: true }).click();
  await expect(h1).toHaveText('Persona pembeli');
  // "Buat persona", or "Buat persona pertama" when the business has none yet.
  await page.getByRole('link', { name: /^Buat persona/ }).click();
  await expect(page).toHaveURL(/\/personas\/new$/);
  await expect(h1).toHaveText('Persona baru');
  await expectAccessible(page);

  // No name: refused, with the message under the field, and everything typed is still there.
  await page.getByLabel('Rentang usia', { exact: true }).fill('35–44');
  await page.getByLabel('Kota / lokasi', { exact: true }).fill('Bekasi');
  await page.getByLabel('Pekerjaan', { exact: true }).fill('Karyawan swasta');
  await page.getByLabel('Titik nyeri', { exact: true }).fill('Bengkel susah dihubungi.');
  await page.getByRole('checkbox', { name: 'WhatsApp', exact: true }).check();
  await page.getByRole('radio', { name: 'Biru langit', exact: true }).check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await expect(page.getByLabel('Nama persona', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Karyawan swasta');
  await expect(page.getByLabel('Titik nyeri', { exact: true })).toHaveValue('Bengkel susah dihubungi.');
  await expect(page.getByRole('checkbox', { name: 'WhatsApp', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Biru langit', exact: true })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('Nama persona', { exact: true }).fill(name);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption('male');
  await page.getByRole('checkbox', { name: 'Google Maps', exact: true }).check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}$/);
  await expect(h1).toHaveText(name);
  await expect(page.getByText('Belum ada perjalanan pelanggan untuk persona ini.')).toBeVisible();
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Karyawan swasta');
  await expect(page.getByRole('checkbox', { name: 'Google Maps', exact: true })).toBeChecked();
  const personaUrl = page.url();
  await expectAccessible(page);

  // In the list, with its facts on the card.
  await page.getByRole('link', { name: 'Semua persona', exact: true }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(card).toContainText('35–44 · Laki-laki · Bekasi');
  await expect(card).toContainText('WhatsApp, Google Maps');

  // Edit.
  await card.getByRole('link', { name, exact: true }).click();
  await expect(h1).toHaveText(name);
  await page.getByLabel('Pekerjaan', { exact: true }).fill('Sopir taksi online');
  await page.getByRole('checkbox', { name: 'WhatsApp', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Tersimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Sopir taksi online');
  await expect(page.getByRole('checkbox', { name: 'WhatsApp', exact: true })).not.toBeChecked();

  // Duplicate: the copy opens, with the same details.
  await page.getByRole('button', { name: 'Duplikat', exact: true }).click();
  await expect(h1).toHaveText(copy);
  expect(page.url()).not.toBe(personaUrl);
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Sopir taksi online');

  // Archive the copy: gone from the list, back when archived ones are shown.
  await page.getByRole('button', { name: 'Arsipkan', exact: true }).click();
  await expect(page.getByText('Persona diarsipkan.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pulihkan', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Semua persona', exact: true }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: copy, exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: /^Tampilkan yang diarsipkan/ }).click();
  const archived = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: copy, exact: true }) });
  await expect(archived).toContainText('Diarsipkan');

  // Restore it.
  await archived.getByRole('link', { name: copy, exact: true }).click();
  await page.getByRole('button', { name: 'Pulihkan', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Arsipkan', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Semua persona', exact: true }).click();
  await expect(page.getByRole('link', { name: copy, exact: true })).toBeVisible();
});

test('the persona form speaks English and refuses a missing name there too', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto('/personas/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New persona');
  for (const label of ['Persona name', 'Photo (optional)', 'Age range', 'Gender', 'City / location', 'Occupation', 'Lifestyle', 'Personality', 'Goals and motivations', 'Pain points', 'Expectations', 'Shopping preferences', 'Most active times', 'View of the brand', 'Notes']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Avatar colour' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Favourite channels/ })).toBeVisible();
  await page.getByLabel('Occupation', { exact: true }).fill('Online taxi driver');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByLabel('Occupation', { exact: true })).toHaveValue('Online taxi driver');
  await expectAccessible(page);
  await context.close();
});
