/**
 * Accounts: sign-up (a business and its owner, in one transaction), password sign-in with
 * brute-force limits, the session's view of a user, profile and password changes. An account spans
 * businesses, so these functions are their own units of work (withPlatform / withUser), except
 * `sessionUserIn` and `revokeSessionsIn`, which work inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, exists, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, runInBackground, type Tx } from '@/db/client';
import { memberships, tenants, users, userSessions, type BusinessType, type Locale, type MemberRole, type TimeZone } from '@/db/schema';
import { audit, type AuditAction } from '../core/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, isUniqueViolation } from '../core/errors';
import { isUuid } from '../core/ids';
import { limits } from '../rate-limit/limits';
import { clearHits, releaseHit, takeHit, type LimitState } from '../rate-limit/limiter';
import { withPlatform, withTenant, withUser } from '../core/tenancy';

export class SignInError extends Error {
  constructor(
    public readonly reason: 'invalid' | 'locked',
    public readonly retryAt?: Date,
  ) {
    super(reason);
  }
}

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

interface Credentials {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  sessionVersion: number;
}

/**
 * The one account with this email (any case), with its password hash. jejak_app cannot read
 * `password_hash` itself: the SECURITY DEFINER function `jejak_password_hash` (migration 0008)
 * returns it for exactly one email at a time.
 */
async function credentialsIn(tx: Tx, email: string): Promise<Credentials | undefined> {
  const [u] = await queryRows<{ id: string; email: string; name: string; password_hash: string; session_version: number }>(
    tx,
    sql`select id, email, name, password_hash, session_version from jejak_password_hash(${email})`,
  );
  return u && { id: u.id, email: u.email, name: u.name, passwordHash: u.password_hash, sessionVersion: Number(u.session_version) };
}

function credentialsFor(email: string) {
  return withPlatform((tx) => credentialsIn(tx, email));
}

