/**
 * A sliding-window limiter whose counts live in the database, so limits hold across restarts and
 * app instances. It fails closed: if the database cannot answer, the caller's request fails too.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt, min, sql } from 'drizzle-orm';
import { rateLimitEvents } from '@/db/schema';
import { limits } from './limits';
import { addressLimitKey } from '../http/client-address';
import { withPlatform, type Tx } from '../core/tenancy';

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
  /** Keyed by client address: an IPv6 client counts by its /64 (see `addressLimitKey`). */
  perAddress?: boolean;
}

export interface LimitState {
  allowed: boolean;
  /** When the next attempt will be allowed (only when not allowed). */
  retryAt?: Date;
}

/** Keys are stored hashed: the table should not become a list of emails and IPs. */
export function limitKey(raw: string, limit?: Pick<Limit, 'perAddress'>): string {
  const subject = limit?.perAddress ? addressLimitKey(raw) : raw;
  return createHash('sha256').update(subject.toLowerCase()).digest('base64url');
}

async function stateIn(tx: Tx, limit: Limit, key: string, now: Date): Promise<LimitState> {
  const since = new Date(now.getTime() - limit.windowMs);
  const [row] = await tx
    .select({ n: count(), oldest: min(rateLimitEvents.at) })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)));
  const n = row?.n ?? 0;
  if (n < limit.max) return { allowed: true };
  // Allowed again once enough of the window's events have aged out.
  const [nth] = await tx
    .select({ at: rateLimitEvents.at })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)))
    .orderBy(asc(rateLimitEvents.at))
    .offset(n - limit.max)
    .limit(1);
  const from = nth?.at ?? row?.oldest ?? now;
  return { allowed: false, retryAt: new Date(new Date(from).getTime() + limit.windowMs) };
}

export function checkLimit(limit: Limit, rawKey: string, now = new Date()): Promise<LimitState> {
  return withPlatform((tx) => stateIn(tx, limit, limitKey(rawKey, limit), now));
}

/**
 * Checks and counts in one step: if allowed, the attempt is recorded before it is made, so
 * concurrent attempts cannot all pass the check first. The key is locked for the transaction;
 * `releaseHit` takes back an attempt that was not made after all.
 */
export function takeHit(limit: Limit, rawKey: string, now = new Date()): Promise<LimitState & { hitId?: string }> {
  return withPlatform((tx) => takeHitIn(tx, limit, rawKey, now));
}

/**
 * `takeHit` inside the caller's transaction (any transaction: rate_limit_events is a platform
 * table without row-level security), so the hit commits or rolls back with the work it counts: a
 * review that rolls back leaves no hit, a committed one always has its hit. The key stays locked
 * until that transaction ends, so concurrent attempts on one key wait for each other's outcome.
 * Fail-closed as ever: if the database cannot count, the caller's transaction fails with it.
 */
export async function takeHitIn(tx: Tx, limit: Limit, rawKey: string, now = new Date()): Promise<LimitState & { hitId?: string }> {
  const key = limitKey(rawKey, limit);
  const lockId = createHash('sha256').update(`${limit.bucket}:${key}`).digest().readBigInt64BE(0);
  await tx.execute(sql`select pg_advisory_xact_lock(${lockId.toString()}::bigint)`);
  const state = await stateIn(tx, limit, key, now);
  if (!state.allowed) return state;
  const [hit] = await tx.insert(rateLimitEvents).values({ bucket: limit.bucket, key, at: now }).returning({ id: rateLimitEvents.id });
  return { allowed: true, hitId: hit?.id };
}

export async function releaseHit(hitId: string | undefined): Promise<void> {
  if (hitId) await withPlatform((tx) => releaseHitIn(tx, hitId));
}

/** `releaseHit` inside the caller's transaction. */
export async function releaseHitIn(tx: Tx, hitId: string | undefined): Promise<void> {
  if (hitId) await tx.delete(rateLimitEvents).where(eq(rateLimitEvents.id, hitId));
}

export async function recordHit(limit: Limit, rawKey: string, now = new Date()): Promise<void> {
  await withPlatform((tx) => tx.insert(rateLimitEvents).values({ bucket: limit.bucket, key: limitKey(rawKey, limit), at: now }));
}

/** A visitor's lookup of a secret link: a miss counts against their IP (see `limits.linkGuessPerAddress`). */
export async function guardedLookup<T>(ip: string | null, lookup: () => Promise<T | null>): Promise<T | null> {
  if (ip && !(await checkLimit(limits.linkGuessPerAddress, ip)).allowed) return null;
  const found = await lookup();
  if (found === null && ip) await recordHit(limits.linkGuessPerAddress, ip);
  return found;
}

/** Forget a key's events (a successful sign-in clears the account's failures). */
export async function clearHits(limit: Limit, rawKey: string): Promise<void> {
  await withPlatform((tx) =>
    tx.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, limitKey(rawKey, limit)))),
  );
}
