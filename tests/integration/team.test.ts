/**
 * A business's team as its members meet it: single-use invite links, roles, removal, leaving and
 * handing over ownership; a business always keeps an owner; and nothing here reaches into another
 * business, whatever id it is given.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, invites, memberships, users, type MemberRole } from '@/db/schema';
import { authenticate, listBusinesses, loadSessionUser } from '@/lib/accounts/accounts';
import { AppError, NotFoundError } from '@/lib/core/errors';
import {
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  changeRole,
  createInvite,
  inspectInvite,
  leaveTeam,
  listMembers,
  listPendingInvites,
  removeMember,
  revokeInvite,
  transferOwnership,
} from '@/lib/team/team';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';
import { makeTenant, makeUser } from '../support/factory';

const password = 'nasi goreng pedas';

/** Who acts, in which business: each call below is one unit of work there (`inTenant`), as an action opens it. */
type TeamContext = { tenantId: string; userId: string };

/** An invite link as a visitor opens it: looked up in the link's business, no user. */
function inspect(tenantId: string, token: string) {
  return inTenant({ tenantId, userId: '' }, (db) => inspectInvite(db, token));
}

/** A signed-in person accepting a link: one unit of work in the link's business, as them. */
function acceptAsUser(tenantId: string, token: string, userId: string) {
  return inTenant({ tenantId, userId }, (db) => acceptInviteAsUser(db, token));
}

/** A business with an owner and one staff member; fresh ids, since test files share one database. */
async function makeTeam(name = 'Salon Ayu') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  const staff = await addMember(t.id, 'staff');
  const owner: TeamContext = { tenantId: t.id, userId: t.owner.id };
  return { id: t.id, name: t.name, owner, ownerId: t.owner.id, staffId: staff.id, staff: { tenantId: t.id, userId: staff.id } as TeamContext };
}

async function addMember(tenantId: string, role: MemberRole) {
  const u = await makeUser();
  await withTenant(tenantId, (tx) => tx.insert(memberships).values({ tenantId, userId: u.id, role }));
  return u;
}

async function roles(tenantId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.select().from(memberships).where(eq(memberships.tenantId, tenantId)));
  return Object.fromEntries(rows.map((m) => [m.userId, m.role]));
}

async function sessionVersion(userId: string) {
  return (await loadSessionUser(userId))?.sessionVersion;
}

