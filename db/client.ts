/**
 * The one database entry point. Without DATABASE_URL: embedded PGlite in PGLITE_DIR (guarded by a
 * lock file, since PGlite does not lock its folder). With it: postgres.js. Same schema, same
 * migrations (applied on first open, idempotently), same query code.
 *
 * On PostgreSQL, DATABASE_URL names the request path's login role and MIGRATION_DATABASE_URL
 * (optional) the owner that runs migrations; migrating then also creates the login role if it is
 * missing (LOGIN, that URL's password, a member of jejak_app and nothing else). Without
 * MIGRATION_DATABASE_URL one URL serves both. Either way the connecting role is checked at open
 * (db/role-check.ts): one that can bypass row-level security gets a warning, and in production
 * a refusal unless ALLOW_RLS_BYPASS=1. PGlite has one user, a superuser: there the app's
 * `SET LOCAL ROLE jejak_app` (lib/core/tenancy.ts) is the only wall.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type postgresJs from 'postgres';
import { env } from '@/lib/core/env';
import { rlsBypassVerdict, type RoleReach } from './role-check';
import { statementLogging, withStatementOrigins } from './statement-capture';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = 'pglite' | 'postgres';

export interface Connection {
  db: Database;
  kind: DbKind;
  close: () => Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Tests only: record each statement and the code that built it (db/statement-capture.ts).
const capturing = () => env.DB_STATEMENT_CAPTURE === '1';
const instrument = (db: Database): Database => withStatementOrigins(db, capturing());

/** Thrown when another process holds the PGlite folder. */
export class DatabaseInUseError extends Error {}