async function emailTaken(email: string): Promise<boolean> {
  const [u] = await withPlatform((tx) => tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`));
  return !!u;
}

/**
 * Writes an account event into the audit log of every business the user belongs to (an account
 * spans them all); answers those businesses, oldest membership first.
 */
export async function auditUser(userId: string, action: AuditAction, ip: string | null, meta: Record<string, unknown> = {}): Promise<string[]> {
  const rows = await withUser(userId, (tx) =>
    tx.select({ tenantId: memberships.tenantId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.createdAt)),
  );
  for (const { tenantId } of rows) {
    await withTenant(tenantId, (tx) => audit(tx, { tenantId, actorUserId: userId, action, ip, targetType: 'user', targetId: userId, meta }));
  }
  return rows.map((r) => r.tenantId);
}

/**
 * Checks a password. Refuses, without looking at the password, once the account or the IP has
 * too many recent failures: the sixth wrong try in 15 minutes locks the account even for the
 * right password, and the lock is in the database, so it survives restarts.
 *
 * A refusal must not tell whether the email has an account, by its answer or by its time. Up to
 * the answer, both kinds of refusal do the same work: two limit counts, one lookup, one argon2id
 * verification (against a throwaway hash when the email is unknown). Only a known account has
 * businesses to write the failure into, and those audit rows (one transaction per business, the
 * 5–14 ms gap issue 7 measured) are written after the answer instead of before it. Measure with
 * `npx tsx tests/support/sign-in-timing.ts` on PostgreSQL (README, "How it is built", Auth).
 */
export async function authenticate(emailRaw: string, password: string, ip: string | null) {
  const email = emailRaw.trim().toLowerCase();
  const dummy = (dummyHash ??= hashPassword(randomUUID()));
  // Each attempt is counted as a failure before the password is checked, and taken back on
  // success: otherwise many attempts sent at once would all pass the check.
  const acct = await takeHit(limits.signInPerAccount, email);
  const byIp: LimitState & { hitId?: string } = ip ? await takeHit(limits.signInPerAddress, ip) : { allowed: true };
  const user = await credentialsFor(email);
  if (!acct.allowed || !byIp.allowed) {
    await releaseHit(acct.hitId);
    await releaseHit(byIp.hitId);
    const retryAt = [acct.retryAt, byIp.retryAt].filter(Boolean).sort((a, b) => b!.getTime() - a!.getTime())[0];
    if (user) runInBackground('sign-in audit', () => auditUser(user.id, 'auth.locked_out', ip, { retryAt: retryAt?.toISOString() }));
    throw new SignInError('locked', retryAt);
  }
  const ok = await verifyPassword(user ? user.passwordHash : await dummy, password);
  if (!user || !ok) {
    if (user) runInBackground('sign-in audit', () => auditUser(user.id, 'auth.sign_in_failed', ip));
    throw new SignInError('invalid');
  }
  await clearHits(limits.signInPerAccount, email);
  await releaseHit(byIp.hitId);
  await auditUser(user.id, 'auth.sign_in', ip);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export interface SignUpInput {
  name: string;
  businessName: string;
  businessType: BusinessType;
  city: string;
  timeZone: TimeZone;
  email: string;
  password: string;
  locale: Locale;
}

/** Creates the business and its owner together: either both exist afterwards, or neither. */
export async function signUp(input: SignUpInput, ip: string | null = null) {
  // Every attempt counts, refused ones too: "email already registered" must not become a free
  // way to test which emails have accounts.
  if (ip) {
    const slot = await takeHit(limits.signUpPerAddress, ip);
    if (!slot.allowed) {
      const minutes = Math.max(1, Math.ceil((slot.retryAt!.getTime() - Date.now()) / 60_000));
      throw new AppError('errors.sign_up_limited', { params: { minutes } });
    }
  }
  if (await emailTaken(input.email)) throw new AppError('validation.email_taken', { field: 'email' });
  const passwordHash = await hashPassword(input.password);
  const tenantId = randomUUID();
  const userId = randomUUID();
  try {
    await withTenant(tenantId, async (tx) => {
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, locale: input.locale });
      await tx.insert(tenants).values({ id: tenantId, name: input.businessName, businessType: input.businessType, city: input.city, timeZone: input.timeZone });
      await tx.insert(memberships).values({ tenantId, userId, role: 'owner' });
      await audit(tx, { tenantId, actorUserId: userId, action: 'tenant.created', targetType: 'tenant', targetId: tenantId, ip });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('validation.email_taken', { field: 'email' });
    throw err;
  }
  return { tenantId, userId };
}

export interface MembershipView {
  tenantId: string;
  tenantName: string;
  role: MemberRole;
  timeZone: TimeZone;
  /** Changes whenever the logo does (null: no logo), so its URL can be cached for good. */
  logoVersion: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  isPlatformAdmin: boolean;
  sessionVersion: number;
}

/**
 * The user behind a session, with the one business they are working in (null: they belong to none
 * they may use). `suspendedBusiness`: when they have no business to work in but belong to one a
 * platform admin suspended, its name, for the message that says so (else null).
 */
export type SessionUserLoad = SessionUser & { tenant: MembershipView | null; suspendedBusiness: string | null };

/** The session cookie's own server-side session, which must still be live (lib/auth/sessions.ts). */
export interface LiveSession {
  sessionId: string;
  sessionVersion: number;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  isPlatformAdmin: users.isPlatformAdmin,
  sessionVersion: users.sessionVersion,
};

const membershipColumns = {
  tenantId: memberships.tenantId,
  role: memberships.role,
  tenantName: tenants.name,
  timeZone: tenants.timeZone,
  // Not the logo itself: it can be ~270 KB, and this runs on every request.
  logoVersion: sql<string | null>`case when ${tenants.logoUrl} is null then null else (extract(epoch from ${tenants.updatedAt}) * 1000)::bigint::text end`,
};

/**
 * The user's oldest membership of a business that is not suspended, inside `tx`: where a session
 * starts, and where one without a (valid) chosen business works.
 */
export async function firstMembershipIn(tx: Tx, userId: string): Promise<MembershipView | null> {
  const [m] = await tx
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(tenants, and(eq(tenants.id, memberships.tenantId), isNull(tenants.suspendedAt)))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return m ?? null;
}

/**
 * The per-request read of a session, inside `tx` (the caller's `withUser` transaction): the user
 * row and their membership of the chosen business, one query that names that business's
 * `tenant_id` (so, sharded by tenant, it visits one shard). With `live`, the same query also checks
 * the cookie's server-side session is live and the account's session version is the cookie's:
 * null when it is not, as when the account is gone.
 *
 * Only when no business is chosen (a cookie from before the choice was recorded) or the chosen one
 * is no longer the user's does a second, indexed query take their oldest membership, as before.
 *
 * A business a platform admin suspended (`tenants.suspended_at`) is no membership here: this is the
 * one place a request learns which business it works in, so every page, action and route handler
 * of that business refuses at once, existing sessions included. A member of other businesses works
 * in their oldest other one; a member of none but suspended ones gets `suspendedBusiness` (the
 * message of /no-business).
 *
 * The list of all their businesses is loaded only where it is shown (`listBusinesses`).
 */
export async function sessionUserIn(tx: Tx, userId: string, tenantId: string | null | undefined, live?: LiveSession): Promise<SessionUserLoad | null> {
  const chosen = tenantId && isUuid(tenantId) ? tenantId : null;
  const conditions = [eq(users.id, userId)];
  if (live) {
    conditions.push(
      eq(users.sessionVersion, live.sessionVersion),
      exists(
        tx
          .select({ id: userSessions.id })
          .from(userSessions)
          .where(and(eq(userSessions.id, live.sessionId), eq(userSessions.userId, users.id), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`))),
      ),
    );
  }
  const [row] = chosen
    ? await tx
        .select({ ...userColumns, membership: membershipColumns })
        .from(users)
        .leftJoin(memberships, and(eq(memberships.tenantId, chosen), eq(memberships.userId, users.id)))
        .leftJoin(tenants, and(eq(tenants.id, memberships.tenantId), eq(tenants.id, chosen), isNull(tenants.suspendedAt)))
        .where(and(...conditions))
    : await tx.select({ ...userColumns, membership: sql<null>`null` }).from(users).where(and(...conditions));
  if (!row) return null;
  const { membership, ...user } = row;
  const tenant = membership?.tenantId && membership.tenantName ? (membership as MembershipView) : await firstMembershipIn(tx, userId);
  return { ...user, tenant, suspendedBusiness: tenant ? null : await suspendedBusinessIn(tx, userId) };
}

