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
  await page.getByLabel('Kendala', { exact: true }).fill('Bengkel susah dihubungi.');
  await page.getByRole('checkbox', { name: 'WhatsApp', exact: true }).check();
  await page.getByRole('radio', { name: 'Biru langit', exact: true }).check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await expect(page.getByLabel('Nama persona', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Karyawan swasta');
  await expect(page.getByLabel('Kendala', { exact: true })).toHaveValue('Bengkel susah dihubungi.');
  await expect(page.getByRole('checkbox', { name: 'WhatsApp', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Biru langit', exact: true })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('Nama persona', { exact: true }).fill(name);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption('male');
  await page.getByRole('checkbox', { name: 'Google Maps', exact: true }).check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}\?created=1$/);
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
  await page.getByRole('button', { name: 'Buat salinan', exact: true }).click();
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

test('a big photo from the phone camera is made smaller in the browser and saved', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/personas/new');
  // A 1000×800 photo of noise: megabytes as PNG, like a camera picture that compresses badly.
  const png = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1000;
    canvas.height = 800;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(canvas.width, canvas.height);
    const noise = new Uint32Array(img.data.buffer);
    crypto.getRandomValues(noise.subarray(0, 16384));
    for (let i = 16384; i < noise.length; i += 16384) crypto.getRandomValues(noise.subarray(i, i + 16384));
    for (let i = 0; i < noise.length; i++) noise[i]! |= 0xff000000; // opaque
    ctx.putImageData(img, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const url = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(blob);
    });
    return url.slice(url.indexOf(',') + 1);
  });
  const bytes = Buffer.from(png, 'base64');
  expect(bytes.length).toBeGreaterThan(1_000_000);
  const input = page.getByLabel('Foto (opsional)', { exact: true });
  await input.setInputFiles({ name: 'kamera.png', mimeType: 'image/png', buffer: bytes });
  await expect.poll(() => input.evaluate((el: HTMLInputElement) => el.files?.[0]?.type)).toBe('image/jpeg');
  const size = await input.evaluate((el: HTMLInputElement) => el.files![0]!.size);
  expect(size).toBeLessThanOrEqual(200 * 1024);
  await expect(page.getByText('Ukuran gambar maksimal 200 KB.')).toHaveCount(0);

  await page.getByLabel('Nama persona', { exact: true }).fill(`Bu Rina ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}\?created=1$/);
  // The avatar now shows the photo, served to members of the business.
  const photo = page.locator('img[src^="/api/persona-photo/"]').first();
  await expect(photo).toBeVisible();
  const res = await page.request.get(await photo.getAttribute('src') as string);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/jpeg');
});

test('the persona form speaks English and refuses a missing name there too', async ({ browser, baseURL }) => {
  const context = await newContext(browser, 'en', baseURL!);
  const page = await context.newPage();
  await signIn(page, demo.bengkelOwner, undefined, 'en');
  await page.goto('/personas/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New persona');
  for (const label of ['Persona name', 'Photo (optional)', 'Age range', 'Gender', 'City / location', 'Occupation', 'Lifestyle', 'Personality', 'Goals and motivations', 'Pain points', 'Expectations', 'Shopping preferences', 'Most active times', 'View of your business', 'Notes']) {
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
