/**
 * Unit tests, and the integration suite twice: on embedded PGlite always, and on a real
 * PostgreSQL server when one is reachable (TEST_DATABASE_URL, else the local server). Under
 * CI=true a missing server fails the run instead of skipping it. The PostgreSQL pass runs as the
 * app runs in production: DATABASE_URL is a login role (member of jejak_app only, created by the
 * migration step) and MIGRATION_DATABASE_URL the admin URL, so every test meets the real boundary.
 */
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { adminUrl, isReachable, testDatabaseName, testDatabaseUrl, testLoginRole } from './tests/support/postgres';

const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts') };

export default defineConfig(async () => {
  const pgReachable = await isReachable(adminUrl());
  if (!pgReachable) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and no PostgreSQL server answers at ${adminUrl()}: the real-PostgreSQL pass is mandatory.`);
    }
    console.warn(`\n[vitest] No PostgreSQL at ${adminUrl()}: the integration suite runs on PGlite only.\n`);
  }
  const dbName = testDatabaseName();
  const integration = {
    include: ['tests/integration/**/*.test.ts'],
    pool: 'forks' as const,
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // After each file: the app's statements on tenant tables must name tenant_id (the sharding rule).
    setupFiles: ['tests/support/tenant-filter-check.ts'],
  };
  const actions = { ...integration, include: ['tests/actions/**/*.test.ts'], isolate: true };
  // DB_STATEMENT_CAPTURE: every statement is recorded with the code that built it, for that check.
  const pgEnv = (name: string) => ({ DATABASE_URL: testDatabaseUrl(name, testLoginRole(name)), MIGRATION_DATABASE_URL: testDatabaseUrl(name), DB_STATEMENT_CAPTURE: '1' });
  const pgliteEnv = { PGLITE_DIR: 'memory://', DATABASE_URL: '', MIGRATION_DATABASE_URL: '', DB_STATEMENT_CAPTURE: '1' };
  const projects: TestProjectInlineConfiguration[] = [
        { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
        {
          resolve: { alias },
          test: { ...integration, name: 'integration-pglite', env: pgliteEnv },
        },
        // Server actions called as the app calls them, with Next's request plumbing replaced
        // (vi.mock): their own project, isolated per file, so the mocks reach no other suite.
        {
          resolve: { alias },
          test: { ...actions, name: 'actions-pglite', env: pgliteEnv },
        },
        ...(pgReachable
          ? [
              {
                resolve: { alias },
                test: {
                  ...integration,
                  name: 'integration-postgres',
                  env: pgEnv(dbName),
                  provide: { testDatabaseName: dbName },
                  globalSetup: ['tests/support/postgres-global-setup.ts'],
                },
              },
              {
                resolve: { alias },
                test: {
                  ...actions,
                  name: 'actions-postgres',
                  env: pgEnv(`${dbName}_actions`),
                  provide: { testDatabaseName: `${dbName}_actions` },
                  globalSetup: ['tests/support/postgres-global-setup.ts'],
                },
              },
            ]
          : []),
  ];
  return { resolve: { alias }, test: { projects } };
});
