/**
 * Accounts as a user meets them: signing up makes a business and its owner (or nothing), sign-in
 * refuses wrong passwords and locks an account after five failures (even across a restart), and a
 * password change ends the old sessions.
 */
import { execFile } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { settleBackgroundWork, withOwnerDatabase } from '@/db/client';
import { auditLog, tenants, users } from '@/db/schema';
import { limits } from '@/lib/rate-limit/limits';
import { authenticate, changePassword, listBusinesses, loadSessionUser, revokeSessions, SignInError, signUp, type SignUpInput } from '@/lib/accounts/accounts';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import { checkLimit, recordHit } from '@/lib/rate-limit/limiter';
import { withTenant } from '@/lib/core/tenancy';
import type { ProbeResult, ProbeStep, SignInOutcome } from '../support/sign-in-probe';

const run = promisify(execFile);
const FIFTEEN_MIN = 15 * 60 * 1000;
const password = 'kopi susu gula aren';

const uniqueEmail = () => `acc-${randomUUID().slice(0, 8)}@test.example`;
/** A fresh documentation-range IPv6 per test: files share one database, so the per-IP limit must not carry over. */
const freshIp = () => `2001:db8:${[0, 1, 2].map(() => randomInt(0x1000, 0x10000).toString(16)).join(':')}::1`;

function input(over: Partial<SignUpInput> = {}): SignUpInput {
  return {
    name: 'Sari Dewi',
    businessName: `Warung Sari ${randomUUID().slice(0, 8)}`,
    businessType: 'warung',
    city: 'Yogyakarta',
    timeZone: 'Asia/Jakarta',
    email: uniqueEmail(),
    password,
    locale: 'id',
    ...over,
  };
}

/** Reads past row-level security (as the owner role): to prove nothing was stored anywhere. */
async function tenantsNamed(...names: string[]) {
  return withOwnerDatabase((db) => db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.name, names)));
}

