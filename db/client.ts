/**
 * The one database entry point. Without DATABASE_URL: embedded PGlite in PGLITE_DIR (guarded by a
 * lock file, since PGlite does not lock its folder). With it: postgres.js. Same schema, same
 * migrations (applied on first open, idempotently), same query code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
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
    const db = drizzle(client, { schema }) as unknown as Database;
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

async function openPostgres(url: string): Promise<Connection> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Migrate on one connection under an advisory lock, so several app instances starting at once
  // apply each migration exactly once.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(727274)`;
    await migrate(drizzle(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(727274)`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, kind: 'postgres', close: () => client.end() };
}

/** Opens a connection that the caller owns (scripts, tests). The app uses `getConnection`. */
export function openConnection(opts: { databaseUrl?: string; pgliteDir?: string } = {}): Promise<Connection> {
  const url = opts.databaseUrl ?? env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(opts.pgliteDir ?? env.PGLITE_DIR);
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

/** Closes the process-wide connection (scripts and tests). */
export async function closeConnection(): Promise<void> {
  const conn = holder.__jejakDb;
  holder.__jejakDb = undefined;
  if (conn) await (await conn).close();
}

/** Raw SQL rows on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}
