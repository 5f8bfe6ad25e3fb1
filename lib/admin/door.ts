/**
 * The admin door: the one way platform-admin code reaches data, and the only code allowed to read
 * across businesses (declared as the exception in tests/support/tenant-filter.ts).
 *
 * Each unit of work is one transaction as `jejak_admin` (migration 0013) on the admin connection
 * (db/admin-client.ts). That role owns nothing and cannot bypass row-level security; a read-only
 * policy of its own on the tenant tables it counts in, and column grants that leave out what a
 * business writes (review texts, personas, journeys), are all it has. The request path cannot
 * switch to it: its login role is a member of jejak_app only.
 *
 * `withAdmin(actor, entry, fn)` first checks, inside that transaction, that the actor is a platform
 * admin whose session is live and passed the second factor, then writes the platform audit entry
 * (who, what, which business, why, from where, when), then runs the work: the entry and the work
 * commit together or not at all. `withAdminSignIn` is the same door for the second-factor step
 * itself (a live admin session that has not passed it yet), which touches the admin's own factor
 * rows and its own session only.
 *
 * Like the tenant door, domain functions take the handle (`AdminDb`) and never open a transaction.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getAdminDatabase } from '@/db/admin-client';
import type { Tx } from '@/db/client';
import { platformAudit, users, userSessions } from '@/db/schema';
import { AppError, NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import { parseAddress } from '../http/client-address';

/** Who acts: a platform admin, the server-side session they act in, and where from. */
export interface AdminActor {
  userId: string;
  sessionId: string;
  ip: string | null;
}

/** A unit of work of the admin door: the open transaction (as jejak_admin) and who acts. */
export interface AdminDb {
  tx: Tx;
  actor: AdminActor;
}

/** What admins do, as written in the platform audit log. Part 2 of issue 12 adds its actions here. */
export const adminActions = [
  'business.list_viewed',
  'business.viewed',
  'audit.viewed',
  'factor.enrolment_started',
  'factor.enrolled',
  'factor.verified',
  'factor.recovery_code_used',
  'factor.failed',
  'business.suspended',
  'business.reactivated',
  'overview.viewed',
  'business.exported',
  'business.deleted',
  'business.limits_changed',
  'business.reset_link_issued',
] as const;
export type AdminAction = (typeof adminActions)[number];

/** The actions that change a business: each takes the reason the admin typed (`TypedReason`), not a fixed one. */
export const changeActions = ['business.suspended', 'business.reactivated', 'business.exported', 'business.deleted', 'business.limits_changed', 'business.reset_link_issued'] as const satisfies readonly AdminAction[];
export type ChangeAction = (typeof changeActions)[number];

/** What an admin types as the reason for an action that changes a business: 5–500 characters, kept as typed (trimmed). */
export interface TypedReason {
  typed: string;
}
export const TYPED_REASON_MIN = 5;
export const TYPED_REASON_MAX = 500;

/**
 * Why: `view` for every read of the console, `sign_in` for the second-factor step. Actions that
 * change a business (`changeActions`) carry the reason the admin typed instead (`TypedReason`).
 */
export const adminReasons = ['view', 'sign_in'] as const;
export type AdminReason = (typeof adminReasons)[number];

export type AdminEntry = ReadEntry | ChangeEntry;

interface ReadEntry extends EntryCommon {
  action: Exclude<AdminAction, ChangeAction>;
  reason: AdminReason;
}

interface ChangeEntry extends EntryCommon {
  action: ChangeAction;
  reason: TypedReason;
}

interface EntryCommon {
  /** The business the work is about, if one. */
  tenantId?: string | null;
  meta?: Record<string, unknown>;
}

async function run<T>(actor: AdminActor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(actor.userId) || !isUuid(actor.sessionId)) throw new NotFoundError('admin');
  const db = await getAdminDatabase();
  return db.transaction(async (tx) => {
    // No tenant: jejak_admin's policies do not look at it, and tenant_isolation is not its policy.
    await tx.execute(sql`select set_config('app.tenant_id', '', true), set_config('app.user_id', ${actor.userId}, true)`);
    await tx.execute(sql`set local role jejak_admin`);
    return fn(tx);
  });
}

/**
 * The actor's standing, read inside the door's own transaction: null unless they are a platform
 * admin whose session (this very one) is live; else whether it passed the second factor.
 */
export async function sessionStandingIn(tx: Tx, actor: AdminActor): Promise<{ verified: boolean } | null> {
  const [row] = await tx
    .select({ secondFactorAt: userSessions.secondFactorAt })
    .from(userSessions)
    .innerJoin(users, and(eq(users.id, userSessions.userId), eq(users.isPlatformAdmin, true)))
    .where(and(eq(userSessions.id, actor.sessionId), eq(userSessions.userId, actor.userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)));
  return row ? { verified: row.secondFactorAt !== null } : null;
}

/** Records an admin event in the platform audit log, inside the caller's transaction. */
export async function writePlatformAudit(tx: Tx, actor: AdminActor, entry: AdminEntry): Promise<void> {
  await tx.insert(platformAudit).values({
    actorUserId: actor.userId,
    action: entry.action,
    targetTenantId: entry.tenantId ?? null,
    reason: typeof entry.reason === 'string' ? entry.reason : entry.reason.typed,
    ip: parseAddress(actor.ip),
    meta: entry.meta ?? {},
  });
}

/**
 * One unit of admin work: refused (NotFoundError, a 404) unless the actor is a verified platform
 * admin; the audit entry and the work commit together, or neither does.
 */
export function withAdmin<T>(actor: AdminActor, entry: AdminEntry, fn: (db: AdminDb) => Promise<T>): Promise<T> {
  if (entry.tenantId != null && !isUuid(entry.tenantId)) return Promise.reject(new NotFoundError('tenant'));
  if (typeof entry.reason !== 'string') {
    // The form checks it too (with its messages); the door does not rely on that.
    const typed = entry.reason.typed.trim();
    if (typed.length < TYPED_REASON_MIN || typed.length > TYPED_REASON_MAX) {
      return Promise.reject(new AppError(typed.length < TYPED_REASON_MIN ? 'validation.reason_short' : 'validation.too_long', { field: 'reason' }));
    }
    entry = { ...entry, reason: { typed } };
  }
  return run(actor, async (tx) => {
    const standing = await sessionStandingIn(tx, actor);
    if (!standing?.verified) throw new NotFoundError('admin');
    await writePlatformAudit(tx, actor, entry);
    return fn({ tx, actor });
  });
}

/**
 * The second-factor step's unit of work: a platform admin with a live session, verified or not.
 * The work writes its own audit entries (a refused code is recorded, and that record must commit).
 */
export function withAdminSignIn<T>(actor: AdminActor, fn: (db: AdminDb & { verified: boolean }) => Promise<T>): Promise<T> {
  return run(actor, async (tx) => {
    const standing = await sessionStandingIn(tx, actor);
    if (!standing) throw new NotFoundError('admin');
    return fn({ tx, actor, verified: standing.verified });
  });
}

/** Marks the actor's own session as having passed the second factor (inside the door). */
export async function markSessionVerifiedIn(db: AdminDb): Promise<void> {
  await db.tx
    .update(userSessions)
    .set({ secondFactorAt: sql`now()` })
    .where(and(eq(userSessions.id, db.actor.sessionId), eq(userSessions.userId, db.actor.userId), isNull(userSessions.revokedAt)));
}