async function usersWithEmail(email: string) {
  return withOwnerDatabase((db) => db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`));
}

async function auditActions(tenantId: string, userId: string) {
  await settleBackgroundWork(); // a failed sign-in's audit rows are written after its answer
  const rows = await withTenant(tenantId, (tx) =>
    tx.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.actorUserId, userId))),
  );
  return rows;
}

async function signInOutcome(email: string, pw: string, ip: string | null): Promise<SignInOutcome> {
  try {
    const u = await authenticate(email, pw, ip);
    return { ok: true, userId: u.id };
  } catch (err) {
    if (!(err instanceof SignInError)) throw err;
    return { ok: false, reason: err.reason, retryAt: err.retryAt?.toISOString() ?? null };
  }
}

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('sign-up', () => {
  it('creates the business, its owner and a "tenant.created" audit entry', async () => {
    const data = input();
    const ip = freshIp();
    const { tenantId, userId } = await signUp(data, ip);
    const me = await loadSessionUser(userId);
    expect(me).toMatchObject({ email: data.email, name: 'Sari Dewi', locale: 'id', sessionVersion: 1, isPlatformAdmin: false });
    expect(me?.tenant).toMatchObject({ tenantId, tenantName: data.businessName, role: 'owner', timeZone: 'Asia/Jakarta' });
    expect(await listBusinesses(userId)).toMatchObject([{ tenantId, tenantName: data.businessName, role: 'owner', timeZone: 'Asia/Jakarta' }]);
    const [tenant] = await withTenant(tenantId, (tx) => tx.select().from(tenants));
    expect(tenant).toMatchObject({ id: tenantId, name: data.businessName, businessType: 'warung', city: 'Yogyakarta' });
    const log = await auditActions(tenantId, userId);
    expect(log.map((r) => r.action)).toEqual(['tenant.created']);
    expect(log[0]).toMatchObject({ targetType: 'tenant', targetId: tenantId, ip });
    expect((await authenticate(data.email, password, null)).id).toBe(userId);
  });

  it('refuses an email already used, in any case, and stores nothing new', async () => {
    const first = input({ email: `Sari.${randomUUID().slice(0, 8)}@Example.com` });
    await signUp(first);
    const second = input({ email: first.email.toUpperCase() });
    const err = await appErrorOf(signUp(second));
    expect(err.key).toBe('validation.email_taken');
    expect(err.opts.field).toBe('email');
    expect(await tenantsNamed(second.businessName)).toEqual([]);
    expect(await usersWithEmail(first.email)).toHaveLength(1);
  });

  it('two sign-ups racing for one email: one wins, the other stores no business', async () => {
    const email = uniqueEmail();
    const a = input({ email });
    const b = input({ email: email.toUpperCase() });
    const results = await Promise.allSettled([signUp(a), signUp(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost?.reason as AppError).key).toBe('validation.email_taken');
    expect(await tenantsNamed(a.businessName, b.businessName)).toHaveLength(1);
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it('takes 10 sign-up attempts an hour from one IP, refused ones included; the 11th is refused and stores nothing', async () => {
    const ip = freshIp();
    const taken = input();
    await signUp(taken, ip);
    // A refused attempt (an email that exists) counts too: no free probing for registered emails.
    expect((await appErrorOf(signUp(input({ email: taken.email }), ip))).key).toBe('validation.email_taken');
    for (let i = 0; i < 8; i++) await signUp(input(), ip);
    const eleventh = input();
    const err = await appErrorOf(signUp(eleventh, ip));
    expect(err.key).toBe('errors.sign_up_limited');
    expect(Number(err.opts.params?.minutes)).toBeGreaterThan(55);
    expect(await usersWithEmail(eleventh.email)).toEqual([]);
    expect(await tenantsNamed(eleventh.businessName)).toEqual([]);
    // Another network is not affected.
    await expect(signUp(eleventh, freshIp())).resolves.toMatchObject({ tenantId: expect.any(String) });
  });
});

describe('sign-in', () => {
  it('accepts the right password and records the sign-in in the business', async () => {
    const data = input();
    const ip = freshIp();
    const { tenantId, userId } = await signUp(data);
    const user = await authenticate(`  ${data.email.toUpperCase()} `, password, ip);
    expect(user).toEqual({ id: userId, email: data.email, name: 'Sari Dewi', sessionVersion: 1 });
    const signIns = (await auditActions(tenantId, userId)).filter((r) => r.action === 'auth.sign_in');
    expect(signIns).toHaveLength(1);
    expect(signIns[0]).toMatchObject({ ip, targetId: userId });
  });

  it('refuses a wrong password as "invalid" and records the failure', async () => {
    const data = input();
    const { tenantId, userId } = await signUp(data);
    expect(await signInOutcome(data.email, 'kopi susu gula pasir', freshIp())).toEqual({ ok: false, reason: 'invalid', retryAt: null });
    expect((await auditActions(tenantId, userId)).map((r) => r.action)).toContain('auth.sign_in_failed');
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    expect(await signInOutcome(uniqueEmail(), password, freshIp())).toEqual({ ok: false, reason: 'invalid', retryAt: null });
  });

  it('locks the account after 5 failures, even for the right password, for 15 minutes from the first', async () => {
    const data = input();
    const other = input();
    const { tenantId, userId } = await signUp(data);
    await signUp(other);
    const ip = freshIp();
    const firstFailureFrom = Date.now();
    let firstFailureTo = 0;
    for (let i = 0; i < 5; i++) {
      expect(await signInOutcome(data.email, `salah-${i}-password`, ip)).toMatchObject({ reason: 'invalid' });
      if (i === 0) firstFailureTo = Date.now();
    }
    const locked = await signInOutcome(data.email, password, ip);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    const retryAt = new Date((locked as { retryAt: string }).retryAt).getTime();
    expect(retryAt).toBeGreaterThanOrEqual(firstFailureFrom + FIFTEEN_MIN);
    expect(retryAt).toBeLessThanOrEqual(firstFailureTo + FIFTEEN_MIN);
    // Another spelling of the same address is the same account.
    expect(await signInOutcome(` ${data.email.toUpperCase()}`, password, freshIp())).toMatchObject({ reason: 'locked' });
    expect((await auditActions(tenantId, userId)).map((r) => r.action)).toContain('auth.locked_out');
    // The lock is the account's, not the IP's: someone else at the same address signs in.
    expect(await signInOutcome(other.email, password, ip)).toMatchObject({ ok: true });
  });

  it('a successful sign-in before the fifth failure starts the count again', async () => {
    const data = input();
    const { userId } = await signUp(data);
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect(await signInOutcome(data.email, `salah-${i}-password`, ip)).toMatchObject({ reason: 'invalid' });
    expect(await signInOutcome(data.email, password, ip)).toEqual({ ok: true, userId });
    // Without the reset this would be the fifth failure in the window, and the next try locked.
    expect(await signInOutcome(data.email, 'salah-lagi-password', ip)).toMatchObject({ reason: 'invalid' });
    expect(await signInOutcome(data.email, password, ip)).toEqual({ ok: true, userId });
  });
});

describe('sign-in limits over time', () => {
  it('a lock lifts once enough failures are older than 15 minutes', async () => {
    const data = input();
    await signUp(data);
    const now = Date.now();
    const minutesAgo = [14, 13, 12, 3, 2, 1, 0.5];
    for (const m of minutesAgo) await recordHit(limits.signInPerAccount, data.email, new Date(now - m * 60_000));
    const state = await checkLimit(limits.signInPerAccount, data.email, new Date(now));
    // Seven in the window: allowed again when the third oldest leaves it, leaving four.
    expect(state).toEqual({ allowed: false, retryAt: new Date(now - 12 * 60_000 + FIFTEEN_MIN) });
    expect(await checkLimit(limits.signInPerAccount, data.email, new Date(now + 3 * 60_000 - 1))).toMatchObject({ allowed: false });
    expect(await checkLimit(limits.signInPerAccount, data.email, new Date(now + 3 * 60_000 + 1))).toEqual({ allowed: true });
    expect(await signInOutcome(data.email, password, null)).toMatchObject({ reason: 'locked' });

    const fresh = input();
    for (let i = 0; i < 5; i++) await recordHit(limits.signInPerAccount, fresh.email, new Date(now - 16 * 60_000));
    await signUp(fresh);
    expect(await signInOutcome(fresh.email, password, null)).toMatchObject({ ok: true });
  });

  it('30 failures from one IP lock that IP for every account, not other IPs', async () => {
    const data = input();
    const { userId } = await signUp(data);
    const ip = freshIp();
    for (let i = 0; i < limits.signInPerAddress.max; i++) await recordHit(limits.signInPerAddress, ip);
    expect(await signInOutcome(data.email, password, ip)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await signInOutcome(data.email, password, freshIp())).toEqual({ ok: true, userId });
  });

  it('many wrong tries at once still get only five guesses', async () => {
    const data = input();
    await signUp(data);
    const ip = freshIp();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => signInOutcome(data.email, `salah-${i}-password`, ip)));
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid').length).toBeLessThanOrEqual(limits.signInPerAccount.max);
    expect(await signInOutcome(data.email, password, ip)).toMatchObject({ reason: 'locked' });
  });
});

describe('password and sessions', () => {
  it('a wrong current password is refused on its field and changes nothing', async () => {
    const data = input();
    const { userId } = await signUp(data);
    const err = await appErrorOf(changePassword(userId, 'bukan password lama', 'teh tarik tanpa gula', null));
    expect(err.key).toBe('validation.wrong_password');
    expect(err.opts.field).toBe('currentPassword');
    expect((await loadSessionUser(userId))?.sessionVersion).toBe(1);
    expect((await authenticate(data.email, password, null)).id).toBe(userId);
  });

  it('a change makes the new password work, the old one fail, and ends existing sessions', async () => {
    const data = input();
    const { userId } = await signUp(data);
    const next = 'teh tarik tanpa gula';
    await changePassword(userId, password, next, freshIp());
    expect((await loadSessionUser(userId))?.sessionVersion).toBe(2);
    expect(await signInOutcome(data.email, password, null)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await authenticate(data.email, next, null)).toMatchObject({ id: userId, sessionVersion: 2 });
  });

  it('after 5 wrong current passwords, even the right one is refused for 15 minutes', async () => {
    const data = input();
    const { userId } = await signUp(data);
    for (let i = 0; i < 5; i++) {
      expect((await appErrorOf(changePassword(userId, `tebakan-${i}-salah`, 'teh tarik tanpa gula', null))).key).toBe('validation.wrong_password');
    }
    const err = await appErrorOf(changePassword(userId, password, 'teh tarik tanpa gula', null));
    expect(err.key).toBe('validation.password_change_locked');
    expect(err.opts.field).toBe('currentPassword');
    expect((await loadSessionUser(userId))?.sessionVersion).toBe(1);
  });

  it('revoking sessions moves the session version on', async () => {
    const { userId } = await signUp(input());
    await revokeSessions(userId);
    await revokeSessions(userId);
    expect((await loadSessionUser(userId))?.sessionVersion).toBe(3);
  });
});

/**
 * Each step list runs in a new process: the lock must come from the database, not from memory.
 * On PGlite the test process never opens the folder (one process per folder).
 */
async function probe(steps: ProbeStep[], dbEnv: Record<string, string>): Promise<ProbeResult[]> {
  const { stdout } = await run('npx', ['tsx', 'tests/support/sign-in-probe.ts', JSON.stringify(steps)], {
    cwd: process.cwd(),
    env: { ...process.env, ...dbEnv },
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ProbeResult[];
}

describe('sign-in lock across a restart', () => {
  it('five failures in one process lock the account for the next process', async () => {
    const email = uniqueEmail();
    const ip = freshIp();
    const wrong: ProbeStep = { op: 'sign-in', email, password: 'bukan-ini-passwordnya', ip, times: 5 };
    const tmp = env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-signin-'));
    const dbEnv: Record<string, string> = tmp ? { DATABASE_URL: '', PGLITE_DIR: path.join(tmp, 'pglite') } : { DATABASE_URL: env.DATABASE_URL ?? '' };
    try {
      // PGlite: the account is made by the first process too, since this one must not open the folder.
      if (!tmp) await signUp(input({ email }));
      const first = await probe(tmp ? [{ op: 'create', email, password }, wrong] : [wrong], dbEnv);
      const failures = first.at(-1) as SignInOutcome[];
      expect(failures.map((o) => o.ok || o.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);

      const started = Date.now();
      const second = await probe([{ op: 'sign-in', email, password, ip: freshIp() }], dbEnv);
      const after = (second[0] as SignInOutcome[])[0];
      expect(after).toMatchObject({ ok: false, reason: 'locked' });
      const retryAt = new Date((after as { retryAt: string }).retryAt).getTime();
      expect(retryAt).toBeGreaterThan(started + FIFTEEN_MIN - 60_000);
      expect(retryAt).toBeLessThanOrEqual(started + FIFTEEN_MIN);
    } finally {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000); // two cold processes; PGlite also migrates a new folder on first open
});
