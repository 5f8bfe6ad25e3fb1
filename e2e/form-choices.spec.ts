/**
 * Issue 11, item 7: a refused form keeps every choice (selects included, which React's reset of
 * the form after its action used to put back to their first option), and a field's error goes once
 * the field is changed (and comes back if the refused value is typed again).
 */
import { expect, test } from './fixtures';
import { demo, signIn } from './helpers';

test('a refused sign-up keeps the chosen business type and time zone; a fixed field loses its error', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill('Tini');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Warung Bu Tini');
  await page.getByLabel('Jenis usaha', { exact: true }).selectOption('warung');
  await page.getByLabel('Kota', { exact: true }).fill('Makassar');
  await page.getByLabel('Zona waktu', { exact: true }).selectOption('Asia/Makassar');
  const email = page.getByLabel('Email', { exact: true });
  await email.fill('bukan-email');
  await page.getByLabel('Kata sandi', { exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();

  const emailError = page.getByText('Alamat email tidak valid. Contoh: nama@usaha.id');
  const passwordError = page.getByText('Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.');
  await expect(emailError).toBeVisible();
  await expect(passwordError).toBeVisible();
  await expect(page.getByLabel('Jenis usaha', { exact: true })).toHaveValue('warung');
  await expect(page.getByLabel('Zona waktu', { exact: true })).toHaveValue('Asia/Makassar');
  await expect(page.getByLabel('Kota', { exact: true })).toHaveValue('Makassar');
  await expect(email).toHaveAttribute('aria-invalid', 'true');

  // Fixing the email takes its error away at once; the password's stays until it is changed.
  await email.fill('tini@contoh.test');
  await expect(emailError).toBeHidden();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(passwordError).toBeVisible();
  // The refused value again: the error is back.
  await email.fill('bukan-email');
  await expect(emailError).toBeVisible();

  // Refused a second time with the same answer: the errors show again, the choices still kept.
  await page.getByLabel('Kata sandi', { exact: true }).fill('password123');
  await expect(passwordError).toBeHidden();
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(passwordError).toBeVisible();
  await expect(emailError).toBeVisible();
  await expect(page.getByLabel('Jenis usaha', { exact: true })).toHaveValue('warung');
  await expect(page.getByLabel('Zona waktu', { exact: true })).toHaveValue('Asia/Makassar');
});

test('a refused persona keeps the chosen gender; the name error goes once a name is typed', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await page.goto('/personas/new');
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption('female');
  await page.getByLabel('Pekerjaan', { exact: true }).fill('Guru');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  const name = page.getByLabel('Nama persona', { exact: true });
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(page.getByLabel('Jenis kelamin', { exact: true })).toHaveValue('female');
  await expect(page.getByLabel('Pekerjaan', { exact: true })).toHaveValue('Guru');

  await name.fill('Bu Sari');
  await expect(page.getByText('Wajib diisi.')).toBeHidden();
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
});
