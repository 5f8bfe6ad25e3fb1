/**
 * Plan limits and one-time password-reset links (issue 12, item 5) in a real browser. Named to run
 * after e2e/admin.spec.ts (files run in name order; that spec's first sign-in enrols the admin).
 *
 * - On a phone, in Indonesian: the admin sets Bengkel's review-link limit to what it has and its
 *   monthly review limit to 0 (a bad number first: refused, kept); the owner sees the limit on the
 *   review links page and is refused a new link with the limit in the message; a customer opening
 *   the review link (without JavaScript) gets the polite page, in both languages. The limits are
 *   lifted again at the end (the specs share one database), whatever happened.
 * - On a laptop, in English: the admin issues a reset link for the owner of a business signed up
 *   here; the owner sets a new password through it (mismatch refused first), lands on sign-in with
 *   the success message, signs in with it; the link used again is refused; the old session is gone.
 */
import type { Page } from '@playwright/test';
import { adminSignIn } from './admin-helpers';
import { expect, expectAccessible, test } from './fixtures';
import { demo, newContext, signIn, uniqueEmail } from './helpers';

const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

/** Fills the plan form on the business page (Indonesian) and saves it. */
async function saveLimits(page: Page, values: { plan?: string; links?: string; reviews?: string }, reason: string) {
  const panel = page.getByRole('region', { name: 'Paket dan catatan' });
  const summary = panel.getByText('Ubah paket, batas, dan catatan', { exact: true });
  if (!(await panel.getByLabel('Alasan perubahan', { exact: true }).isVisible())) await summary.click();
  await panel.getByLabel('Paket', { exact: true }).fill(values.plan ?? '');
  await panel.getByLabel('Batas tautan ulasan', { exact: true }).fill(values.links ?? '');
  await panel.getByLabel('Batas ulasan per bulan', { exact: true }).fill(values.reviews ?? '');
  await panel.getByLabel('Alasan perubahan', { exact: true }).fill(reason);
  await panel.getByRole('button', { name: 'Simpan paket dan batas', exact: true }).click();
}

