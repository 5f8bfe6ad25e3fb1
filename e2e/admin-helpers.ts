/**
 * Signing in as the seeded platform admin, second factor included, the way a person does it: the
 * code is computed from the secret the enrolment page shows (otpauth, as an authenticator app
 * computes it). The secret and the recovery codes are shown once, so they are kept in a file of
 * this run's output folder for the sign-ins that follow (the e2e server starts on a fresh
 * database each run, and the first admin sign-in enrols).
 *
 * A TOTP code is accepted once per 30-second step (replays are refused) and for one step either
 * side of now, so quick sign-ins one after another take the next step's code, then a recovery code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { expect } from './fixtures';

export const admin = { email: 'admin@jejak.test', password: 'jejak-admin-2026' };

interface Factor {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

const store = path.join(process.env.E2E_OUT ?? 'test-results', 'admin-factor.json');

export function readFactor(): Factor | null {
  return fs.existsSync(store) ? (JSON.parse(fs.readFileSync(store, 'utf8')) as Factor) : null;
}

function writeFactor(f: Factor): void {
  fs.mkdirSync(path.dirname(store), { recursive: true });
  fs.writeFileSync(store, JSON.stringify(f));
}

const step = (at = Date.now()) => Math.floor(at / 30_000);
const app = (secret: string) => new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });

/** A code the server has not seen yet, if one is accepted right now (else null: use a recovery code). */
export function freshCode(): string | null {
  const f = readFactor();
  if (!f) throw new Error(`No admin secret in ${store}: the first admin sign-in of this run enrols.`);
  const next = Math.max(step(), f.lastStep + 1);
  if (next > step() + 1) return null;
  writeFactor({ ...f, lastStep: next });
  return app(f.secret).generate({ timestamp: next * 30_000 });
}

/** One recovery code not used yet (each works once). */
export function takeRecoveryCode(): string {
  const f = readFactor();
  const code = f?.recoveryCodes[0];
  if (!f || !code) throw new Error('No recovery code left for this run.');
  writeFactor({ ...f, recoveryCodes: f.recoveryCodes.slice(1) });
  return code;
}

/** Password sign-in only: lands on the second-factor step. */
export async function adminPasswordSignIn(page: Page, locale: 'id' | 'en' = 'id'): Promise<void> {
  const l = locale === 'id' ? { password: 'Kata sandi', submit: 'Masuk' } : { password: 'Password', submit: 'Sign in' };
  await page.goto('/sign-in?callbackUrl=%2Fadmin');
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel(l.password, { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: l.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/(enrol|verify)$/);
}

/** Enrols on the enrolment page: reads the secret, sends its code, keeps the recovery codes. */
export async function enrolOnPage(page: Page, locale: 'id' | 'en' = 'id'): Promise<string[]> {
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const now = step();
  await page.getByLabel(locale === 'id' ? 'Kode 6 angka' : '6-digit code', { exact: true }).fill(app(secret).generate({ timestamp: now * 30_000 }));
  await page.getByRole('button', { name: locale === 'id' ? 'Aktifkan verifikasi dua langkah' : 'Turn on two-step verification', exact: true }).click();
  const list = page.getByRole('list', { name: locale === 'id' ? 'Kode pemulihan' : 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  writeFactor({ secret, lastStep: now, recoveryCodes });
  return recoveryCodes;
}

/** The second step on /admin/verify: a fresh TOTP code, else a recovery code. */
export async function verifyOnPage(page: Page, locale: 'id' | 'en' = 'id'): Promise<void> {
  const code = freshCode();
  if (code) {
    await page.getByLabel(locale === 'id' ? 'Kode 6 angka' : '6-digit code', { exact: true }).fill(code);
    await page.getByRole('button', { name: locale === 'id' ? 'Verifikasi' : 'Verify', exact: true }).click();
  } else {
    await page.getByText(locale === 'id' ? 'Ponsel hilang? Pakai kode pemulihan' : 'Lost your phone? Use a recovery code').click();
    await page.getByLabel(locale === 'id' ? 'Kode pemulihan' : 'Recovery code', { exact: true }).fill(takeRecoveryCode());
    await page.getByRole('button', { name: locale === 'id' ? 'Masuk dengan kode pemulihan' : 'Sign in with a recovery code', exact: true }).click();
  }
  await expect(page).toHaveURL(/\/admin\/businesses$/);
}

/** The whole admin sign-in: password, then enrolment (first time in this run) or verification. */
export async function adminSignIn(page: Page, locale: 'id' | 'en' = 'id'): Promise<void> {
  await adminPasswordSignIn(page, locale);
  if (page.url().endsWith('/admin/enrol')) {
    await enrolOnPage(page, locale);
    await page.getByRole('link', { name: locale === 'id' ? 'Sudah saya simpan, buka konsol' : 'I have saved them, open the console' }).click();
    await expect(page).toHaveURL(/\/admin\/businesses$/);
  } else {
    await verifyOnPage(page, locale);
  }
}
