import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionUser, type MembershipView, type SessionUser } from '@/lib/accounts/accounts';
import { authOptions } from './options';
import { can, type Permission } from './permissions';
import { readSession } from './sessions';

export interface AppSession {
  user: SessionUser;
  /** The business the user is working in; null if they belong to none. */
  tenant: MembershipView | null;
}

/**
 * The one session read, once per request. A session the server no longer honours — signed out
 * (on this device or everywhere), expired, or from before sessions were recorded — reads as
 * signed out: next-auth's jwt callback checks it (lib/auth/sessions.ts) inside getServerSession.
 * So does one whose version no longer matches the account (password changed, removed from a team).
 * A database failure during that check throws, like any other: it is not a sign-out.
 */
export const getSession = cache(async (): Promise<AppSession | null> => {
  const s = await readSession(() => getServerSession(authOptions));
  if (!s?.uid) return null;
  const user = await loadSessionUser(s.uid);
  if (!user || user.sessionVersion !== s.sv) return null;
  const tenant = user.memberships.find((m) => m.tenantId === s.tid) ?? user.memberships[0] ?? null;
  return { user, tenant };
});

export async function requireUser(): Promise<AppSession> {
  const session = await getSession();
  if (!session) redirect('/sign-in');
  return session;
}

export interface MemberContext {
  userId: string;
  tenantId: string;
  role: MembershipView['role'];
  user: SessionUser;
  tenant: MembershipView;
}

/** For pages of the signed-in area: a member of a business, with the permission if one is named. */
export async function requireMember(permission?: Permission): Promise<MemberContext> {
  const session = await requireUser();
  if (!session.tenant) redirect('/no-business');
  // A page the role may not use is answered like a page that does not exist.
  if (permission && !can(session.tenant.role, permission)) notFound();
  return { userId: session.user.id, tenantId: session.tenant.tenantId, role: session.tenant.role, user: session.user, tenant: session.tenant };
}
