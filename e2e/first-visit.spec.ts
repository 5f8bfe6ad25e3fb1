/**
 * A first visit follows the browser's language until the user chooses one (issue 11, item 10):
 * landing, sign-in, sign-up, an invite and a share link, in a browser set to English and in one set
 * to Indonesian, with no language cookie and no session. Then choosing with the switcher sticks.
 * The expected words are read from the locale files, so copy edits do not break the check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demo, newContext, signIn } from './helpers';

type Lang = 'id' | 'en';
function text(lang: Lang, ns: string, key: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'locales', lang, `${ns}.json`), 'utf8'));
  const value = key.split('.').reduce((o, k) => o?.[k], json);
  if (typeof value !== 'string') throw new Error(`no ${lang}/${ns}.json ${key}`);
  return value;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shareLink = `/share/${demo.bengkelTenantId}/DemoBengkelMajuJaya-PetaServis01`;

/** An invite link of Bengkel Maju Jaya, made by its owner (in a browser of their own). */
async function newInviteLink(browser: Browser, baseURL: string): Promise<string> {
  const context = await newContext(browser, 'id', baseURL);
  const owner = await context.newPage();
  await signIn(owner, demo.bengkelOwner);
  await owner.goto('/team');
  await owner.getByRole('button', { name: 'Buat tautan undangan' }).click();
  const box = owner.getByLabel('Tautan undangan', { exact: true });
  await expect(box).toHaveValue(/\/invite\/[0-9a-f-]{36}\/[A-Za-z0-9_-]+$/);
  const link = new URL(await box.inputValue()).pathname;
  await context.close();
  return link;
}

async function expectLanguage(page: Page, lang: Lang) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // The public header's sign-in link and language switch speak it too.
  await expect(page.getByRole('banner').getByRole('link', { name: text(lang, 'common', 'nav.sign_in'), exact: true })).toBeVisible();
}

for (const [browserLocale, lang] of [
  ['en-US', 'en'],
  ['id-ID', 'id'],
] as const) {
  test(`a first visit from a browser in ${browserLocale} reads ${lang === 'en' ? 'English' : 'Indonesian'} everywhere`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const invite = await newInviteLink(browser, baseURL!);
    // No language cookie, no session: only the browser's Accept-Language.
    const context = await browser.newContext({ locale: browserLocale, viewport: { width: 390, height: 844 } });
    expect(await context.cookies()).toEqual([]);
    const page = await context.newPage();

    await page.goto('/');
    await expectLanguage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'landing', 'hero.title'));

    await page.goto('/sign-in');
    await expectLanguage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'auth', 'sign_in.title'));

    await page.goto('/sign-up');
    await expectLanguage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'auth', 'sign_up.title'));

    await page.goto(invite);
    await expectLanguage(page, lang);
    await expect(page).toHaveTitle(new RegExp(`^${escape(text(lang, 'team', 'accept.page_title'))}`));

    await page.goto(shareLink);
    await expectLanguage(page, lang);
    await expect(page.getByText(text(lang, 'versions', 'public.read_only'), { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${escape(text(lang, 'versions', 'public.page_title'))}`));
    await context.close();
  });
}

test('once the visitor picks a language, it wins over the browser’s', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expectLanguage(page, 'en');
  await page.getByRole('button', { name: text('en', 'common', 'language.switch_to').replace('{{language}}', text('en', 'common', 'language.id')) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('id', 'auth', 'sign_in.title'));
  for (const path of ['/', '/sign-up', shareLink]) {
    await page.goto(path);
    await expectLanguage(page, 'id');
  }
  await context.close();
});
