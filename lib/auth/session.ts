import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionUser, type MembershipView, type SessionUser } from '@/lib/accounts/accounts';
import { isLocale, localeCookie, type Locale } from '@/lib/i18n/settings';
import { authOptions } from './options';
import { can, type Permission } from './permissions';
import { readSession } from './sessions';

export interface AppSession {
  user: SessionUser;
  /** The business the user is working in; null if they belong to none. */
  tenant: MembershipView | null;
  /**
   * The server-side session (user_sessions row) this request's cookie was checked against; absent
   * when the read skipped the check. Server-only: the admin console's second factor is marked on it.
   */
  sessionId?: string;
  /** No business to work in because the user's one(s) are suspended by a platform admin: its name (/no-business says so). */
  suspendedBusiness?: string | null;
}

/**
 * The one session read, once per request. A session the server no longer honours — signed out
 * (on this device or everywhere), expired, or from before sessions were recorded — reads as
 * signed out: next-auth's jwt callback checks it (lib/auth/sessions.ts) inside getServerSession.
 * So does one whose version no longer matches the account (password changed, removed from a team).
 * A database failure during that check throws, like any other: it is not a sign-out.
 *
 * What a request needs of the account is the user and the ONE business they work in (the
 * session's choice, `tid`, checked against their memberships; else their first): the check loads
 * both in its own query, so a request reads the database once here. The list of all their
 * businesses is loaded only where it is shown (the header's switcher: lib/accounts `listBusinesses`).
 */
export const getSession = cache(async (): Promise<AppSession | null> => {
  const { session: s, user: checked, sessionId } = await readSession(() => getServerSession(authOptions));
  if (!s?.uid) return null;
  // The check's load is the same user's; without one (a session read that skipped the check), load it here.
  const loaded = checked?.id === s.uid ? checked : await loadSessionUser(s.uid, s.tid);
  if (!loaded || loaded.sessionVersion !== s.sv) return null;
  const { tenant, suspendedBusiness, ...user } = loaded;
  return checked?.id === s.uid && sessionId ? { user, tenant, sessionId, suspendedBusiness } : { user, tenant, suspendedBusiness };
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

/**
 * The UI language of a signed-in member's request, from what is already loaded: the language
 * cookie, else their profile's (what lib/i18n/server.ts getLocale answers). For work inside an
 * action's transaction: React's `cache` does not hold within a server action, so getLocale there
 * would read the session again, in a second transaction, which on PGlite (one connection) waits
 * for the first forever.
 */
export async function memberLocale(member: { user: SessionUser }): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : member.user.locale;
}
