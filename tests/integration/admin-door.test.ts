/**
 * The platform admin console's database side (issue 12, part 1), on both databases: the admin door
 * lets only a platform admin whose session passed the second factor through; it writes the platform
 * audit entry in the same transaction as the work; the audit log cannot be changed or removed by
 * anyone, the table's owner included; the second factor (TOTP with a real code computed here with
 * otpauth, replay refused, recovery codes single-use) lives where the request path's role cannot
 * read it; and the request path cannot borrow the door's reach.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { adminRecoveryCodes, adminTotp, auditLog, platformAudit, tenants, users, userSessions } from '@/db/schema';
import { withAdmin, withAdminSignIn, type AdminActor } from '@/lib/admin/door';
import { confirmEnrolment, factorStanding, pendingEnrolment, useRecoveryCode, verifyTotp } from '@/lib/admin/factor';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { env } from '@/lib/core/env';
import { withPlatform, withTenant } from '@/lib/core/tenancy';
import { actorFor, makeAdmin, verifySession } from '../support/admin';
import { attempt, DENIED } from '../support/sql-attempt';
import { makeTenant } from '../support/factory';

const onPostgres = Boolean(env.DATABASE_URL);


async function auditRows(actorUserId: string) {
  return withOwnerDatabase((db) => db.select().from(platformAudit).where(eq(platformAudit.actorUserId, actorUserId)).orderBy(platformAudit.createdAt));
}

/** The code an authenticator app shows for `secret` at `at` (otpauth, as the app computes it). */
function appCode(secret: string, at: number): string {
  return new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

const keyOf = (err: unknown) => (err instanceof AppError ? err.key : String(err));

let shop: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  shop = await makeTenant('Warung Admin Uji');
});

