/**
 * The admin door's connection (lib/admin/door.ts), apart from the request path's pool.
 *
 * The request path's login role (DATABASE_URL) is a member of jejak_app and nothing else, so it
 * cannot `SET ROLE jejak_admin`: that is what keeps the tenant path (an injection included) out of
 * the admin door's reach (migration 0013). The admin door therefore connects as a role that may
 * switch to jejak_admin: MIGRATION_DATABASE_URL's owner, which migration 0013 made a member (else
 * DATABASE_URL's role when one URL serves both, as in development), in a small pool of its own, and
 * every transaction on it runs `SET LOCAL ROLE jejak_admin` first. On PGlite (one user, a
 * superuser) it is the app's one connection: there, as for jejak_app, SET ROLE is the only wall.
 */
import { env } from '@/lib/core/env';
import { getConnection, type Database } from './client';
import * as schema from './schema';
import { statementLogging, withStatementOrigins } from './statement-capture';

const holder = globalThis as unknown as { __jejakAdminDb?: Promise<{ db: Database; close: () => Promise<void> }> };

/** Admin work is rare: two connections are plenty, and they close when idle. */
const POOL_MAX = 2;

async function open(url: string): Promise<{ db: Database; close: () => Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const capture = env.DB_STATEMENT_CAPTURE === '1';
  const client = postgres(url, { max: POOL_MAX, connect_timeout: env.DB_CONNECT_TIMEOUT_S, idle_timeout: 30, onnotice: () => {} });
  const db = withStatementOrigins(drizzle(client, { schema, ...statementLogging(capture) }) as unknown as Database, capture);
  return { db, close: () => client.end() };
}

/** The database handle the admin door opens its transactions on (migrations applied first). */
export async function getAdminDatabase(): Promise<Database> {
  const main = await getConnection(); // migrates on first open
  if (main.kind === 'pglite') return main.db;
  const url = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL!;
  holder.__jejakAdminDb ??= open(url).catch((err: unknown) => {
    holder.__jejakAdminDb = undefined;
    throw err;
  });
  return (await holder.__jejakAdminDb).db;
}

/** Closes the admin pool (scripts and tests). */
export async function closeAdminDatabase(): Promise<void> {
  const conn = holder.__jejakAdminDb;
  holder.__jejakAdminDb = undefined;
  if (conn) await (await conn).close();
}
