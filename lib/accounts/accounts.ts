/**
 * Accounts: sign-up (a business and its owner, in one transaction), password sign-in with
 * brute-force limits, the session's view of a user, profile and password changes.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, runInBackground, type Tx } from '@/db/client';
import { memberships, tenants, users, type BusinessType, type Locale, type MemberRole, type TimeZone } from '@/db/schema';
import { audit, type AuditAction } from '../core/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, isUniqueViolation } from '../core/errors';
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

/** Writes an account event into the audit log of every business the user belongs to. */
async function auditUser(userId: string, action: AuditAction, ip: string | null, meta: Record<string, unknown> = {}) {
  const tenantIds = await withUser(userId, (tx) =>
    tx.select({ tenantId: memberships.tenantId }).from(memberships).where(eq(memberships.userId, userId)),
  );
  for (const { tenantId } of tenantIds) {
    await withTenant(tenantId, (tx) => audit(tx, { tenantId, actorUserId: userId, action, ip, targetType: 'user', targetId: userId, meta }));
  }
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
  memberships: MembershipView[];
}

/** The user behind a session, with their businesses; null if the account is gone. */
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  return withUser(userId, async (tx) => {
    const [u] = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, isPlatformAdmin: users.isPlatformAdmin, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, userId));
    if (!u) return null;
    const rows = await tx
      .select({
        tenantId: memberships.tenantId,
        role: memberships.role,
        tenantName: tenants.name,
        timeZone: tenants.timeZone,
        // Not the logo itself: it can be ~270 KB, and this runs on every request.
        logoVersion: sql<string | null>`case when ${tenants.logoUrl} is null then null else (extract(epoch from ${tenants.updatedAt}) * 1000)::bigint::text end`,
      })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt));
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      isPlatformAdmin: u.isPlatformAdmin,
      sessionVersion: u.sessionVersion,
      memberships: rows,
    };
  });
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
 */
export async function changePassword(userId: string, current: string, next: string, ip: string | null) {
  const u = await withUser(userId, async (tx) => {
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return me && credentialsIn(tx, me.email);
  });
  if (!u) throw new AppError('errors.not_found');
  // Someone holding a stolen session must not get unlimited guesses at the current password.
  const slot = await takeHit(limits.passwordChange, userId);
  if (!slot.allowed) {
    await releaseHit(slot.hitId);
    throw new AppError('validation.password_change_locked', { field: 'currentPassword' });
  }
  if (!(await verifyPassword(u.passwordHash, current))) throw new AppError('validation.wrong_password', { field: 'currentPassword' });
  await clearHits(limits.passwordChange, userId);
  if (current === next) throw new AppError('validation.password_same', { field: 'newPassword' });
  const passwordHash = await hashPassword(next);
  const [changed] = await withUser(userId, (tx) =>
    queryRows<{ v: number | null }>(tx, sql`select jejak_set_password(${u.passwordHash}, ${passwordHash}) as v`),
  );
  // Null: the password was changed meanwhile (another tab): the one typed is no longer current.
  if (changed?.v == null) throw new AppError('validation.wrong_password', { field: 'currentPassword' });
  await auditUser(userId, 'auth.password_changed', ip);
}

/** Ends every session of a user (removal from a team, password change). */
export async function revokeSessions(userId: string) {
  await withPlatform((tx) => tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)));
}

export async function recordSignOut(userId: string) {
  await auditUser(userId, 'auth.sign_out', null);
}