test('the admin limits a business: the owner is refused a new review link, the customer sees a polite page; lifted again', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await adminSignIn(page);
  const businessPath = `/admin/businesses/${demo.bengkelTenantId}`;
  await page.goto(businessPath);
  const panel = page.getByRole('region', { name: 'Paket dan catatan' });
  await expect(panel.getByTestId('plan-name')).toHaveText('Paket bawaan');
  const used = Number(/^(\d+)/.exec(await panel.getByTestId('limit-review-links').innerText())![1]);
  expect(used).toBeGreaterThan(0);

  try {
    // A limit that is no number: refused at the field, what was typed kept.
    await saveLimits(page, { plan: 'Uji Batas', links: 'tiga', reviews: '' }, 'Uji batas paket dari e2e');
    await expect(panel.getByLabel('Batas tautan ulasan', { exact: true })).toHaveAccessibleDescription(/Tulis bilangan bulat 0 atau lebih/);
    await expect(panel.getByLabel('Batas tautan ulasan', { exact: true })).toHaveValue('tiga');
    await expect(panel.getByLabel('Alasan perubahan', { exact: true })).toHaveValue('Uji batas paket dari e2e');
    await expectAccessible(page);

    await saveLimits(page, { plan: 'Uji Batas', links: String(used), reviews: '0' }, 'Uji batas paket dari e2e');
    await expect(panel.getByTestId('plan-name')).toHaveText('Uji Batas');
    await expect(panel.getByTestId('limit-review-links')).toHaveText(`${used} dari ${used}`);
    await expect(panel.getByTestId('limit-reviews-month')).toHaveText(/ dari 0$/);
    await expectAccessible(page);
    expect(await page.evaluate(noSidewaysScroll)).toBe(true);

    // The owner: the limit on the review links page, and a new link refused with it.
    const ownerContext = await newContext(browser, 'id', baseURL!);
    const owner = await ownerContext.newPage();
    await signIn(owner, demo.bengkelOwner);
    await owner.goto('/reviews');
    await expect(owner.getByTestId('review-link-allowance')).toHaveText(new RegExp(`Semua ${used} tautan ulasan di paket Anda sudah dibuat`));
    await owner.goto('/reviews/links/new');
    await expect(owner.getByTestId('review-link-allowance')).toBeVisible();
    const stage = owner.getByLabel('Tahap', { exact: true });
    await stage.selectOption({ label: ((await stage.locator('option').nth(1).textContent()) ?? '').trim() });
    await owner.getByRole('button', { name: 'Buat tautan', exact: true }).click();
    await expect(owner.getByText(`Paket usaha Anda memuat paling banyak ${used} tautan ulasan`)).toBeVisible();
    await expect(owner).toHaveURL(/\/reviews\/links\/new$/);
    await expectAccessible(owner);
    expect(await owner.evaluate(noSidewaysScroll)).toBe(true);
    await ownerContext.close();

    // A customer, without JavaScript: the polite page, nothing to fill in; in English too.
    const customerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const customer = await customerContext.newPage();
    const answer = await customer.goto('/r/demo-bengkel?lang=id');
    expect(answer?.status()).toBe(403);
    await expect(customer.getByRole('heading', { level: 1 })).toHaveText('Belum bisa menerima ulasan');
    await expect(customer.getByText(/Bengkel Maju Jaya sudah menerima ulasan sebanyak yang bisa ditampung bulan ini/)).toBeVisible();
    await expect(customer.locator('form')).toHaveCount(0);
    await customerContext.close();
    // With JavaScript (axe runs in the page), in English.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await phoneContext.newPage();
    const en = await phone.goto('/r/demo-bengkel?lang=en');
    expect(en?.status()).toBe(403);
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Not taking reviews right now');
    await expectAccessible(phone);
    expect(await phone.evaluate(noSidewaysScroll)).toBe(true);
    await phoneContext.close();
  } finally {
    // Lifted again, whatever happened above: later specs use Bengkel's links and review page.
    await page.goto(businessPath);
    await saveLimits(page, {}, 'Selesai uji batas paket');
    await expect(panel.getByTestId('plan-name')).toHaveText('Paket bawaan');
  }
  await expect(panel.getByTestId('limit-review-links')).toHaveText(`${used} (tanpa batas)`);
  // The changes are on the record.
  await page.goto(`/admin/audit?business=${demo.bengkelTenantId}`);
  await expect(page.getByRole('listitem').getByText('Mengubah paket dan batas usaha').first()).toBeVisible();
  await expect(page.getByRole('listitem').getByText('Selesai uji batas paket').first()).toBeVisible();
});