/** The name of the user's oldest membership of a suspended business, inside `tx`; null if none. */
async function suspendedBusinessIn(tx: Tx, userId: string): Promise<string | null> {
  const [m] = await tx
    .select({ name: tenants.name })
    .from(memberships)
    .innerJoin(tenants, and(eq(tenants.id, memberships.tenantId), isNotNull(tenants.suspendedAt)))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return m?.name ?? null;
}

/** The user behind a session, with the business they work in (`tenantId`, else their first); null if the account is gone. */
export async function loadSessionUser(userId: string, tenantId?: string | null): Promise<SessionUserLoad | null> {
  return withUser(userId, (tx) => sessionUserIn(tx, userId, tenantId));
}

/** Every business the user belongs to and may use (not suspended), oldest membership first: for the header's business switcher. */
export async function listBusinesses(userId: string): Promise<MembershipView[]> {
  return withUser(userId, (tx) =>
    tx
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(tenants, and(eq(tenants.id, memberships.tenantId), isNull(tenants.suspendedAt)))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt)),
  );
}

export async function updateProfile(userId: string, input: { name: string; locale: Locale }) {
  await withPlatform((tx) => tx.update(users).set(input).where(eq(users.id, userId)));
  await auditUser(userId, 'profile.updated', null);
}

export async function setUserLocale(userId: string, locale: Locale) {
  await withPlatform((tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}

/**
 * Changes the password and ends every session of the user (the caller signs in again). The hash
 * is read and written through the definer functions of migration 0008: the write only for the
 * transaction's own user (`withUser`), and only if the hash is still the one checked here.
 *
 * Repeating a change that went through (a double tap, a retry after a lost answer) is answered as
 * done, not as a wrong current password: when the current password no longer matches but the new
 * one does, the change is already saved. (That answer costs a guess like any other: the attempt
 * stays counted against the limit below.)
 */
export async function changePassword(userId: string, current: string, next: string, ip: string | null): Promise<{ alreadyChanged: boolean }> {
  const storedHash = () =>
    withUser(userId, async (tx) => {
      const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return me && (await credentialsIn(tx, me.email))?.passwordHash;
    });
  const hash = await storedHash();
  if (!hash) throw new AppError('errors.not_found');
  // Someone holding a stolen session must not get unlimited guesses at the current password.
  const slot = await takeHit(limits.passwordChange, userId);
  if (!slot.allowed) {
    await releaseHit(slot.hitId);
    throw new AppError('validation.password_change_locked', { field: 'currentPassword' });
  }
  if (!(await verifyPassword(hash, current))) {
    if (current !== next && (await verifyPassword(hash, next))) return { alreadyChanged: true };
    throw new AppError('validation.wrong_password', { field: 'currentPassword' });
  }
  await clearHits(limits.passwordChange, userId);
  if (current === next) throw new AppError('validation.password_same', { field: 'newPassword' });
  const passwordHash = await hashPassword(next);
  const [changed] = await withUser(userId, (tx) =>
    queryRows<{ v: number | null }>(tx, sql`select jejak_set_password(${hash}, ${passwordHash}) as v`),
  );
  if (changed?.v == null) {
    // Changed meanwhile (another tab, or this same change sent twice at once): done if it is now
    // the new password, else the one typed is no longer current.
    const now = await storedHash();
    if (now && (await verifyPassword(now, next))) return { alreadyChanged: true };
    throw new AppError('validation.wrong_password', { field: 'currentPassword' });
  }
  await auditUser(userId, 'auth.password_changed', ip);
  return { alreadyChanged: false };
}

/** Ends every session of a user, inside the caller's transaction (a removal from a team commits with it). */
export async function revokeSessionsIn(tx: Tx, userId: string): Promise<void> {
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}

/** Ends every session of a user (password change, sign-out everywhere): its own unit of work. */
export async function revokeSessions(userId: string): Promise<void> {
  await withPlatform((tx) => revokeSessionsIn(tx, userId));
}

export async function recordSignOut(userId: string) {
  await auditUser(userId, 'auth.sign_out', null);
}
