import 'server-only';
/**
 * The one check in front of the admin console, called by every admin page, action and route
 * handler (proxy.ts does nothing for /admin: a request that skips it meets this all the same).
 *
 * Anyone but a platform admin — signed out, an owner, staff, a request carrying
 * `x-middleware-subrequest` (the header of CVE-2025-29927, which no browser sends) — gets the
 * ordinary 404, as if /admin did not exist. A platform admin who signed in with the password but
 * has not passed the second factor in this session reaches only the second-factor step
 * (/admin/enrol the first time, /admin/verify after): every other admin page sends them there,
 * and every admin action answers 404. The standing is read from the database on each request,
 * through the admin door (lib/admin/door.ts), which checks it again inside each unit of work.
 */
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getSession } from '../auth/session';
import { clientIp } from '../core/request';
import type { AdminActor } from './door';
import { factorStanding } from './factor';

export interface AdminStanding {
  actor: AdminActor;
  email: string;
  name: string;
  enrolled: boolean;
  verified: boolean;
}

/** The request's admin standing, once per request: null for anyone who is not a platform admin. */
export const adminStanding = cache(async (): Promise<AdminStanding | null> => {
  if ((await headers()).has('x-middleware-subrequest')) return null;
  const session = await getSession();
  if (!session?.user.isPlatformAdmin || !session.sessionId) return null;
  const actor: AdminActor = { userId: session.user.id, sessionId: session.sessionId, ip: await clientIp() };
  const standing = await factorStanding(actor);
  return standing && { actor, email: session.user.email, name: session.user.name, ...standing };
});

/** Where an admin without the second factor goes: enrol the first time, else verify. */
export function factorStepPath(standing: Pick<AdminStanding, 'enrolled'>): string {
  return standing.enrolled ? '/admin/verify' : '/admin/enrol';
}

/** For admin pages: a platform admin past the second factor; an unverified admin goes to the factor step; anyone else 404. */
export async function requireAdmin(): Promise<AdminActor> {
  const standing = await adminStanding();
  if (!standing) notFound();
  if (!standing.verified) redirect(factorStepPath(standing));
  return standing.actor;
}

/** For admin actions and route handlers: a platform admin past the second factor, else 404. */
export async function requireAdminAction(): Promise<AdminActor> {
  const standing = await adminStanding();
  if (!standing?.verified) notFound();
  return standing.actor;
}

/** For the second-factor step (its pages and actions): any platform admin with a live session, else 404. */
export async function requireAdminSignIn(): Promise<AdminStanding> {
  const standing = await adminStanding();
  if (!standing) notFound();
  return standing;
}