function acquirePgliteLock(dir: string): () => void {
  const lockPath = path.resolve(dir) + '.lock';
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by process ${holder}. ` +
            `Stop that process first (PGlite allows one process per folder), or set PGLITE_DIR to another folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseInUseError(`Could not lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dir: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  try {
    if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    const client = await PGlite.create(inMemory ? undefined : dir);
    const db = instrument(drizzle(client, { schema, ...statementLogging(capturing()) }) as unknown as Database);
    await migrate(drizzle(client), { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** The role a URL signs in as ('' when the URL names none). */
function urlRole(url: string): { name: string; password: string } {
  const u = new URL(url);
  return { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/**
 * Creates the login role DATABASE_URL names, if missing: LOGIN (with the URL's password), INHERIT,
 * a member of jejak_app and nothing else. An existing role is left as it is (its attributes and
 * password are the operator's), except that it is made a member of jejak_app. Run by the owner,
 * after migrating. Roles are cluster-wide: another database's migration may create it meanwhile.
 */
async function ensureLoginRole(owner: postgresJs.Sql, loginUrl: string): Promise<void> {
  const { name, password } = urlRole(loginUrl);
  if (!name) throw new Error('DATABASE_URL must name its role (postgres://role:password@host/db) when MIGRATION_DATABASE_URL is set.');
  const [me] = await owner<{ who: string }[]>`select current_user as who`;
  if (me?.who === name) return; // one role for both: the start-up check has its say
  const [found] = await owner<{ exists: boolean }[]>`select exists (select 1 from pg_roles where rolname = ${name}) as exists`;
  if (!found?.exists) {
    const [create] = await owner<{ stmt: string }[]>`
      select format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                    ${name}::text, ${password || null}::text) as stmt`;
    try {
      await owner.unsafe(create!.stmt);
    } catch (err) {
      if ((err as { code?: string }).code !== '42710') throw err; // duplicate_object: created meanwhile
    }
  }
  const [member] = await owner<{ yes: boolean }[]>`
    select exists (select 1 from pg_auth_members m join pg_roles r on r.oid = m.member join pg_roles g on g.oid = m.roleid
                   where r.rolname = ${name} and g.rolname = 'jejak_app') as yes`;
  if (!member?.yes) {
    const [grant] = await owner<{ stmt: string }[]>`select format('GRANT jejak_app TO %I', ${name}::text) as stmt`;
    await owner.unsafe(grant!.stmt);
  }
}

/**
 * What the connecting role can reach: superuser, BYPASSRLS, or ownership of a table in public,
 * itself or through any role it is a member of (it could SET ROLE to that one).
 */
export async function inspectRole(db: Database | Tx): Promise<RoleReach> {
  const [row] = await queryRows<RoleReach>(
    db,
    sql`select session_user::text as role,
               coalesce(bool_or(r.rolsuper), false) as superuser,
               coalesce(bool_or(r.rolbypassrls), false) as "bypassRls",
               exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(session_user, c.relowner, 'MEMBER')) as "ownsTables"
        from pg_roles r where pg_has_role(session_user, r.oid, 'MEMBER')`,
  );
  return row!;
}

async function openPostgres(url: string, migrationUrl: string | undefined, roleCheck: 'enforce' | 'warn'): Promise<Connection> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Migrate on one connection under an advisory lock, so several app instances starting at once
  // apply each migration exactly once. The lock is session-level, so this connection must reach
  // PostgreSQL directly, never through a transaction pooler (lib/core/env.ts requires
  // MIGRATION_DATABASE_URL with DATABASE_POOLER=transaction).
  const migrator = postgres(migrationUrl ?? url, { max: 1, onnotice: () => {}, connect_timeout: env.DB_CONNECT_TIMEOUT_S });
  try {
    await migrator`select pg_advisory_lock(727274)`;
    await migrate(drizzle(migrator), { migrationsFolder });
    if (migrationUrl) await ensureLoginRole(migrator, url);
    await migrator`select pg_advisory_unlock(727274)`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, {
    max: env.DB_POOL_MAX,
    connect_timeout: env.DB_CONNECT_TIMEOUT_S,
    idle_timeout: env.DB_IDLE_TIMEOUT_S,
    // Behind a transaction-mode pooler (DATABASE_POOLER=transaction, docs/scaling.md) a statement
    // prepared on one server connection is unknown on the next: send every query unnamed. The rest
    // of the request path keeps no session state (tenant and role are SET LOCAL per transaction;
    // tests/unit/pooling-safe.test.ts watches for the rest).
    prepare: env.DATABASE_POOLER !== 'transaction',
    onnotice: () => {},
  });
  const db = instrument(drizzle(client, { schema, ...statementLogging(capturing()) }) as unknown as Database);
  try {
    const verdict = rlsBypassVerdict(await inspectRole(db), {
      production: env.NODE_ENV === 'production',
      allowBypass: env.ALLOW_RLS_BYPASS === '1' || roleCheck === 'warn',
    });
    if (verdict.level === 'refuse') throw new Error(verdict.message);
    if (verdict.level === 'warn') console.warn(`[jejak] ${verdict.message}`);
  } catch (err) {
    await client.end();
    throw err;
  }
  return { db, kind: 'postgres', close: () => client.end() };
}

/**
 * Opens a connection that the caller owns (scripts, tests). The app uses `getConnection`.
 * `migrationUrl` defaults to MIGRATION_DATABASE_URL; it only matters with a `databaseUrl`.
 * `roleCheck: 'warn'` (npm run db:migrate, which serves no request) never refuses.
 */
export function openConnection(
  opts: { databaseUrl?: string; migrationUrl?: string; pgliteDir?: string; roleCheck?: 'enforce' | 'warn' } = {},
): Promise<Connection> {
  const url = opts.databaseUrl ?? env.DATABASE_URL;
  const migrationUrl = opts.migrationUrl ?? env.MIGRATION_DATABASE_URL;
  if (!url && migrationUrl && !opts.pgliteDir) {
    return Promise.reject(new Error('MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both (PostgreSQL) or neither (embedded PGlite).'));
  }
  return url ? openPostgres(url, migrationUrl, opts.roleCheck ?? 'enforce') : openPglite(opts.pgliteDir ?? env.PGLITE_DIR);
}

// One connection per process, kept across hot reloads in development.
const holder = globalThis as unknown as { __jejakDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  if (!holder.__jejakDb) {
    holder.__jejakDb = openConnection().catch((err) => {
      holder.__jejakDb = undefined;
      throw err;
    });
  }
  return holder.__jejakDb;
}

// Work a request leaves for after its answer (the audit row of a failed sign-in, lib/accounts/accounts.ts):
// it must not lengthen the answer, but must finish before the process closes its connection.
const background = new Set<Promise<unknown>>();

/** Runs `work` without the caller waiting for it; a failure is logged, never thrown. */
export function runInBackground(label: string, work: () => Promise<unknown>): void {
  const p = work()
    .catch((err: unknown) => console.error(`[jejak] background ${label} failed:`, err))
    .finally(() => background.delete(p));
  background.add(p);
}

/** Waits for the work started by `runInBackground` so far (tests, and before closing). */
export async function settleBackgroundWork(): Promise<void> {
  while (background.size) await Promise.all([...background]);
}

/** Closes the process-wide connection (scripts and tests), once background work is done. */
export async function closeConnection(): Promise<void> {
  await settleBackgroundWork();
  const conn = holder.__jejakDb;
  holder.__jejakDb = undefined;
  if (conn) await (await conn).close();
}

/**
 * Tooling only (the seed, tests that must see past row-level security): `fn` runs as the owner
 * role, i.e. on MIGRATION_DATABASE_URL when it is set (a connection of its own, closed after),
 * else on the app's connection as it connects (the owner then; PGlite's superuser).
 */
export async function withOwnerDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL && env.MIGRATION_DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(env.MIGRATION_DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      return await fn(drizzle(client, { schema }) as unknown as Database);
    } finally {
      await client.end();
    }
  }
  return fn((await getConnection()).db);
}

/** Raw SQL rows on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}
