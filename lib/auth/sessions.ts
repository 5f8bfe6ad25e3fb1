import 'server-only';
/**
 * Server-side sessions: one `user_sessions` row per sign-in, its id carried in the (encrypted)
 * session cookie as `sid`. A cookie is honoured only while its row is live — not revoked, not
 * expired, of the same user — and the account's session version still matches, so signing out
 * (this device, or every device) ends the session for any copy of the cookie too.
 *
 * The check runs in next-auth's jwt callback (lib/auth/options.ts), which next-auth calls for
 * every read of a session: /api/auth/session and getServerSession, which every page, action and
 * route handler goes through (lib/auth/session.ts). One transaction, one query on the primary
 * keys, which also loads what the request needs of the account (the user, and their membership of
 * the chosen business): getSession takes it from there instead of reading it again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import { auditUser, firstMembershipIn, revokeSessions, sessionUserIn, type SessionUserLoad } from '@/lib/accounts/accounts';
import { isUuid } from '@/lib/core/ids';
import { withPlatform, withUser } from '@/lib/core/tenancy';

/** How long a session lasts from its sign-in: the cookie's max age and the row's expiry. */
export const SESSION_MAX_AGE_S = 14 * 24 * 60 * 60;

/** A session the server no longer honours (signed out, revoked, expired, from before sids). */
export class SessionRefusedError extends Error {
  constructor() {
    super('session refused');
    this.name = 'SessionRefusedError';
  }
}

/** What the session cookie claims. */
export interface SessionClaims {
  uid?: unknown;
  sid?: unknown;
  sv?: unknown;
  /** The business chosen last (switcher, sign-in); checked against the memberships on every read. */
  tid?: unknown;
}

function parseClaims(c: SessionClaims): { uid: string; sid: string; sv: number; tid: string | null } | null {
  const { uid, sid, sv, tid } = c;
  if (typeof uid !== 'string' || typeof sid !== 'string' || typeof sv !== 'number' || !Number.isInteger(sv)) return null;
  return isUuid(uid) && isUuid(sid) ? { uid, sid, sv, tid: typeof tid === 'string' ? tid : null } : null;
}

/**
 * Records a sign-in: its session id for the cookie, and the business the session starts in (the
 * account's first; null for an account in none), so each request then reads that one membership.
 * Also drops the account's expired rows. One unit of work of the signing-in user.
 */
export async function createUserSession(userId: string, maxAgeSeconds = SESSION_MAX_AGE_S): Promise<{ sessionId: string; tenantId: string | null }> {
  return withUser(userId, async (tx) => {
    await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), sql`${userSessions.expiresAt} < now()`));
    const [row] = await tx
      .insert(userSessions)
      .values({ userId, expiresAt: sql`now() + make_interval(secs => ${maxAgeSeconds})` })
      .returning({ id: userSessions.id });
    const first = await firstMembershipIn(tx, userId);
    return { sessionId: row!.id, tenantId: first?.tenantId ?? null };
  });
}

/**
 * Whether the server still honours a session: its row exists for this user, is neither revoked
 * nor expired, and the account's session version is the cookie's (a password change or a removal
 * from a team bumps it). A cookie without a valid sid — one issued before sessions were recorded —
 * is not honoured: its user signs in again, once.
 *
 * The same single query loads what the request needs of the account: the user and their
 * membership of the chosen business (lib/accounts/accounts.ts `sessionUserIn`). Answers that, or
 * null when the session is not honoured.
 */
export async function checkSession(claims: SessionClaims): Promise<SessionUserLoad | null> {
  const c = parseClaims(claims);
  if (!c) return null;
  return withUser(c.uid, (tx) => sessionUserIn(tx, c.uid, c.tid, { sessionId: c.sid, sessionVersion: c.sv }));
}

/**
 * One read of the session (readSession): a database failure during the check, handed past
 * next-auth (which swallows errors thrown in its callbacks), and what the check loaded, so the
 * request does not load it again.
 */
interface SessionRead {
  error?: unknown;
  loaded?: SessionUserLoad;
  /** The server-side session the check found live (the cookie's `sid`). */
  sessionId?: string;
}

// A database failure while checking a session must not read as "signed out" (a page would send
// its user to sign in during an outage).
const reads = new AsyncLocalStorage<SessionRead>();

/** For the jwt callback: returns if the session is live, else throws SessionRefusedError. */
export async function assertSessionActive(claims: SessionClaims): Promise<void> {
  const read = reads.getStore();
  let loaded: SessionUserLoad | null;
  try {
    loaded = await checkSession(claims);
  } catch (err) {
    if (read) read.error = err;
    throw err;
  }
  if (!loaded) throw new SessionRefusedError();
  if (read) {
    read.loaded = loaded;
    // Live, so well-formed: checkSession parsed it.
    read.sessionId = claims.sid as string;
  }
}

/**
 * Runs a session read (getServerSession): refused gives its null, but a database failure throws.
 * `user` is what the session check loaded on the way (the user and the chosen business), if it ran,
 * and `sessionId` the server-side session it found live (never sent to the browser: the admin
 * console's second factor is a mark on that row, lib/admin/gate.ts).
 */
export async function readSession<T>(read: () => Promise<T>): Promise<{ session: T; user?: SessionUserLoad; sessionId?: string }> {
  const seen: SessionRead = {};
  const session = await reads.run(seen, read);
  if (seen.error !== undefined) throw seen.error;
  return { session, user: seen.loaded, sessionId: seen.sessionId };
}

/** Signing out: revokes the cookie's session. True if it was live (so the sign-out is worth auditing). */
export async function revokeUserSession(claims: SessionClaims): Promise<boolean> {
  const { uid, sid } = claims;
  if (!isUuid(uid) || !isUuid(sid)) return false;
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
export async function signOutEverywhere(input: { userId: string; ip: string | null }): Promise<void> {
  await withPlatform((tx) =>
    tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.userId, input.userId), isNull(userSessions.revokedAt))),
  );
  await revokeSessions(input.userId);
  await auditUser(input.userId, 'auth.signed_out_everywhere', input.ip);
}
