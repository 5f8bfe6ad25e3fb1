import { expect, test } from './fixtures';
import { demo, signIn, uniqueEmail } from './helpers';

test('sign-up refuses bad input with clear messages and keeps what was typed', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill('Agus');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Warung Bu Tini');
  await page.getByLabel('Email', { exact: true }).fill('bukan-email');
  await page.getByLabel('Kata sandi', { exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByText('Alamat email tidak valid. Contoh: nama@usaha.id')).toBeVisible();
  await expect(page.getByText('Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.')).toBeVisible();
  await expect(page.getByLabel('Jenis usaha', { exact: true })).toHaveAccessibleDescription('Wajib diisi.');
  await expect(page.getByLabel('Nama usaha', { exact: true })).toHaveValue('Warung Bu Tini');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('bukan-email');
  await expect(page).toHaveURL(/\/sign-up$/);
});

test('sign-up with an email already registered says so', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Nama Anda', { exact: true }).fill('Budi');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Bengkel Lain');
  await page.getByLabel('Jenis usaha', { exact: true }).selectOption('bengkel');
  await page.getByLabel('Kota', { exact: true }).fill('Surabaya');
  await page.getByLabel('Email', { exact: true }).fill(demo.bengkelOwner.toUpperCase());
  await page.getByLabel('Kata sandi', { exact: true }).fill('rahasia-bengkel-99');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByText('Email ini sudah terdaftar. Silakan masuk.')).toBeVisible();
});

test('a wrong password is refused, keeps the email, and the 6th try is locked even with the right password', async ({ page, expectedErrors }) => {
  // next-auth answers each refused sign-in with 401; that is the behaviour under test.
  expectedErrors.push(/^401 \S+\/api\/auth\/callback\/credentials$/);
  const email = uniqueEmail('coba');
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Kata sandi', { exact: true }).fill(`salah-${i}-sandi`);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByText('Email atau kata sandi salah.')).toBeVisible();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  }
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText(/Terlalu banyak percobaan gagal\. Demi keamanan, coba lagi dalam 1[45] menit\./)).toBeVisible();
});

test('demo owner signs in, sees the dashboard, and signs out', async ({ page }) => {
  await signIn(page, demo.bengkelOwner);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Budi Santoso!');
  await expect(page.getByText('Usaha: Bengkel Maju Jaya')).toBeVisible();
  // The session cookie cannot be read by scripts nor sent by other sites' forms (Secure comes with https).
  const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);
});
