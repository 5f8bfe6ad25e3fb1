import 'server-only';
/**
 * Server-side sessions: one `user_sessions` row per sign-in, its id carried in the (encrypted)
 * session cookie as `sid`. A cookie is honoured only while its row is live — not revoked, not
 * expired, of the same user — and the account's session version still matches, so signing out
 * (this device, or every device) ends the session for any copy of the cookie too.
 *
 * The check runs in next-auth's jwt callback (lib/auth/options.ts), which next-auth calls for
 * every read of a session: /api/auth/session and getServerSession, which every page, action and
 * route handler goes through (lib/auth/session.ts). One query on the primary key (and the user's).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users, userSessions } from '@/db/schema';
import { revokeSessions } from '@/lib/accounts/accounts';
import { audit } from '@/lib/core/audit';
import { withPlatform, withTenant } from '@/lib/core/tenancy';

/** How long a session lasts from its sign-in: the cookie's max age and the row's expiry. */
export const SESSION_MAX_AGE_S = 14 * 24 * 60 * 60;

/** A session the server no longer honours (signed out, revoked, expired, from before sids). */
export class SessionRefusedError extends Error {
  constructor() {
    super('session refused');
    this.name = 'SessionRefusedError';
  }
}

const uuid = z.uuid();

/** What the session cookie claims. */
export interface SessionClaims {
  uid?: unknown;
  sid?: unknown;
  sv?: unknown;
}

function parseClaims(c: SessionClaims): { uid: string; sid: string; sv: number } | null {
  const { uid, sid, sv } = c;
  if (typeof uid !== 'string' || typeof sid !== 'string' || typeof sv !== 'number' || !Number.isInteger(sv)) return null;
  return uuid.safeParse(uid).success && uuid.safeParse(sid).success ? { uid, sid, sv } : null;
}

/** Records a sign-in; returns the session id for the cookie. Also drops the account's expired rows. */
export async function createUserSession(userId: string, maxAgeSeconds = SESSION_MAX_AGE_S): Promise<string> {
  return withPlatform(async (tx) => {
    await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), sql`${userSessions.expiresAt} < now()`));
    const [row] = await tx
      .insert(userSessions)
      .values({ userId, expiresAt: sql`now() + make_interval(secs => ${maxAgeSeconds})` })
      .returning({ id: userSessions.id });
    return row!.id;
  });
}

/**
 * Whether the server still honours a session: its row exists for this user, is neither revoked
 * nor expired, and the account's session version is the cookie's (a password change or a removal
 * from a team bumps it). A cookie without a valid sid — one issued before sessions were recorded —
 * is not honoured: its user signs in again, once.
 */
export async function isSessionActive(claims: SessionClaims): Promise<boolean> {
  const c = parseClaims(claims);
  if (!c) return false;
  const rows = await withPlatform((tx) =>
    tx
      .select({ id: userSessions.id })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.id, c.sid),
          eq(userSessions.userId, c.uid),
          isNull(userSessions.revokedAt),
          gt(userSessions.expiresAt, sql`now()`),
          eq(users.sessionVersion, c.sv),
        ),
      ),
  );
  return rows.length === 1;
}

// A database failure while checking a session must not read as "signed out" (a page would send
// its user to sign in during an outage): next-auth swallows errors thrown in its callbacks, so
// the failure is handed past it to the caller of readSession.
const checkFailures = new AsyncLocalStorage<{ error?: unknown }>();

/** For the jwt callback: returns if the session is live, else throws SessionRefusedError. */
export async function assertSessionActive(claims: SessionClaims): Promise<void> {
  let active: boolean;
  try {
    active = await isSessionActive(claims);
  } catch (err) {
    const seen = checkFailures.getStore();
    if (seen) seen.error = err;
    throw err;
  }
  if (!active) throw new SessionRefusedError();
}

/** Runs a session read (getServerSession): refused gives its null, but a database failure throws. */
export async function readSession<T>(read: () => Promise<T>): Promise<T> {
  const seen: { error?: unknown } = {};
  const result = await checkFailures.run(seen, read);
  if (seen.error !== undefined) throw seen.error;
  return result;
}

/** Signing out: revokes the cookie's session. True if it was live (so the sign-out is worth auditing). */
export async function revokeUserSession(claims: SessionClaims): Promise<boolean> {
  const { uid, sid } = claims;
  if (typeof uid !== 'string' || typeof sid !== 'string' || !uuid.safeParse(uid).success || !uuid.safeParse(sid).success) return false;
  const rows = await withPlatform((tx) =>
    tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.id, sid), eq(userSessions.userId, uid), isNull(userSessions.revokedAt)))
      .returning({ id: userSessions.id }),
  );
  return rows.length === 1;
}

/**
 * "Sign out everywhere": revokes every session of the account (this device's too) and bumps its
 * session version, then records it in the audit log of each of the user's businesses.
 */
export async function signOutEverywhere(input: { userId: string; tenantIds: string[]; ip: string | null }): Promise<void> {
  await withPlatform((tx) =>
    tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.userId, input.userId), isNull(userSessions.revokedAt))),
  );
  await revokeSessions(input.userId);
  for (const tenantId of input.tenantIds) {
    await withTenant(tenantId, (tx) =>
      audit(tx, { tenantId, actorUserId: input.userId, action: 'auth.signed_out_everywhere', ip: input.ip, targetType: 'user', targetId: input.userId }),
    );
  }
}
