/**
 * A business's team: members and their roles, single-use invite links, removal and ownership.
 * Every function works inside the caller's transaction of that business (`db: TenantDb`, opened
 * by the action wrapper or a page through `inTenant`), never opens one of its own, and names the
 * tenant in every query; a target id from elsewhere is NotFound, and nothing changes. Accepting an
 * invite as a new person creates an account, and is its own unit of work, as a sign-up is.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { invites, memberships, tenants, users, type MemberRole } from '@/db/schema';
import { revokeSessionsIn } from '../accounts/accounts';
import { audit } from '../core/audit';
import { hashPassword } from '../auth/password';
import { AppError, isUniqueViolation, NotFoundError } from '../core/errors';
import { assertUuids } from '../core/ids';
import { withTenant, type TenantDb, type Tx } from '../core/tenancy';
import { hashToken, newSecretToken } from '../links/tokens';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitePath(tenantId: string, token: string): string {
  return `/invite/${tenantId}/${token}`;
}

export async function listMembers(db: TenantDb) {
  return db.tx
    .select({ userId: memberships.userId, role: memberships.role, joinedAt: memberships.createdAt, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, db.tenantId))
    .orderBy(asc(memberships.createdAt));
}

export async function listPendingInvites(db: TenantDb, now = new Date()) {
  return db.tx
    .select({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(and(eq(invites.tenantId, db.tenantId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now)))
    .orderBy(asc(invites.createdAt));
}

/** A new single-use invite. The secret is returned once (for the link) and stored only hashed. */
export async function createInvite(db: TenantDb, role: MemberRole = 'staff'): Promise<{ id: string; token: string; path: string; expiresAt: Date }> {
  const token = newSecretToken();
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await db.tx.insert(invites).values({ tenantId: db.tenantId, id, tokenHash: hashToken(token), role, createdBy: db.userId, expiresAt });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.invited', targetType: 'invite', targetId: id, ip: db.ip, meta: { role } });
  return { id, token, path: invitePath(db.tenantId, token), expiresAt };
}

export async function revokeInvite(db: TenantDb, inviteId: string): Promise<void> {
  assertUuids(inviteId);
  const rows = await db.tx
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.tenantId, db.tenantId), eq(invites.id, inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  if (rows.length === 0) throw new NotFoundError('invite');
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.invite_revoked', targetType: 'invite', targetId: inviteId, ip: db.ip });
}

export type InviteStatus = 'valid' | 'expired' | 'used' | 'revoked';

function statusOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InviteStatus {
  if (inv.acceptedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/**
 * What an invite link leads to, for its public page; null when the link names nothing. `db` is the
 * link's business (`inTenant({ tenantId, userId }, …)`, userId '' for a visitor).
 */
export async function inspectInvite(db: TenantDb, token: string, now = new Date()) {
  const [row] = await db.tx
    .select({ inv: invites, tenantName: tenants.name })
    .from(invites)
    .innerJoin(tenants, eq(tenants.id, invites.tenantId))
    .where(and(eq(invites.tenantId, db.tenantId), eq(invites.tokenHash, hashToken(token))));
  return row ? { tenantName: row.tenantName, role: row.inv.role, status: statusOf(row.inv, now) } : null;
}

/** Whether the user is a member of this business (the invite page says so instead of offering to join). */
export async function isMember(db: TenantDb, userId: string): Promise<boolean> {
  const [m] = await db.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, userId)));
  return !!m;
}

/** Claims the invite inside tx (row locked), or fails; used exactly once. */
async function claimInvite(tx: Tx, tenantId: string, token: string, userId: string) {
  const [inv] = await tx
    .select()
    .from(invites)
    .where(and(eq(invites.tenantId, tenantId), eq(invites.tokenHash, hashToken(token))))
    .for('update');
  if (!inv) throw new NotFoundError('invite');
  const status = statusOf(inv, new Date());
  if (status !== 'valid') throw new AppError(`errors.invite_${status}`);
  await tx.update(invites).set({ acceptedAt: new Date(), acceptedBy: userId }).where(and(eq(invites.tenantId, tenantId), eq(invites.id, inv.id)));
  return inv;
}

/**
 * A new person accepts: their account and membership are created together with the claim, in one
 * unit of work of its own (like a sign-up; the password is hashed before it opens).
 */
export async function acceptInviteAsNewUser(
  tenantId: string,
  token: string,
  input: { name: string; email: string; password: string; locale: 'id' | 'en' },
  ip: string | null = null,
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  try {
    await withTenant(tenantId, async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
      if (taken) throw new AppError('validation.email_taken_sign_in', { field: 'email' });
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, locale: input.locale });
      const inv = await claimInvite(tx, tenantId, token, userId);
      await tx.insert(memberships).values({ tenantId, userId, role: inv.role });
      await audit(tx, { tenantId, actorUserId: userId, action: 'member.joined', targetType: 'user', targetId: userId, ip, meta: { inviteId: inv.id } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('validation.email_taken_sign_in', { field: 'email' });
    throw err;
  }
  return { userId };
}

/** A signed-in person (`db.userId`) accepts: they join this business too. */
export async function acceptInviteAsUser(db: TenantDb, token: string): Promise<void> {
  if (await isMember(db, db.userId)) throw new AppError('errors.already_member');
  const inv = await claimInvite(db.tx, db.tenantId, token, db.userId);
  await db.tx.insert(memberships).values({ tenantId: db.tenantId, userId: db.userId, role: inv.role });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.joined', targetType: 'user', targetId: db.userId, ip: db.ip, meta: { inviteId: inv.id } });
}

async function membershipFor(db: TenantDb, userId: string) {
  assertUuids(userId);
  const [m] = await db.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, userId)))
    .for('update');
  if (!m) throw new NotFoundError('member');
  return m;
}

