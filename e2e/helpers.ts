import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

export const DEMO_PASSWORD = 'jejak-demo-2026';

export const demo = {
  bengkelOwner: 'pemilik@bengkel.test',
  bengkelStaff: 'staf@bengkel.test',
  kopiOwner: 'pemilik@kopi.test',
  kopiStaff: 'staf@kopi.test',
  bengkelTenantId: '0b5e1c00-0000-4000-8000-000000000001',
  kopiTenantId: '0b5e1c00-0000-4000-8000-000000000002',
  bengkelPersonaId: '0b5e1c00-0000-4000-8000-000000000101',
  bengkelJourneyId: '0b5e1c00-0000-4000-8000-000000000201',
  /** The seed's review link /r/demo-bengkel (lib/demo/seed.ts). */
  bengkelReviewLinkId: '0b5e1c00-0000-4000-8000-000000000401',
};

/** A fresh browser context with the UI language chosen up front (as if switched earlier). */
export async function newContext(browser: Browser, locale: 'id' | 'en', baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: 'jejak_locale', value: locale, url: baseURL }]);
  return context;
}

const labels = {
  id: { email: 'Email', password: 'Kata sandi', submit: 'Masuk' },
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale: 'id' | 'en' = 'id') {
  const l = labels[locale];
  await page.goto('/sign-in');
  await page.getByLabel(l.email, { exact: true }).fill(email);
  await page.getByLabel(l.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: l.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@contoh.test`;
}
