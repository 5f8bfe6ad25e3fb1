/**
 * The platform admin's second factor: TOTP (RFC 6238: 6 digits, 30 s, SHA-1, what every
 * authenticator app reads) with `otpauth`, and ten single-use recovery codes.
 *
 * - Enrolment on first admin sign-in: a secret is made and kept, unconfirmed, until a code from the
 *   app confirms it; then ten recovery codes are made and shown once.
 * - A code is accepted for the current 30-second step or the one either side (clock drift), and only
 *   for a step later than the last one accepted (`last_used_step`), so a code seen over a shoulder or
 *   in a log cannot be used again. The update that records the step is conditional, so two requests
 *   racing with one code cannot both win.
 * - Recovery codes are 16 characters from a 31-letter alphabet (79 bits of randomness) and stored as
 *   SHA-256, not argon2: argon2 makes guessing a short, human-chosen password expensive, but nobody
 *   can guess 79 random bits, fast hash or not; and a plain hash lets a code be looked up (and
 *   spent, once, by a conditional update) directly, instead of checking it against ten argon2
 *   hashes per try.
 * - Every attempt counts against `limits.adminFactor` (the one table of limits) before the code is
 *   checked; a success takes it back.
 *
 * Everything runs through the admin door (lib/admin/door.ts): jejak_app cannot read these tables.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { adminRecoveryCodes, adminTotp, users } from '@/db/schema';
import { AppError, NotFoundError } from '../core/errors';
import { limits } from '../rate-limit/limits';
import { clearHits, takeHit } from '../rate-limit/limiter';
import { markSessionVerifiedIn, withAdminSignIn, writePlatformAudit, type AdminActor, type AdminDb } from './door';

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Jejak admin';

/** A TOTP code: exactly six digits (the actions drop spaces first, as apps show "123 456"). */
export const totpCodePattern = /^\d{6}$/;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'admin'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** The 30-second step of a moment. */
export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

/** The step `code` belongs to (this one or one either side), or null if it matches none. */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!totpCodePattern.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : totpStep(now) + delta;
}

// No 0/o, 1/l/i: read off a screen or a sheet of paper without mistakes.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten new recovery codes, `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return chars.replace(/(.{4})(?=.)/g, '$1-');
  });
}

/** A recovery code as typed (any case, with or without dashes and spaces) → its stored form. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(input)).digest('hex');
}

/** Whether the admin has confirmed a TOTP secret. */
export async function isEnrolledIn(db: AdminDb): Promise<boolean> {
  const [row] = await db.tx
    .select({ userId: adminTotp.userId })
    .from(adminTotp)
    .where(and(eq(adminTotp.userId, db.actor.userId), isNotNull(adminTotp.enrolledAt)));
  return !!row;
}

