/** Where the real-PostgreSQL test pass connects, and the throwaway database it uses. */
import postgres from 'postgres';

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testDatabaseName(): string {
  return `jejak_test_${process.pid}_${Date.now().toString(36)}`;
}

/** The admin URL on another database; with `role`, the same server and database as that login role. */
export function testDatabaseUrl(name: string, role?: { user: string; password: string }): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  if (role) {
    url.username = encodeURIComponent(role.user);
    url.password = encodeURIComponent(role.password);
  }
  return url.toString();
}

/**
 * The login role the PostgreSQL pass runs as (DATABASE_URL), one per test database: created by
 * the app's own migration step (MIGRATION_DATABASE_URL is the admin URL), dropped afterwards.
 */
export function testLoginRole(dbName: string): { user: string; password: string } {
  return { user: `${dbName}_web`, password: 'jejak-test-login' };
}

export async function isReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Runs one statement on the admin connection (create and drop test databases). */
export async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
