'use server';

import { z } from 'zod';
import { getSession } from '@/lib/auth/session';
import { publicAction } from '@/lib/core/actions';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { inTenant } from '@/lib/core/tenancy';
import { email, newPassword, requiredText, uuid } from '@/lib/core/validation';
import { getLocale } from '@/lib/i18n/server';
import { secretTokenPattern } from '@/lib/links/tokens';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { acceptInviteAsNewUser, acceptInviteAsUser, inspectInvite } from '@/lib/team/team';

// The tenant id and token come from the link itself: the token is the proof, checked (hashed) by
// lib/team/team.ts against that tenant's invites; a wrong pair is NotFound.
const link = { tenantId: uuid, token: z.string().regex(secretTokenPattern, 'validation.invalid') };

/** A wrong link counts against the IP, as on the invite page, before anything is created. */
async function requireInvite(ip: string | null, tenantId: string, token: string) {
  const found = await guardedLookup(ip, () => inTenant({ tenantId, userId: '' }, (db) => inspectInvite(db, token)));
  if (!found) throw new NotFoundError('invite');
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
export const acceptAsUserAction = publicAction(z.object(link), async ({ ip }, input): Promise<{ tenantId: string }> => {
  const session = await getSession();
  if (!session) throw new AppError('errors.signed_out');
  await requireInvite(ip, input.tenantId, input.token);
  await inTenant({ tenantId: input.tenantId, userId: session.user.id, ip }, (db) => acceptInviteAsUser(db, input.token));
  return { tenantId: input.tenantId };
});