async function userByEmail(email: string) {
  return withPlatform((tx) => tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`));
}

function newPerson() {
  return { name: 'Rina', email: `inv-${randomUUID().slice(0, 8)}@test.example`, password, locale: 'id' as const };
}

/** The AppError key a call fails with (NotFoundError is an AppError with key errors.not_found). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('invite links', () => {
  it('a new person accepts once: account and staff membership are made, the link is then used up', async () => {
    const team = await makeTeam();
    const invite = await inTenant(team.owner, (db) => createInvite(db));
    expect(invite.path).toBe(`/invite/${team.id}/${invite.token}`);
    expect(await inspect(team.id, invite.token)).toEqual({ tenantName: team.name, role: 'staff', status: 'valid' });
    expect((await inTenant(team.owner, (db) => listPendingInvites(db))).map((i) => i.id)).toEqual([invite.id]);

    const rina = newPerson();
    const { userId } = await acceptInviteAsNewUser(team.id, invite.token, rina);
    expect(await listBusinesses(userId)).toMatchObject([{ tenantId: team.id, role: 'staff' }]);
    expect((await loadSessionUser(userId))?.tenant).toMatchObject({ tenantId: team.id, role: 'staff' });
    expect((await authenticate(rina.email, password, null)).id).toBe(userId);
    expect((await inTenant(team.owner, (db) => listMembers(db))).map((m) => m.userId)).toContain(userId);
    expect(await inspect(team.id, invite.token)).toMatchObject({ status: 'used' });
    expect(await inTenant(team.owner, (db) => listPendingInvites(db))).toEqual([]);

    const late = newPerson();
    expect((await failure(acceptInviteAsNewUser(team.id, invite.token, late))).key).toBe('errors.invite_used');
    expect(await userByEmail(late.email)).toEqual([]);
    const bob = await makeUser();
    expect((await failure(acceptAsUser(team.id, invite.token, bob.id))).key).toBe('errors.invite_used');
    expect(await roles(team.id)).not.toHaveProperty(bob.id);
  });

  it('an expired link is refused and makes no account', async () => {
    const team = await makeTeam();
    const invite = await inTenant(team.owner, (db) => createInvite(db));
    await withTenant(team.id, (tx) =>
      tx.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(invites.tenantId, team.id), eq(invites.id, invite.id))),
    );
    expect(await inspect(team.id, invite.token)).toMatchObject({ status: 'expired' });
    expect(await inTenant(team.owner, (db) => listPendingInvites(db))).toEqual([]);
    const rina = newPerson();
    expect((await failure(acceptInviteAsNewUser(team.id, invite.token, rina))).key).toBe('errors.invite_expired');
    expect(await userByEmail(rina.email)).toEqual([]);
  });

  it('a revoked link is refused, and cannot be revoked twice', async () => {
    const team = await makeTeam();
    const invite = await inTenant(team.owner, (db) => createInvite(db));
    await inTenant(team.owner, (db) => revokeInvite(db, invite.id));
    expect(await inspect(team.id, invite.token)).toMatchObject({ status: 'revoked' });
    expect(await inTenant(team.owner, (db) => listPendingInvites(db))).toEqual([]);
    const rina = newPerson();
    expect((await failure(acceptInviteAsNewUser(team.id, invite.token, rina))).key).toBe('errors.invite_revoked');
    expect(await userByEmail(rina.email)).toEqual([]);
    await expect(inTenant(team.owner, (db) => revokeInvite(db, invite.id))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a link with another business, an unknown business or a wrong secret leads nowhere', async () => {
    const team = await makeTeam();
    const other = await makeTeam('Bengkel Lain');
    const invite = await inTenant(team.owner, (db) => createInvite(db));
    expect(await inspect(other.id, invite.token)).toBeNull();
    expect(await inspect(randomUUID(), invite.token)).toBeNull();
    // A malformed business id names no business: the unit of work is refused before any query.
    await expect(inspect('bukan-uuid', invite.token)).rejects.toBeInstanceOf(NotFoundError);
    expect(await inspect(team.id, `${invite.token}x`)).toBeNull();
    const rina = newPerson();
    await expect(acceptInviteAsNewUser(other.id, invite.token, rina)).rejects.toBeInstanceOf(NotFoundError);
    expect(await userByEmail(rina.email)).toEqual([]);
    expect(await roles(other.id)).toEqual({ [other.ownerId]: 'owner', [other.staffId]: 'staff' });
    // The link still works where it belongs.
    expect(await inspect(team.id, invite.token)).toMatchObject({ status: 'valid' });
  });

  it('someone with an account joins a second business, once', async () => {
    const mine = await makeTeam();
    const theirs = await makeTeam('Laundry Bersih');
    const invite = await inTenant(theirs.owner, (db) => createInvite(db));
    await acceptAsUser(theirs.id, invite.token, mine.ownerId);
    expect((await listBusinesses(mine.ownerId)).map((m) => [m.tenantId, m.role])).toEqual([
      [mine.id, 'owner'],
      [theirs.id, 'staff'],
    ]);
    // A request reads the one business its session chose, else the first; never another's by a forged choice.
    expect((await loadSessionUser(mine.ownerId, theirs.id))?.tenant).toMatchObject({ tenantId: theirs.id, role: 'staff' });
    expect((await loadSessionUser(mine.ownerId))?.tenant).toMatchObject({ tenantId: mine.id, role: 'owner' });
    const stranger = await makeTeam('Toko Lain');
    expect((await loadSessionUser(mine.ownerId, stranger.id))?.tenant).toMatchObject({ tenantId: mine.id, role: 'owner' });
    const second = await inTenant(theirs.owner, (db) => createInvite(db));
    expect((await failure(acceptAsUser(theirs.id, second.token, mine.ownerId))).key).toBe('errors.already_member');
    expect(await inspect(theirs.id, second.token)).toMatchObject({ status: 'valid' });
    // Leaving one of the two: the other is still theirs.
    expect(await inTenant({ tenantId: theirs.id, userId: mine.ownerId }, (db) => leaveTeam(db))).toEqual({ otherBusiness: true });
  });

  it('an existing email cannot take a link as a new account', async () => {
    const team = await makeTeam();
    const someone = await makeUser();
    const invite = await inTenant(team.owner, (db) => createInvite(db));
    const err = await failure(acceptInviteAsNewUser(team.id, invite.token, { ...newPerson(), email: someone.email.toUpperCase() }));
    expect(err.key).toBe('validation.email_taken_sign_in');
    expect(err.opts.field).toBe('email');
    expect(await inspect(team.id, invite.token)).toMatchObject({ status: 'valid' });
  });
});

describe('roles and membership', () => {
  it('an owner promotes and demotes, but the last owner cannot demote themself', async () => {
    const team = await makeTeam();
    expect((await failure(inTenant(team.owner, (db) => changeRole(db, team.ownerId, 'staff')))).key).toBe('errors.last_owner');
    await inTenant(team.owner, (db) => changeRole(db, team.staffId, 'owner'));
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'owner', [team.staffId]: 'owner' });
    // With two owners, one may step down.
    await inTenant(team.owner, (db) => changeRole(db, team.ownerId, 'staff'));
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'staff', [team.staffId]: 'owner' });
    const log = await withTenant(team.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'member.role_changed')));
    expect(log).toHaveLength(2);
  });

  it('removing a member ends their sessions; nobody removes themself or the last owner', async () => {
    const team = await makeTeam();
    const before = await sessionVersion(team.staffId);
    await inTenant(team.owner, (db) => removeMember(db, team.staffId));
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'owner' });
    expect(await sessionVersion(team.staffId)).toBe((before ?? 0) + 1);
    expect(await listBusinesses(team.staffId)).toEqual([]);
    expect((await loadSessionUser(team.staffId, team.id))?.tenant).toBeNull();
    await expect(inTenant(team.owner, (db) => removeMember(db, team.staffId))).rejects.toBeInstanceOf(NotFoundError);

    expect((await failure(inTenant(team.owner, (db) => removeMember(db, team.ownerId)))).key).toBe('errors.remove_self');
    const other = await addMember(team.id, 'staff');
    const asStaff: TeamContext = { tenantId: team.id, userId: other.id };
    expect((await failure(inTenant(asStaff, (db) => removeMember(db, team.ownerId)))).key).toBe('errors.last_owner');
    expect(await roles(team.id)).toMatchObject({ [team.ownerId]: 'owner' });
  });

  it('one of two owners may remove the other', async () => {
    const team = await makeTeam();
    const second = await addMember(team.id, 'owner');
    await inTenant(team.owner, (db) => removeMember(db, second.id));
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'owner', [team.staffId]: 'staff' });
  });

  it('staff may leave; the last owner may not', async () => {
    const team = await makeTeam();
    // Their only business: leaving answers there is no other (the app then shows "no business").
    expect(await inTenant(team.staff, (db) => leaveTeam(db))).toEqual({ otherBusiness: false });
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'owner' });
    expect((await failure(inTenant(team.owner, (db) => leaveTeam(db)))).key).toBe('errors.last_owner');
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'owner' });
    await expect(inTenant(team.staff, (db) => leaveTeam(db))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('handing over ownership makes the other member owner and the caller staff', async () => {
    const team = await makeTeam();
    expect((await failure(inTenant(team.owner, (db) => transferOwnership(db, team.ownerId)))).key).toBe('errors.transfer_self');
    expect((await failure(inTenant(team.staff, (db) => transferOwnership(db, team.ownerId)))).key).toBe('errors.forbidden');
    await inTenant(team.owner, (db) => transferOwnership(db, team.staffId));
    expect(await roles(team.id)).toEqual({ [team.ownerId]: 'staff', [team.staffId]: 'owner' });
    // The former owner can now leave; the new, only owner cannot.
    expect((await failure(inTenant(team.staff, (db) => leaveTeam(db)))).key).toBe('errors.last_owner');
    await inTenant(team.owner, (db) => leaveTeam(db));
    expect(await roles(team.id)).toEqual({ [team.staffId]: 'owner' });
  });
});

describe('another business’s ids', () => {
  it('are answered "not found" and change nothing there', async () => {
    const a = await makeTeam('Warung A');
    const b = await makeTeam('Warung B');
    const invite = await inTenant(a.owner, (db) => createInvite(db));
    const aStaffVersion = await sessionVersion(a.staffId);
    const aOwnerVersion = await sessionVersion(a.ownerId);
    const outsider = await makeUser();

    const attempts: [string, () => Promise<unknown>][] = [
      ['revokeInvite', () => inTenant(b.owner, (db) => revokeInvite(db, invite.id))],
      ['changeRole staff→owner', () => inTenant(b.owner, (db) => changeRole(db, a.staffId, 'owner'))],
      ['changeRole owner→staff', () => inTenant(b.owner, (db) => changeRole(db, a.ownerId, 'staff'))],
      ['removeMember staff', () => inTenant(b.owner, (db) => removeMember(db, a.staffId))],
      ['removeMember owner', () => inTenant(b.owner, (db) => removeMember(db, a.ownerId))],
      ['transferOwnership', () => inTenant(b.owner, (db) => transferOwnership(db, a.staffId))],
      ['acceptInviteAsUser', () => acceptAsUser(b.id, invite.token, outsider.id)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toBeInstanceOf(NotFoundError);
    }

    expect(await roles(a.id)).toEqual({ [a.ownerId]: 'owner', [a.staffId]: 'staff' });
    expect(await roles(b.id)).toEqual({ [b.ownerId]: 'owner', [b.staffId]: 'staff' });
    const [inv] = await withTenant(a.id, (tx) => tx.select().from(invites).where(and(eq(invites.tenantId, a.id), eq(invites.id, invite.id))));
    expect(inv).toMatchObject({ revokedAt: null, acceptedAt: null });
    expect(await inspect(a.id, invite.token)).toMatchObject({ status: 'valid' });
    expect(await sessionVersion(a.staffId)).toBe(aStaffVersion);
    expect(await sessionVersion(a.ownerId)).toBe(aOwnerVersion);
    const aLog = await withTenant(a.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.tenantId, a.id)));
    expect(aLog.map((r) => r.action)).toEqual(['member.invited']);
    const bLog = await withTenant(b.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.tenantId, b.id)));
    expect(bLog).toEqual([]);
  });
});
