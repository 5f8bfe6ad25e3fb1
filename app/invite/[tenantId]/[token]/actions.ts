'use server';

import { z } from 'zod';
import { publicAction } from '@/lib/core/actions';
import { getSession } from '@/lib/auth/session';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { getLocale } from '@/lib/i18n/server';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { acceptInviteAsNewUser, acceptInviteAsUser, inspectInvite } from '@/lib/team/team';
import { email, newPassword, requiredText, uuid } from '@/lib/core/validation';

// The tenant id and token come from the link itself: the token is the proof, checked (hashed) by
// lib/team/team.ts against that tenant's invites; a wrong pair is NotFound.
const link = { tenantId: uuid, token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'validation.invalid') };

/** A wrong link counts against the IP, as on the invite page, before anything is created. */
async function requireInvite(ip: string | null, tenantId: string, token: string) {
  if (!(await guardedLookup(ip, () => inspectInvite(tenantId, token)))) throw new NotFoundError('invite');
}

/** Someone new: creates the account and the membership together; the form then signs them in. */
export const acceptAsNewUserAction = publicAction(
  z.object({ ...link, name: requiredText(80), email, password: newPassword }),
  async ({ ip }, input) => {
    await requireInvite(ip, input.tenantId, input.token);
    await acceptInviteAsNewUser(input.tenantId, input.token, { name: input.name, email: input.email, password: input.password, locale: await getLocale() }, ip);
  },
);

/**
 * Someone signed in: they join this business too. Not a memberAction, since a signed-in account
 * that belongs to no business yet (it left or was removed) must be able to join.
 */
export const acceptAsUserAction = publicAction(z.object(link), async ({ ip }, input) => {
  const session = await getSession();
  if (!session) throw new AppError('errors.signed_out');
  await requireInvite(ip, input.tenantId, input.token);
  await acceptInviteAsUser(input.tenantId, input.token, session.user.id, ip);
  return { tenantId: input.tenantId };
});