async function ownerCount(db: TenantDb): Promise<number> {
  // Lock the owners so two concurrent demotions cannot both pass the check.
  const owners = await db.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.role, 'owner')))
    .for('update');
  return owners.length;
}

export async function changeRole(db: TenantDb, userId: string, role: MemberRole): Promise<void> {
  const m = await membershipFor(db, userId);
  if (m.role === role) return;
  if (m.role === 'owner' && (await ownerCount(db)) <= 1) throw new AppError('errors.last_owner');
  await db.tx.update(memberships).set({ role }).where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, userId)));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, ip: db.ip, meta: { from: m.role, to: role } });
}

/** Removes someone else from the team and ends their sessions, in the same commit. */
export async function removeMember(db: TenantDb, userId: string): Promise<void> {
  if (userId === db.userId) throw new AppError('errors.remove_self');
  const m = await membershipFor(db, userId);
  if (m.role === 'owner' && (await ownerCount(db)) <= 1) throw new AppError('errors.last_owner');
  await db.tx.delete(memberships).where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, userId)));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.removed', targetType: 'user', targetId: userId, ip: db.ip });
  await revokeSessionsIn(db.tx, userId);
}

/**
 * The caller leaves the business; the last owner cannot. Answers whether they still belong to
 * another business (where the app takes them next).
 */
export async function leaveTeam(db: TenantDb): Promise<{ otherBusiness: boolean }> {
  const m = await membershipFor(db, db.userId);
  if (m.role === 'owner' && (await ownerCount(db)) <= 1) throw new AppError('errors.last_owner');
  await db.tx.delete(memberships).where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, db.userId)));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.left', targetType: 'user', targetId: db.userId, ip: db.ip });
  // The user's own memberships elsewhere (visible to them: policy user_can_read_own). Only on leaving.
  const [other] = await db.tx
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(and(eq(memberships.userId, db.userId), ne(memberships.tenantId, db.tenantId)))
    .limit(1);
  return { otherBusiness: !!other };
}

/** Hands ownership to another member: they become owner, the caller becomes staff. */
export async function transferOwnership(db: TenantDb, userId: string): Promise<void> {
  if (userId === db.userId) throw new AppError('errors.transfer_self');
  await membershipFor(db, userId);
  const me = await membershipFor(db, db.userId);
  if (me.role !== 'owner') throw new AppError('errors.forbidden');
  await db.tx.update(memberships).set({ role: 'owner' }).where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, userId)));
  await db.tx.update(memberships).set({ role: 'staff' }).where(and(eq(memberships.tenantId, db.tenantId), eq(memberships.userId, db.userId)));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'member.ownership_transferred', targetType: 'user', targetId: userId, ip: db.ip });
}

export async function getTenant(db: TenantDb) {
  const [t] = await db.tx.select().from(tenants).where(eq(tenants.id, db.tenantId));
  if (!t) throw new NotFoundError('tenant');
  return t;
}

/** The business's logo (a data URL), for `db.userId` only while they are a member; null otherwise or when it has none. */
export async function getMemberLogo(db: TenantDb): Promise<string | null> {
  const [row] = await db.tx
    .select({ logoUrl: tenants.logoUrl })
    .from(tenants)
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, db.userId)))
    .where(and(eq(tenants.id, db.tenantId), eq(memberships.tenantId, db.tenantId)));
  return row?.logoUrl ?? null;
}

export async function updateTenant(
  db: TenantDb,
  input: {
    name: string;
    businessType: (typeof tenants.$inferInsert)['businessType'];
    city: string;
    timeZone: (typeof tenants.$inferInsert)['timeZone'];
    logoUrl?: string | null;
    /** The public pages' language (review page, testimonial page); null: follow the customer's browser. Unchanged when absent. */
    defaultLocale?: (typeof tenants.$inferInsert)['defaultLocale'];
  },
): Promise<void> {
  // A new time zone moves the business's local days: the database recounts its review rollups
  // (migration 0015) under an advisory lock that reviews being written share. Take it before the
  // business's row, the order every review write follows, so the two never wait on each other.
  await db.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('jejak_review_rollups:' || ${db.tenantId}::text, 0)) from tenants where id = ${db.tenantId} and time_zone::text <> ${input.timeZone}::text`);
  await db.tx.update(tenants).set({ ...input, updatedAt: new Date() }).where(eq(tenants.id, db.tenantId));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'tenant.updated', targetType: 'tenant', targetId: db.tenantId, ip: db.ip });
}