/** Where the admin stands: null for no admin (or a dead session); else enrolled and verified. */
export async function factorStanding(actor: AdminActor): Promise<{ enrolled: boolean; verified: boolean } | null> {
  try {
    return await withAdminSignIn(actor, async (db) => ({ enrolled: await isEnrolledIn(db), verified: db.verified }));
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/**
 * The enrolment page's secret: the admin's unconfirmed one, made now if there is none yet. Null once
 * enrolled (the secret is never shown again).
 */
export async function pendingEnrolment(actor: AdminActor): Promise<{ secret: string; uri: string } | null> {
  return withAdminSignIn(actor, async (db) => {
    const [me] = await db.tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    const [row] = await db.tx.select({ secret: adminTotp.secret, enrolledAt: adminTotp.enrolledAt }).from(adminTotp).where(eq(adminTotp.userId, actor.userId));
    if (row?.enrolledAt) return null;
    let secret = row?.secret;
    if (!secret) {
      const [made] = await db.tx
        .insert(adminTotp)
        .values({ userId: actor.userId, secret: newTotpSecret() })
        .onConflictDoNothing()
        .returning({ secret: adminTotp.secret });
      if (made) {
        secret = made.secret;
        await writePlatformAudit(db.tx, actor, { action: 'factor.enrolment_started', reason: 'sign_in' });
      } else {
        // Another tab made one meanwhile: show that one.
        const [other] = await db.tx.select({ secret: adminTotp.secret, enrolledAt: adminTotp.enrolledAt }).from(adminTotp).where(eq(adminTotp.userId, actor.userId));
        if (!other || other.enrolledAt) return null;
        secret = other.secret;
      }
    }
    return { secret, uri: otpauthUri(secret, me?.email ?? 'admin') };
  });
}

/** Counts the attempt first (fail closed); `work` answers null for a wrong code, which `field` is told. */
async function limited<T>(actor: AdminActor, field: 'code' | 'recoveryCode', work: () => Promise<T | null>): Promise<T> {
  const slot = await takeHit(limits.adminFactor, actor.userId);
  if (!slot.allowed) {
    const minutes = Math.max(1, Math.ceil(((slot.retryAt?.getTime() ?? Date.now()) - Date.now()) / 60_000));
    throw new AppError('admin:factor.locked', { params: { minutes } });
  }
  const result = await work();
  if (result === null) throw new AppError(field === 'code' ? 'admin:factor.wrong_code' : 'admin:factor.wrong_recovery_code', { field });
  await clearHits(limits.adminFactor, actor.userId);
  return result;
}

/** Accepts a TOTP code for `secret` once: records its step if later than the last one. */
async function spendStep(db: AdminDb, secret: string, code: string, now: number): Promise<boolean> {
  const step = matchingStep(secret, code, now);
  if (step === null) return false;
  const spent = await db.tx
    .update(adminTotp)
    .set({ lastUsedStep: step })
    .where(and(eq(adminTotp.userId, db.actor.userId), or(isNull(adminTotp.lastUsedStep), lt(adminTotp.lastUsedStep, step))))
    .returning({ userId: adminTotp.userId });
  return spent.length === 1;
}

/**
 * Confirms the enrolment with a code from the app: the secret becomes the admin's, this session
 * passes the second factor, and ten recovery codes are made (any older ones are dropped). Answers
 * the codes, to be shown once.
 */
export function confirmEnrolment(actor: AdminActor, code: string, now = Date.now()): Promise<{ recoveryCodes: string[] }> {
  return limited(actor, 'code', () =>
    withAdminSignIn(actor, async (db) => {
      const [row] = await db.tx.select({ secret: adminTotp.secret, enrolledAt: adminTotp.enrolledAt }).from(adminTotp).where(eq(adminTotp.userId, actor.userId));
      if (!row) throw new AppError('admin:factor.not_enrolled');
      if (row.enrolledAt) throw new AppError('admin:factor.already_enrolled');
      if (!(await spendStep(db, row.secret, code, now))) {
        await writePlatformAudit(db.tx, actor, { action: 'factor.failed', reason: 'sign_in', meta: { step: 'enrol' } });
        return null;
      }
      await db.tx.update(adminTotp).set({ enrolledAt: sql`now()` }).where(eq(adminTotp.userId, actor.userId));
      const recoveryCodes = newRecoveryCodes();
      await db.tx.delete(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, actor.userId));
      await db.tx.insert(adminRecoveryCodes).values(recoveryCodes.map((c) => ({ userId: actor.userId, codeHash: hashRecoveryCode(c) })));
      await markSessionVerifiedIn(db);
      await writePlatformAudit(db.tx, actor, { action: 'factor.enrolled', reason: 'sign_in' });
      return { recoveryCodes };
    }),
  );
}

/** The sign-in step: a code from the app; this session passes the second factor. */
export function verifyTotp(actor: AdminActor, code: string, now = Date.now()): Promise<true> {
  return limited(actor, 'code', () =>
    withAdminSignIn(actor, async (db) => {
      const [row] = await db.tx.select({ secret: adminTotp.secret }).from(adminTotp).where(and(eq(adminTotp.userId, actor.userId), isNotNull(adminTotp.enrolledAt)));
      if (!row) throw new AppError('admin:factor.not_enrolled');
      if (!(await spendStep(db, row.secret, code, now))) {
        await writePlatformAudit(db.tx, actor, { action: 'factor.failed', reason: 'sign_in', meta: { step: 'totp' } });
        return null;
      }
      await markSessionVerifiedIn(db);
      await writePlatformAudit(db.tx, actor, { action: 'factor.verified', reason: 'sign_in' });
      return true as const;
    }),
  );
}

/** The sign-in step with a recovery code instead (a lost phone): each code works once. */
export function useRecoveryCode(actor: AdminActor, code: string): Promise<{ remaining: number }> {
  return limited(actor, 'recoveryCode', () =>
    withAdminSignIn(actor, async (db) => {
      const spent = await db.tx
        .update(adminRecoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(and(eq(adminRecoveryCodes.userId, actor.userId), eq(adminRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(adminRecoveryCodes.usedAt)))
        .returning({ userId: adminRecoveryCodes.userId });
      if (spent.length !== 1) {
        await writePlatformAudit(db.tx, actor, { action: 'factor.failed', reason: 'sign_in', meta: { step: 'recovery_code' } });
        return null;
      }
      const [left] = await db.tx
        .select({ n: sql<number>`count(*)::int` })
        .from(adminRecoveryCodes)
        .where(and(eq(adminRecoveryCodes.userId, actor.userId), isNull(adminRecoveryCodes.usedAt)));
      const remaining = left?.n ?? 0;
      await markSessionVerifiedIn(db);
      await writePlatformAudit(db.tx, actor, { action: 'factor.recovery_code_used', reason: 'sign_in', meta: { remaining } });
      return { remaining };
    }),
  );
}
