/**
 * One-time password-reset links (issue 12, item 5), on both databases: a platform admin issues one
 * for a member through the door (audited with the reason typed); only the token's hash is stored
 * and the request path's role cannot touch the table; the link sets a new password once, ends
 * every session of the account, is written to the business's audit log, and is then refused — as
 * are an expired link, one voided by a newer link, an unknown or malformed one; two uses racing
 * make one change; attempts are rate-limited per address.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOwnerDatabase } from '@/db/client';
import { auditLog, memberships, passwordResetLinks, platformAudit } from '@/db/schema';
import { authenticate, SignInError } from '@/lib/accounts/accounts';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { issueResetLink, RESET_LINK_TTL_MS } from '@/lib/admin/reset-links';
import { hashPassword } from '@/lib/auth/password';
import { resetLinkAccount, resetPasswordWithLink } from '@/lib/auth/password-reset';
import { checkSession, createUserSession } from '@/lib/auth/sessions';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { withPlatform, withTenant } from '@/lib/core/tenancy';
import { hashToken } from '@/lib/links/tokens';
import { limits } from '@/lib/rate-limit/limits';
import { verifiedAdmin } from '../support/admin';
import { makeTenant, makeUser } from '../support/factory';
import { attempt, DENIED } from '../support/sql-attempt';

const OLD = 'nasi goreng kampung lama';
const NEW = 'es cendol durian baru 77';

/** A fresh documentation-range address: files share one database, so per-address limits must not carry over. */
const freshIp = () => `198.51.100.${randomInt(1, 255)}`;
const freshIpv6 = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::9`;

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** A business whose owner has a real password, and a staff member with one too. */
async function shop() {
  const t = await makeTenant(`Toko Reset ${randomUUID().slice(0, 6)}`);
  const ownerHash = await hashPassword(OLD);
  await withOwnerDatabase((db) => db.execute(sql`update users set password_hash = ${ownerHash} where id = ${t.owner.id}`));
  const staff = await makeUser({ passwordHash: ownerHash });
  await withTenant(t.id, (tx) => tx.insert(memberships).values({ tenantId: t.id, userId: staff.id, role: 'staff' }));
  return { ...t, staff };
}

const issue = (actor: AdminActor, tenantId: string, userId: string, reason = 'Pemilik lupa kata sandi, minta lewat WA') =>
  withAdmin(actor, { action: 'business.reset_link_issued', reason: { typed: reason }, tenantId, meta: { userId } }, (db) => issueResetLink(db, tenantId, userId));

const signsIn = (email: string, password: string) =>
  authenticate(email, password, freshIpv6()).then(
    () => true,
    (e: unknown) => {
      if (e instanceof SignInError && e.reason === 'invalid') return false;
      throw e;
    },
  );

// Opening (and migrating) the database is the slow part of a file's first test on a busy machine.
beforeAll(async () => {
  await verifiedAdmin();
}, 120_000);

describe('password-reset links', () => {
  it('are issued through the door for members only, audited with the reason; only the hash is stored; the app role cannot touch them', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    const stranger = await makeUser();
    expect(await failure(issue(admin, s.id, stranger.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(issue(admin, randomUUID(), s.owner.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(issue(admin, s.id, s.owner.id, 'abc'))).toMatchObject({ key: 'validation.reason_short' });

    const before = Date.now();
    const link = await issue(admin, s.id, s.owner.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(link.path).toBe(`/reset/${link.token}`);
    expect(link.email).toBe(s.owner.email);
    expect(link.expiresAt.getTime()).toBeGreaterThan(before + RESET_LINK_TTL_MS - 60_000);
    expect(link.expiresAt.getTime()).toBeLessThan(Date.now() + RESET_LINK_TTL_MS + 60_000);

    const rows = await withOwnerDatabase((db) => db.select().from(passwordResetLinks).where(eq(passwordResetLinks.userId, s.owner.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashToken(link.token), issuedBy: admin.userId, usedAt: null, voidedAt: null });
    expect(JSON.stringify(rows)).not.toContain(link.token);

    const audit = await withOwnerDatabase((db) =>
      db.select().from(platformAudit).where(and(eq(platformAudit.actorUserId, admin.userId), eq(platformAudit.action, 'business.reset_link_issued'))),
    );
    expect(audit.map((r) => [r.reason, r.targetTenantId, r.meta])).toEqual([['Pemilik lupa kata sandi, minta lewat WA', s.id, { userId: s.owner.id }]]);

    // The request path's role: no privilege on the table at all (an injection cannot mint or read links).
    const codes = await withPlatform(async (tx) => ({
      select: await attempt(tx, sql`select token_hash from password_reset_links limit 1`),
      insert: await attempt(
        tx,
        sql`insert into password_reset_links (user_id, token_hash, issued_by, expires_at) values (${s.owner.id}, 'x', ${s.owner.id}, now() + interval '1 day')`,
      ),
      update: await attempt(tx, sql`update password_reset_links set expires_at = now() + interval '1 year'`),
      delete: await attempt(tx, sql`delete from password_reset_links`),
    }));
    expect(codes).toEqual({ select: DENIED, insert: DENIED, update: DENIED, delete: DENIED });
  });

  it('set a new password once, end every session of the account, are written to the business audit log, then are refused', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    const session = await createUserSession(s.owner.id);
    const live = () => checkSession({ uid: s.owner.id, sid: session.sessionId, sv: 1, tid: s.id });
    expect(await live()).not.toBeNull();

    const { token } = await issue(admin, s.id, s.owner.id);
    expect(await resetLinkAccount(token, freshIp())).toEqual({ email: s.owner.email });
    expect(await resetPasswordWithLink(token, NEW, freshIp())).toEqual({ userId: s.owner.id, email: s.owner.email });

    expect(await signsIn(s.owner.email, NEW)).toBe(true);
    expect(await signsIn(s.owner.email, OLD)).toBe(false);
    expect(await live()).toBeNull(); // the old session: revoked, and its version is stale
    const [row] = await withOwnerDatabase((db) => db.select().from(passwordResetLinks).where(eq(passwordResetLinks.tokenHash, hashToken(token))));
    expect(row!.usedAt).toBeInstanceOf(Date);
    const audit = await withTenant(s.id, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, s.id), eq(auditLog.actorUserId, s.owner.id), eq(auditLog.action, 'auth.password_changed'))),
    );
    expect(audit.map((a) => a.meta)).toEqual([{ via: 'reset_link' }]);

    // Used: refused, and nothing changes.
    expect(await resetLinkAccount(token, freshIp())).toBeNull();
    expect(await resetPasswordWithLink(token, 'password lain sekali lagi', freshIp())).toBeNull();
    expect(await signsIn(s.owner.email, NEW)).toBe(true);
    // The staff member (same old password) was not touched.
    expect(await signsIn(s.staff.email, OLD)).toBe(true);
  });

  it('are voided by a newer link for the same account, and stop working when they expire', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    const first = await issue(admin, s.id, s.staff.id);
    const second = await issue(admin, s.id, s.staff.id);
    expect(await resetLinkAccount(first.token, freshIp())).toBeNull();
    expect(await resetPasswordWithLink(first.token, NEW, freshIp())).toBeNull();
    expect(await signsIn(s.staff.email, OLD)).toBe(true);
    expect(await resetLinkAccount(second.token, freshIp())).toEqual({ email: s.staff.email });

    // Expired (moved a second into the past, as the owner: nobody else may).
    await withOwnerDatabase((db) => db.execute(sql`update password_reset_links set expires_at = now() - interval '1 second' where token_hash = ${hashToken(second.token)}`));
    expect(await resetLinkAccount(second.token, freshIp())).toBeNull();
    expect(await resetPasswordWithLink(second.token, NEW, freshIp())).toBeNull();
    expect(await signsIn(s.staff.email, OLD)).toBe(true);

    // Unknown and malformed tokens: the same answer.
    expect(await resetLinkAccount('A'.repeat(32), freshIp())).toBeNull();
    expect(await resetLinkAccount('../../etc/passwd', freshIp())).toBeNull();
    expect(await resetPasswordWithLink('A'.repeat(32), NEW, freshIp())).toBeNull();
  });

  it('used twice at once make one change', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    const { token } = await issue(admin, s.id, s.owner.id);
    const answers = await Promise.all([resetPasswordWithLink(token, NEW, freshIp()), resetPasswordWithLink(token, 'kopi tubruk gula batu 9', freshIp())]);
    console.log(`[password-reset] two uses at once: ${answers.filter(Boolean).length} succeeded`);
    expect(answers.filter(Boolean)).toHaveLength(1);
    const winner = answers[0] ? NEW : 'kopi tubruk gula batu 9';
    expect(await signsIn(s.owner.email, winner)).toBe(true);
  });

  it('are rate-limited per address', async () => {
    const ip = freshIpv6();
    for (let i = 0; i < limits.passwordResetPerAddress.max; i++) expect(await resetPasswordWithLink('B'.repeat(32), NEW, ip)).toBeNull();
    const refused = await failure(resetPasswordWithLink('B'.repeat(32), NEW, ip));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ key: 'errors.password_reset_limited' });
  });
});
