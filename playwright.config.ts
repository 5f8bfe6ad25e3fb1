/**
 * End-to-end tests in headless Debian Chromium (Playwright downloads no browser here) against the
 * production build (`next build` + `next start`) on a fresh embedded database with the demo seed.
 */
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // E2E_OUT, E2E_PGLITE_DIR and NEXT_DIST_DIR let two runs share a checkout (different E2E_PORT too).
  outputDir: `${process.env.E2E_OUT ?? 'test-results'}/e2e`,
  reporter: [['list'], ['json', { outputFile: `${process.env.E2E_OUT ?? 'test-results'}/e2e-report.json` }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // Owners mostly use a phone: the default viewport is a 390-px-wide one, the browser set to
    // Indonesian (Playwright's default is en-US; a first visit follows the browser's language,
    // which e2e/first-visit.spec.ts tries in English).
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, locale: 'id-ID', defaultBrowserType: 'chromium' } },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'npm run build && tsx scripts/e2e-server.ts',
        url: `${baseURL}/api/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          E2E_BUILD: '1',
          PORT: String(port),
          PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? '.data/e2e/pglite',
          DATABASE_URL: '',
          NEXTAUTH_URL: baseURL,
          NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-000000',
          // Every spec signs up from this one address: more than the 10 an hour a real address gets.
          SIGN_UPS_PER_ADDRESS_HOUR: '100',
        },
      },
});