test('the admin issues a one-time reset link (laptop, English); the owner sets a new password through it and signs in; the link is then refused', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // A business of its own, signed up in another browser (so no demo password changes).
  const name = `Salon Reset ${Date.now().toString(36)}`;
  const email = uniqueEmail('reset');
  const ownerContext = await newContext(browser, 'id', baseURL!);
  const owner = await ownerContext.newPage();
  await owner.goto('/sign-up');
  await owner.getByLabel('Nama Anda', { exact: true }).fill('Bu Reset');
  await owner.getByLabel('Nama usaha', { exact: true }).fill(name);
  await owner.getByLabel('Jenis usaha', { exact: true }).selectOption('salon');
  await owner.getByLabel('Kota', { exact: true }).fill('Medan');
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Kata sandi', { exact: true }).fill('rambut-lurus-lama');
  await owner.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(owner).toHaveURL(/\/dashboard$/);

  // The admin, on a laptop in English.
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await adminContext.addCookies([{ name: 'jejak_locale', value: 'en', url: baseURL! }]);
  const admin = await adminContext.newPage();
  await adminSignIn(admin, 'en');
  await admin.goto(`/admin/businesses?q=${encodeURIComponent(email)}`);
  await admin.getByRole('link', { name }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name);
  const panel = admin.getByRole('region', { name: 'Password reset links' });
  await expect(panel.getByLabel('Member', { exact: true })).toHaveValue(/.+/);
  // No reason: refused, nothing issued.
  await panel.getByRole('button', { name: 'Create reset link', exact: true }).click();
  await expect(panel.getByLabel('Reason for the link', { exact: true })).toHaveAccessibleDescription(/required|at least 5 characters/);
  await expect(panel.locator('#reset-link')).toHaveCount(0);
  await panel.getByLabel('Reason for the link', { exact: true }).fill('Owner lost her password, asked on WhatsApp');
  await panel.getByRole('button', { name: 'Create reset link', exact: true }).click();
  const linkBox = panel.locator('#reset-link');
  await expect(linkBox).toBeVisible();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{32}$/);
  await expect(panel.getByText(`Link for Bu Reset (${email})`)).toBeVisible();
  const wa = panel.getByRole('link', { name: 'Send via WhatsApp' });
  await expect(wa).toHaveAttribute('href', new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent('/reset/')}`));
  await expectAccessible(admin);
  expect(await admin.evaluate(noSidewaysScroll)).toBe(true);
  await admin.goto(`/admin/audit?business=${new URL(admin.url()).pathname.split('/').pop()}`);
  await expect(admin.getByRole('table').getByText('Created a password reset link').first()).toBeVisible();
  await expect(admin.getByRole('table').getByText('Owner lost her password, asked on WhatsApp').first()).toBeVisible();

  // The owner opens it in a fresh browser (English, laptop).
  const resetContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await resetContext.addCookies([{ name: 'jejak_locale', value: 'en', url: baseURL! }]);
  const visitor = await resetContext.newPage();
  const path = new URL(link).pathname;
  await visitor.goto(path);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Create a new password');
  await expect(visitor.getByText(email)).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel('New password', { exact: true }).fill('gunting-sisir-baru-9');
  await visitor.getByLabel('Repeat the new password', { exact: true }).fill('gunting-sisir-beda-9');
  await visitor.getByRole('button', { name: 'Save new password', exact: true }).click();
  await expect(visitor.getByLabel('Repeat the new password', { exact: true })).toHaveAccessibleDescription(/do not match|don’t match|not the same/i);
  await visitor.getByLabel('New password', { exact: true }).fill('gunting-sisir-baru-9');
  await visitor.getByLabel('Repeat the new password', { exact: true }).fill('gunting-sisir-baru-9');
  await visitor.getByRole('button', { name: 'Save new password', exact: true }).click();
  await expect(visitor).toHaveURL(/\/reset\/done$/);
  await expect(visitor.getByTestId('reset-done')).toContainText('Your new password is saved');
  await expectAccessible(visitor);
  await visitor.getByLabel('Email', { exact: true }).fill(email);
  await visitor.getByLabel('Password', { exact: true }).fill('gunting-sisir-baru-9');
  await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(visitor).toHaveURL(/\/dashboard$/);

  // Used: the same link is refused, with the one message.
  const again = await resetContext.newPage();
  await again.goto(path);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('This link can’t be used');
  await expect(again.getByTestId('reset-unusable')).toContainText('it may have been used already');
  await expect(again.getByLabel('New password', { exact: true })).toHaveCount(0);

  // The owner's old session (the sign-up's, on the phone) ended with the reset.
  await owner.goto('/dashboard');
  await expect(owner).toHaveURL(/\/sign-in/);
  // And on a phone, in Indonesian, the refusal reads the same way.
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tautan tidak bisa dipakai');
  await expectAccessible(page);
  expect(await page.evaluate(noSidewaysScroll)).toBe(true);

  await Promise.all([ownerContext.close(), adminContext.close(), resetContext.close()]);
});
