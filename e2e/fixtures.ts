/** Shared e2e helpers. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/**
 * Every test fails on a console error, an uncaught page error or a failed request, except the
 * responses a test says it expects (`expectedErrors.push(/pattern/)`, e.g. a 404 page it visits).
 */
export const test = base.extend<{ expectedErrors: RegExp[] }>({
  expectedErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const expected: RegExp[] = [];
      page.on('console', (msg) => {
        // The browser's own "Failed to load resource" line is reported below with its URL.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
      });
      await use(expected);
      expect(errors.filter((e) => !expected.some((re) => re.test(e))), 'console errors and failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** No WCAG 2 A/AA violations (labels, contrast, landmarks…) on the current page. */
export async function expectAccessible(page: Page) {
  // Next streams the page's metadata: after a server action the <title> can arrive a moment after
  // the content. Check the settled page, as a user would meet it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