describe('the admin door', () => {
  it('refuses anyone but a platform admin whose session passed the second factor', async () => {
    const admin = await makeAdmin();
    const work = (actor: AdminActor) => withAdmin(actor, { action: 'business.list_viewed', reason: 'view' }, async () => 'in');
    // An owner, with a live session of their own.
    await expect(work(await actorFor(shop.owner.id))).rejects.toBeInstanceOf(NotFoundError);
    // A platform admin signed in with the password only.
    const unverified = await actorFor(admin.id);
    await expect(work(unverified)).rejects.toBeInstanceOf(NotFoundError);
    // Someone else's verified session is not theirs; a made-up session is nobody's.
    const verified = await actorFor(admin.id);
    await verifySession(verified);
    await expect(work({ ...verified, userId: shop.owner.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(work({ ...verified, sessionId: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await work(verified)).toBe('in');
    // Signing out ends it.
    await withPlatform((tx) => tx.update(userSessions).set({ revokedAt: sql`now()` }).where(eq(userSessions.id, verified.sessionId)));
    await expect(work(verified)).rejects.toBeInstanceOf(NotFoundError);
    // And an admin whose flag is taken away is refused at once, in the same session.
    const again = await actorFor(admin.id);
    await verifySession(again);
    await withOwnerDatabase((db) => db.update(users).set({ isPlatformAdmin: false }).where(eq(users.id, admin.id)));
    await expect(work(again)).rejects.toBeInstanceOf(NotFoundError);
    // Only the one verified call left a record.
    expect((await auditRows(admin.id)).map((r) => r.action)).toEqual(['business.list_viewed']);
  });

  it('writes the audit entry in the same transaction as the work: a failing work leaves neither', async () => {
    const admin = await makeAdmin();
    const actor = await actorFor(admin.id);
    await verifySession(actor);
    const marker = randomUUID();
    await expect(
      withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: shop.id, meta: { marker } }, async (db) => {
        // Work the admin role may do: it lands in the same transaction.
        await db.tx.insert(adminRecoveryCodes).values({ userId: admin.id, codeHash: `work-${marker}` });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await auditRows(admin.id)).toEqual([]);
    expect(await withOwnerDatabase((db) => db.select().from(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, admin.id)))).toEqual([]);

    const name = await withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: shop.id, meta: { marker } }, async (db) => {
      const [t] = await db.tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, shop.id));
      return t?.name;
    });
    expect(name).toBe('Warung Admin Uji');
    const rows = await auditRows(admin.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: admin.id, action: 'business.viewed', targetTenantId: shop.id, reason: 'view', ip: '203.0.113.7', meta: { marker } });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('reads across businesses as jejak_admin: counts, never what a business wrote', async () => {
    const admin = await makeAdmin();
    const actor = await actorFor(admin.id);
    await verifySession(actor);
    const r = await withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: shop.id }, async ({ tx }) => ({
      who: (await queryRows<{ who: string }>(tx, sql`select current_user as who`))[0]?.who,
      // Any business, not one chosen by app.tenant_id.
      owners: (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from memberships where tenant_id = ${shop.id}`))[0]?.n,
      reviewCount: await attempt(tx, sql`select count(*) from reviews where tenant_id = ${shop.id}`),
      reviewText: await attempt(tx, sql`select comment from reviews limit 1`),
      personaNames: await attempt(tx, sql`select name from personas limit 1`),
      journeyNames: await attempt(tx, sql`select name from journeys limit 1`),
      logo: await attempt(tx, sql`select logo_url from tenants limit 1`),
      hashes: await attempt(tx, sql`select password_hash from users limit 1`),
      tenantAudit: await attempt(tx, sql`select action from audit_log limit 1`),
      writeTenant: await attempt(tx, sql`update tenants set name = 'Dibajak' where id = ${shop.id}`),
    }));
    expect(r).toEqual({
      who: 'jejak_admin',
      owners: 1,
      reviewCount: 'ok',
      reviewText: DENIED,
      personaNames: DENIED,
      journeyNames: DENIED,
      logo: DENIED,
      hashes: DENIED,
      tenantAudit: DENIED,
      writeTenant: DENIED,
    });
  });
});

describe('the platform audit log is append-only', () => {
  let entryId: string;
  beforeAll(async () => {
    const admin = await makeAdmin();
    const actor = await actorFor(admin.id);
    await verifySession(actor);
    await withAdmin(actor, { action: 'audit.viewed', reason: 'view' }, async () => undefined);
    entryId = (await auditRows(admin.id))[0]!.id;
  });

  it('for the request path (jejak_app): not even readable', async () => {
    const r = await withPlatform(async (tx) => ({
      select: await attempt(tx, sql`select id from platform_audit limit 1`),
      insert: await attempt(tx, sql`insert into platform_audit (actor_user_id, action, reason) values (${randomUUID()}, 'forged', 'view')`),
      update: await attempt(tx, sql`update platform_audit set reason = 'x' where id = ${entryId}`),
      delete: await attempt(tx, sql`delete from platform_audit where id = ${entryId}`),
      truncate: await attempt(tx, sql`truncate platform_audit`),
    }));
    expect(r).toEqual({ select: DENIED, insert: DENIED, update: DENIED, delete: DENIED, truncate: DENIED });
  });

  it('for the admin door (jejak_admin): adds and reads, never changes or removes', async () => {
    const admin = await makeAdmin();
    const actor = await actorFor(admin.id);
    await verifySession(actor);
    const r = await withAdmin(actor, { action: 'audit.viewed', reason: 'view' }, async ({ tx }) => ({
      select: await attempt(tx, sql`select id from platform_audit where id = ${entryId}`),
      update: await attempt(tx, sql`update platform_audit set reason = 'x' where id = ${entryId}`),
      delete: await attempt(tx, sql`delete from platform_audit where id = ${entryId}`),
      truncate: await attempt(tx, sql`truncate platform_audit`),
    }));
    expect(r).toEqual({ select: 'ok', update: DENIED, delete: DENIED, truncate: DENIED });
  });

  it("for the table's owner too (a superuser in these tests): the trigger refuses", async () => {
    const r = await withOwnerDatabase((db) =>
      db.transaction(async (tx) => ({
        who: (await queryRows<{ owner: boolean }>(tx, sql`select pg_has_role(current_user, c.relowner, 'USAGE') as owner from pg_class c where c.relname = 'platform_audit'`))[0]?.owner,
        update: await attempt(tx, sql`update platform_audit set reason = 'x' where id = ${entryId}`),
        delete: await attempt(tx, sql`delete from platform_audit where id = ${entryId}`),
        truncate: await attempt(tx, sql`truncate platform_audit`),
      })),
    );
    // P0001: raised by jejak_platform_audit_append_only (migration 0013), privileges notwithstanding.
    expect(r).toEqual({ who: true, update: 'P0001', delete: 'P0001', truncate: 'P0001' });
    const [still] = await withOwnerDatabase((db) => db.select({ reason: platformAudit.reason }).from(platformAudit).where(eq(platformAudit.id, entryId)));
    expect(still).toEqual({ reason: 'view' });
  });
});

describe('the second factor', () => {
  it('lives where the request path cannot read it, and only the admin door may mark a session verified', async () => {
    const admin = await makeAdmin();
    const actor = await actorFor(admin.id);
    expect(await pendingEnrolment(actor)).toMatchObject({ secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
    const r = await withPlatform(async (tx) => ({
      totp: await attempt(tx, sql`select secret from admin_totp limit 1`),
      totpCount: await attempt(tx, sql`select count(*) from admin_totp`),
      codes: await attempt(tx, sql`select code_hash from admin_recovery_codes limit 1`),
      markUpdate: await attempt(tx, sql`update user_sessions set second_factor_at = now() where id = ${actor.sessionId}`),
      markInsert: await attempt(
        tx,
        sql`insert into user_sessions (user_id, expires_at, second_factor_at) values (${admin.id}, now() + interval '1 day', now())`,
      ),
      signOut: await attempt(tx, sql`update user_sessions set revoked_at = revoked_at where id = ${actor.sessionId}`),
    }));
    expect(r).toEqual({ totp: DENIED, totpCount: DENIED, codes: DENIED, markUpdate: DENIED, markInsert: DENIED, signOut: 'ok' });
    expect(await factorStanding(actor)).toEqual({ enrolled: false, verified: false });
  });

  it('enrols with a real code, refuses the same code again, accepts the next one', async () => {
    const admin = await makeAdmin();
    const first = await actorFor(admin.id);
    const { secret } = (await pendingEnrolment(first))!;
    // The page shows the same secret until it is confirmed.
    expect((await pendingEnrolment(first))?.secret).toBe(secret);
    const now = Date.now();
    await expect(confirmEnrolment(first, '000000' === appCode(secret, now) ? '111111' : '000000', now).catch(keyOf)).resolves.toBe('admin:factor.wrong_code');
    const { recoveryCodes } = await confirmEnrolment(first, appCode(secret, now), now);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await factorStanding(first)).toEqual({ enrolled: true, verified: true });
    // Enrolled: the secret is not shown again.
    expect(await pendingEnrolment(first)).toBeNull();
    // Stored hashed, never as typed.
    const stored = await withOwnerDatabase((db) => db.select({ h: adminRecoveryCodes.codeHash }).from(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, admin.id)));
    expect(stored).toHaveLength(10);
    expect(stored.map((s) => s.h).some((h) => recoveryCodes.some((c) => h.includes(c.replaceAll('-', ''))))).toBe(false);

    // A new sign-in starts without the second factor.
    const second = await actorFor(admin.id);
    expect(await factorStanding(second)).toEqual({ enrolled: true, verified: false });
    // The code used for enrolment, replayed within its 30 seconds: refused, and the session stays unverified.
    expect(await verifyTotp(second, appCode(secret, now), now).catch(keyOf)).toBe('admin:factor.wrong_code');
    expect(await factorStanding(second)).toEqual({ enrolled: true, verified: false });
    // The next step's code (the app 30 seconds later, or a clock a little ahead) is accepted, once.
    const later = now + 30_000;
    expect(await verifyTotp(second, appCode(secret, later), later)).toBe(true);
    expect(await factorStanding(second)).toEqual({ enrolled: true, verified: true });
    const third = await actorFor(admin.id);
    expect(await verifyTotp(third, appCode(secret, later), later).catch(keyOf)).toBe('admin:factor.wrong_code');
    // A code from two minutes ago is too old.
    expect(await verifyTotp(third, appCode(secret, later - 120_000), later).catch(keyOf)).toBe('admin:factor.wrong_code');
    expect(await factorStanding(third)).toEqual({ enrolled: true, verified: false });

    const actions = (await auditRows(admin.id)).map((r) => r.action);
    expect(actions).toEqual(['factor.enrolment_started', 'factor.failed', 'factor.enrolled', 'factor.failed', 'factor.verified', 'factor.failed', 'factor.failed']);
  });

  it('takes a recovery code once, in any case and with or without dashes', async () => {
    const admin = await makeAdmin();
    const first = await actorFor(admin.id);
    const { secret } = (await pendingEnrolment(first))!;
    const { recoveryCodes } = await confirmEnrolment(first, appCode(secret, Date.now()));
    const code = recoveryCodes[3]!;
    const second = await actorFor(admin.id);
    expect(await useRecoveryCode(second, code.toUpperCase().replaceAll('-', ' '))).toEqual({ remaining: 9 });
    expect(await factorStanding(second)).toEqual({ enrolled: true, verified: true });
    const third = await actorFor(admin.id);
    expect(await useRecoveryCode(third, code).catch(keyOf)).toBe('admin:factor.wrong_recovery_code');
    expect(await useRecoveryCode(third, 'aaaa-bbbb-cccc-dddd').catch(keyOf)).toBe('admin:factor.wrong_recovery_code');
    expect(await factorStanding(third)).toEqual({ enrolled: true, verified: false });
    const [used] = await withOwnerDatabase((db) =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(adminRecoveryCodes)
        .where(and(eq(adminRecoveryCodes.userId, admin.id), sql`${adminRecoveryCodes.usedAt} is not null`)),
    );
    expect(used).toEqual({ n: 1 });
  });

  it('is limited: the sixth wrong code in 15 minutes is refused without being checked', async () => {
    const admin = await makeAdmin();
    const first = await actorFor(admin.id);
    const { secret } = (await pendingEnrolment(first))!;
    await confirmEnrolment(first, appCode(secret, Date.now()));
    const actor = await actorFor(admin.id);
    const wrong = (n: number) => String((Number(appCode(secret, Date.now())) + n) % 1_000_000).padStart(6, '0');
    for (let i = 1; i <= 5; i++) expect(await verifyTotp(actor, wrong(i)).catch(keyOf)).toBe('admin:factor.wrong_code');
    // Even the right code now waits.
    expect(await verifyTotp(actor, appCode(secret, Date.now() + 30_000), Date.now() + 30_000).catch(keyOf)).toBe('admin:factor.locked');
    expect(await factorStanding(actor)).toEqual({ enrolled: true, verified: false });
  });

  it('is only for platform admins: an owner gets nothing from the sign-in door', async () => {
    const owner = await actorFor(shop.owner.id);
    await expect(withAdminSignIn(owner, async () => 'in')).rejects.toBeInstanceOf(NotFoundError);
    expect(await factorStanding(owner)).toBeNull();
    await expect(pendingEnrolment(owner)).rejects.toBeInstanceOf(NotFoundError);
    expect(await withOwnerDatabase((db) => db.select().from(adminTotp).where(eq(adminTotp.userId, shop.owner.id)))).toEqual([]);
  });
});

describe("a business's last activity", () => {
  it('follows its audit log, to the minute', async () => {
    const t = await makeTenant('Warung Aktivitas');
    const read = async () =>
      (await withTenant(t.id, (tx) => tx.select({ at: tenants.lastActiveAt }).from(tenants).where(eq(tenants.id, t.id))))[0]!.at.getTime();
    const created = await read();
    const later = new Date(created + 5 * 60_000);
    await withTenant(t.id, (tx) => tx.insert(auditLog).values({ tenantId: t.id, action: 'test.touched', createdAt: later }));
    expect(await read()).toBe(later.getTime());
    // Within the minute: not written again.
    await withTenant(t.id, (tx) => tx.insert(auditLog).values({ tenantId: t.id, action: 'test.touched', createdAt: new Date(later.getTime() + 30_000) }));
    expect(await read()).toBe(later.getTime());
  });
});

describe.skipIf(!onPostgres)('the request path cannot borrow the admin door (PostgreSQL: PGlite has one user, a superuser)', () => {
  it('cannot switch to jejak_admin, from a tenant transaction or after RESET ROLE, nor reach its policies by settings', async () => {
    const r = await withTenant(shop.id, async (tx) => ({
      setRole: await attempt(tx, sql`set local role jejak_admin`),
      afterReset: await attempt(tx, sql`reset role; set local role jejak_admin`),
      // Whatever the request path sets, the admin policies are jejak_admin's alone.
      settings: (
        await queryRows<{ n: number }>(
          tx,
          sql`select set_config('app.tenant_id', '', true), set_config('app.admin', 'on', true), (select count(*)::int from tenants) as n`,
        )
      )[0]?.n,
    }));
    expect(r).toEqual({ setRole: DENIED, afterReset: DENIED, settings: 0 });
  });
});
