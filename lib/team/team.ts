/**
 * A business's team: members and their roles, single-use invite links, removal and ownership.
 * Every function takes the caller's context (tenant from the session) and checks the target id
 * belongs to that tenant: an id from elsewhere is NotFound, and nothing changes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invites, memberships, tenants, users, type MemberRole } from '@/db/schema';
import { revokeSessions } from '../accounts/accounts';
import { audit } from '../core/audit';
import { hashPassword } from '../auth/password';
import { AppError, isUniqueViolation, NotFoundError } from '../core/errors';
import { withTenant, type Tx } from '../core/tenancy';

export interface TeamContext {
  tenantId: string;
  userId: string;
  ip?: string | null;
}

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function invitePath(tenantId: string, token: string): string {
  return `/invite/${tenantId}/${token}`;
}

export async function listMembers(ctx: TeamContext) {
  return withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ userId: memberships.userId, role: memberships.role, joinedAt: memberships.createdAt, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, ctx.tenantId))
      .orderBy(asc(memberships.createdAt)),
  );
}

export async function listPendingInvites(ctx: TeamContext, now = new Date()) {
  return withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
      .from(invites)
      .where(and(eq(invites.tenantId, ctx.tenantId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now)))
      .orderBy(asc(invites.createdAt)),
  );
}

/** A new single-use invite. The secret is returned once (for the link) and stored only hashed. */
export async function createInvite(ctx: TeamContext, role: MemberRole = 'staff') {
  const token = randomBytes(24).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await withTenant(ctx.tenantId, async (tx) => {
    await tx.insert(invites).values({ tenantId: ctx.tenantId, id, tokenHash: hashInviteToken(token), role, createdBy: ctx.userId, expiresAt });
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.invited', targetType: 'invite', targetId: id, ip: ctx.ip, meta: { role } });
  });
  return { id, token, path: invitePath(ctx.tenantId, token), expiresAt };
}

export async function revokeInvite(ctx: TeamContext, inviteId: string) {
  await withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.tenantId, ctx.tenantId), eq(invites.id, inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ id: invites.id });
    if (rows.length === 0) throw new NotFoundError('invite');
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.invite_revoked', targetType: 'invite', targetId: inviteId, ip: ctx.ip });
  });
}

export type InviteStatus = 'valid' | 'expired' | 'used' | 'revoked';

function statusOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InviteStatus {
  if (inv.acceptedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** What an invite link leads to, for its public page; null when the link names nothing. */
export async function inspectInvite(tenantId: string, token: string, now = new Date()) {
  try {
    return await withTenant(tenantId, async (tx) => {
      const [row] = await tx
        .select({ inv: invites, tenantName: tenants.name })
        .from(invites)
        .innerJoin(tenants, eq(tenants.id, invites.tenantId))
        .where(and(eq(invites.tenantId, tenantId), eq(invites.tokenHash, hashInviteToken(token))));
      return row ? { tenantName: row.tenantName, role: row.inv.role, status: statusOf(row.inv, now) } : null;
    });
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/** Claims the invite inside tx (row locked), or fails; used exactly once. */
async function claimInvite(tx: Tx, tenantId: string, token: string, userId: string) {
  const [inv] = await tx
    .select()
    .from(invites)
    .where(and(eq(invites.tenantId, tenantId), eq(invites.tokenHash, hashInviteToken(token))))
    .for('update');
  if (!inv) throw new NotFoundError('invite');
  const status = statusOf(inv, new Date());
  if (status !== 'valid') throw new AppError(`errors.invite_${status}`);
  await tx.update(invites).set({ acceptedAt: new Date(), acceptedBy: userId }).where(and(eq(invites.tenantId, tenantId), eq(invites.id, inv.id)));
  return inv;
}

/** A new person accepts: their account and membership are created together with the claim. */
export async function acceptInviteAsNewUser(
  tenantId: string,
  token: string,
  input: { name: string; email: string; password: string; locale: 'id' | 'en' },
  ip: string | null = null,
) {
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

/** A signed-in person accepts: they join this business too. */
export async function acceptInviteAsUser(tenantId: string, token: string, userId: string, ip: string | null = null) {
  await withTenant(tenantId, async (tx) => {
    const [already] = await tx.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    if (already) throw new AppError('errors.already_member');
    const inv = await claimInvite(tx, tenantId, token, userId);
    await tx.insert(memberships).values({ tenantId, userId, role: inv.role });
    await audit(tx, { tenantId, actorUserId: userId, action: 'member.joined', targetType: 'user', targetId: userId, ip, meta: { inviteId: inv.id } });
  });
}

async function membershipFor(tx: Tx, tenantId: string, userId: string) {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .for('update');
  if (!m) throw new NotFoundError('member');
  return m;
}

async function ownerCount(tx: Tx, tenantId: string): Promise<number> {
  // Lock the owners so two concurrent demotions cannot both pass the check.
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'owner')))
    .for('update');
  return owners.length;
}

export async function changeRole(ctx: TeamContext, userId: string, role: MemberRole) {
  await withTenant(ctx.tenantId, async (tx) => {
    const m = await membershipFor(tx, ctx.tenantId, userId);
    if (m.role === role) return;
    if (m.role === 'owner' && (await ownerCount(tx, ctx.tenantId)) <= 1) throw new AppError('errors.last_owner');
    await tx.update(memberships).set({ role }).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, ip: ctx.ip, meta: { from: m.role, to: role } });
  });
}

