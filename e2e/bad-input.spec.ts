/**
 * Bad bytes get a clear answer, never a 500 (issue 7, item 4), in a real browser: a NUL typed or
 * pasted into a persona, a photo far over the size limit (with JavaScript, and without it: the
 * forms post as plain HTML until the page's script runs), paths whose percent-encoding does not
 * decode, and a journey file carrying a NUL.
 */
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { demo, signIn } from './helpers';

const UNSAFE = /^Teks ini berisi karakter tersembunyi/;

/** A photo of noise, made in the page: megabytes as PNG, far over the 1 MB a form may send. */
async function noisePhoto(page: Page, width: number, height: number): Promise<void> {
  await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(width, height);
      const noise = new Uint32Array(img.data.buffer);
      for (let i = 0; i < noise.length; i += 16384) crypto.getRandomValues(noise.subarray(i, i + 16384));
      for (let i = 0; i < noise.length; i++) noise[i]! |= 0xff000000;
      ctx.putImageData(img, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      (window as unknown as { bigPhoto: File }).bigPhoto = new File([blob], 'kamera.png', { type: 'image/png' });
    },
    { width, height },
  );
}

test('a NUL typed or pasted into a persona is refused with a message, and what was typed stays', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/personas/new');
  const name = page.getByLabel('Nama persona', { exact: true });
  const notes = page.getByLabel('Catatan', { exact: true });
  await name.fill('Pak\u0000Budi');
  await page.getByLabel('Pekerjaan', { exact: true }).fill('Sopir ojek daring');
  await notes.click();
  await page.keyboard.insertText('Dari dokumen\u0000 yang disalin');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await expect(page.getByText(UNSAFE)).toHaveCount(2);
  await expect(page.getByText(/Maaf, ada yang tidak beres/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/personas\/new$/);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Pak\u0000Budi');
  await expect(notes).toHaveValue('Dari dokumen\u0000 yang disalin');
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Sopir ojek daring');

  // Fixed, it saves.
  await name.fill(`Pak Budi ${Date.now().toString(36)}`);
  await notes.fill('Dari dokumen yang disalin');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}\?created=1$/);
});

test('a big photo saved at once, while it is still being made smaller, is sent small', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/personas/new');
  await noisePhoto(page, 1200, 900);
  const personaName = `Bu Tari ${Date.now().toString(36)}`;
  await page.getByLabel('Nama persona', { exact: true }).fill(personaName);
  // Choose the photo and press save in the same breath: the form is sent before the browser has
  // finished shrinking the photo.
  const sent = await page.evaluate(() => {
    const photo = (window as unknown as { bigPhoto: File }).bigPhoto;
    const input = document.querySelector<HTMLInputElement>('input[name="photo"]')!;
    const files = new DataTransfer();
    files.items.add(photo);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.form!.requestSubmit();
    return photo.size;
  });
  expect(sent).toBeGreaterThan(1024 * 1024);
  await expect(page).toHaveURL(/\/personas\/[0-9a-f-]{36}\?created=1$/);
  const photo = page.locator('img[src^="/api/persona-photo/"]').first();
  await expect(photo).toBeVisible();
  const res = await page.request.get((await photo.getAttribute('src'))!);
  expect(res.status()).toBe(200);
  expect((await res.body()).length).toBeLessThanOrEqual(200 * 1024);
});

test('a photo that cannot be made small enough shows the limit, and the form keeps its text', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/personas/new');
  await page.getByLabel('Nama persona', { exact: true }).fill('Pak Foto Rusak');
  // 20 MB that no browser can decode as an image: it cannot be shrunk.
  await page.getByLabel('Foto (opsional)', { exact: true }).setInputFiles({ name: 'rusak.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(20 * 1024 * 1024, 7) });
  await expect(page.getByText('Ukuran gambar maksimal 200 KB.')).toBeVisible();
  await expect(page.getByLabel('Nama persona', { exact: true })).toHaveValue('Pak Foto Rusak');
});

test.describe('without JavaScript (the form posts as plain HTML)', () => {
  test('a 20 MB photo gets a translated page that states the 1 MB limit, not a 500', async ({ page, browser, baseURL }) => {
    await signIn(page, demo.bengkelOwner);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: { width: 390, height: 844 } });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    const failures: string[] = [];
    plain.on('response', (r: Response) => {
      if (r.status() >= 400 && !(r.status() === 413 && r.url().endsWith('/personas/new'))) failures.push(`${r.status()} ${r.url()}`);
    });
    await plain.goto('/personas/new');
    await plain.getByLabel('Nama persona', { exact: true }).fill('Pak Tanpa Skrip');
    await plain.getByLabel('Foto (opsional)', { exact: true }).setInputFiles({ name: 'kamera.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(20 * 1024 * 1024, 7) });
    const [answer] = await Promise.all([plain.waitForResponse((r) => r.request().method() === 'POST'), plain.getByRole('button', { name: 'Simpan', exact: true }).click()]);
    expect(answer.status()).toBe(413);
    await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Kiriman terlalu besar');
    await expect(plain.getByText(/lebih besar dari 1 MB/)).toBeVisible();
    await expect(plain.getByRole('link', { name: 'Kembali ke formulir' })).toHaveAttribute('href', '/personas/new');
    expect(failures).toEqual([]);
    await context.close();
  });
});

test('paths whose percent-encoding does not decode answer 404, never 500', async ({ page, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  // Signed out: the share link page is public.
  for (const path of ['/share/%ff/%fe', `/share/${demo.bengkelTenantId}/%ff`, '/invite/%ff/%fe']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  }
  await signIn(page, demo.bengkelOwner);
  for (const path of ['/personas/%ff', '/journeys/%ff', '/journeys/%ff/versions', '/personas/%', '/personas/%00', '/journeys/%00']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  }
  for (const path of ['/api/journeys/%ff/export', '/api/persona-photo/%ff', '/api/business-logo/%ff', '/api/journeys/%00/export']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.json(), path).toEqual({ error: 'not_found' });
  }
  // A NUL in a query string is just an unknown value.
  const list = await page.goto('/personas?archived=%00');
  expect(list?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Persona pembeli');
});

test('importing a journey file with a NUL lists the problem with where it is', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/journeys/import');
  const text = JSON.stringify({ format: 'jejak.journey', version: 1, name: 'Impor uji', stages: [{ name: 'Datang' }, { name: 'Ba\u0000yar' }] });
  expect(text).toContain('\\u0000');
  await page.getByLabel('Berkas JSON', { exact: true }).setInputFiles({ name: 'nul.jejak.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Impor perjalanan', exact: true }).click();
  await expect(page.getByText('Berkas belum bisa diimpor. Perbaiki hal berikut:')).toBeVisible();
  await expect(page.locator('#import-problems li')).toHaveText([/^stages\.1\.name: Teks ini berisi karakter tersembunyi/]);
  await expect(page.getByText(/Maaf, ada yang tidak beres/)).toHaveCount(0);
});
