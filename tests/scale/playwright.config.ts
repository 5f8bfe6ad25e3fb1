/**
 * The scale-out test (tests/scale/scale-out.spec.ts): two production servers behind nginx, through
 * PgBouncer in transaction mode, on a throwaway PostgreSQL database (tests/scale/stack.ts, started
 * by the global setup and stopped by pid afterwards, on failure too). Run by tests/scale/run.mjs,
 * the scale-out step of `npm test`, after the e2e step made the production build it reuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
const out = path.resolve(process.env.E2E_OUT ?? 'test-results');

export default defineConfig({
  testDir: '.',
  testMatch: 'scale-out.spec.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // Not retried: the last test kills a server, and the stack is started once.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // The whole run, stack included, is meant to take about a minute and a half.
  globalTimeout: 300_000,
  expect: { timeout: 10_000 },
  outputDir: `${out}/scale`,
  reporter: [['list'], ['json', { outputFile: `${out}/scale-report.json` }]],
  use: {
    trace: 'retain-on-failure',
    locale: 'id-ID',
    launchOptions: {
      executablePath: chromium ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