/** Removes someone else from the team and ends their sessions. */
export async function removeMember(ctx: TeamContext, userId: string) {
  if (userId === ctx.userId) throw new AppError('errors.remove_self');
  await withTenant(ctx.tenantId, async (tx) => {
    const m = await membershipFor(tx, ctx.tenantId, userId);
    if (m.role === 'owner' && (await ownerCount(tx, ctx.tenantId)) <= 1) throw new AppError('errors.last_owner');
    await tx.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.removed', targetType: 'user', targetId: userId, ip: ctx.ip });
  });
  await revokeSessions(userId);
}

/** The caller leaves the business; the last owner cannot. */
export async function leaveTeam(ctx: TeamContext) {
  await withTenant(ctx.tenantId, async (tx) => {
    const m = await membershipFor(tx, ctx.tenantId, ctx.userId);
    if (m.role === 'owner' && (await ownerCount(tx, ctx.tenantId)) <= 1) throw new AppError('errors.last_owner');
    await tx.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, ctx.userId)));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.left', targetType: 'user', targetId: ctx.userId, ip: ctx.ip });
  });
}

/** Hands ownership to another member: they become owner, the caller becomes staff. */
export async function transferOwnership(ctx: TeamContext, userId: string) {
  if (userId === ctx.userId) throw new AppError('errors.transfer_self');
  await withTenant(ctx.tenantId, async (tx) => {
    await membershipFor(tx, ctx.tenantId, userId);
    const me = await membershipFor(tx, ctx.tenantId, ctx.userId);
    if (me.role !== 'owner') throw new AppError('errors.forbidden');
    await tx.update(memberships).set({ role: 'owner' }).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    await tx.update(memberships).set({ role: 'staff' }).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, ctx.userId)));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'member.ownership_transferred', targetType: 'user', targetId: userId, ip: ctx.ip });
  });
}

export async function getTenant(ctx: TeamContext) {
  const [t] = await withTenant(ctx.tenantId, (tx) => tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId)));
  if (!t) throw new NotFoundError('tenant');
  return t;
}

export async function updateTenant(
  ctx: TeamContext,
  input: { name: string; businessType: (typeof tenants.$inferInsert)['businessType']; city: string; timeZone: (typeof tenants.$inferInsert)['timeZone']; logoUrl?: string | null },
) {
  await withTenant(ctx.tenantId, async (tx) => {
    await tx.update(tenants).set({ ...input, updatedAt: new Date() }).where(eq(tenants.id, ctx.tenantId));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'tenant.updated', targetType: 'tenant', targetId: ctx.tenantId, ip: ctx.ip });
  });
}
