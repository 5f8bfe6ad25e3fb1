/**
 * The only way to reach the database from app code. Each unit of work is one transaction run as
 * the `jejak_app` role (no table ownership, no BYPASSRLS, no password hashes, an append-only audit
 * log), with the tenant and user set for that transaction only (`set_config(..., true)`), so
 * pooled connections never carry them over.
 *
 * On PostgreSQL the connection's own login role is a member of jejak_app and nothing else
 * (db/client.ts), so `RESET ROLE` gains nothing and the `SET LOCAL ROLE` below is a formality.
 * On PGlite (one user, a superuser) and with a single superuser DATABASE_URL, it is the wall.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getConnection, type Tx } from '@/db/client';
import { NotFoundError } from './errors';

export type { Tx };

const id = z.uuid();

export { NotFoundError };

async function run<T>(tenantId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db } = await getConnection();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true)`,
    );
    await tx.execute(sql`set local role jejak_app`);
    return fn(tx);
  });
}

/** A unit of work inside one tenant. Rows of other tenants are invisible and unwritable. */
export function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts: { userId?: string } = {}): Promise<T> {
  // A malformed id can never name a tenant: answer as for any unknown id.
  if (!id.safeParse(tenantId).success) return Promise.reject(new NotFoundError('tenant'));
  if (opts.userId !== undefined && !id.safeParse(opts.userId).success) return Promise.reject(new NotFoundError('user'));
  return run(tenantId, opts.userId ?? '', fn);
}

/** Work for a signed-in user with no tenant chosen: their own memberships and the businesses they belong to. */
export function withUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!id.safeParse(userId).success) return Promise.reject(new NotFoundError('user'));
  return run('', userId, fn);
}

/** Platform tables only (accounts, rate limits): no tenant rows are visible here. */
export function withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return run('', '', fn);
}

/**
 * One unit of work inside one tenant, as domain functions receive it: the open transaction, the
 * tenant it is scoped to, and who acts. Domain functions never open a transaction themselves; the
 * caller (the action wrapper, a route handler, a page through `inTenant`) opens exactly one, so
 * everything a request does commits or rolls back together.
 */
export interface TenantDb {
  tx: Tx;
  tenantId: string;
  /** The acting user ('' for a visitor, e.g. someone opening a share link). */
  userId: string;
  ip?: string | null;
}

/** Opens one transaction for `who` in their tenant and hands the work a `TenantDb`. */
export function inTenant<T>(who: { tenantId: string; userId: string; ip?: string | null }, fn: (db: TenantDb) => Promise<T>): Promise<T> {
  return withTenant(who.tenantId, (tx) => fn({ tx, tenantId: who.tenantId, userId: who.userId, ip: who.ip ?? null }), who.userId ? { userId: who.userId } : {});
}
