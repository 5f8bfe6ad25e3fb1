'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberRole } from '@/db/schema';
import type { ActionState } from '@/lib/core/action-state';
import { memberAction } from '@/lib/core/actions';
import { formatDateTime } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { publicUrl } from '@/lib/links/public-url';
import { changeRole, createInvite, leaveTeam, removeMember, revokeInvite, transferOwnership } from '@/lib/team/team';
import { uuid } from '@/lib/core/validation';

const role = z.enum(memberRole.enumValues, 'validation.required');

/** A new single-use link; the secret exists only in this answer, never again. */
export const createInviteAction = memberAction('team.invite', z.object({ role: role.default('staff') }), async (ctx, input) => {
  const invite = await createInvite(ctx, input.role);
  revalidatePath('/team');
  return {
    link: await publicUrl(invite.path),
    expires: formatDateTime(invite.expiresAt, await getLocale(), ctx.tenant.timeZone),
  };
});

export const revokeInviteAction = memberAction(
  'team.invite',
  z.object({ inviteId: uuid }),
  async (ctx, input) => {
    await revokeInvite(ctx, input.inviteId);
    revalidatePath('/team');
  },
);

export const changeRoleAction = memberAction(
  'team.manage',
  z.object({ userId: uuid, role }),
  async (ctx, input) => {
    await changeRole(ctx, input.userId, input.role);
    revalidatePath('/team');
  },
  { successKey: 'messages.saved' },
);

export const removeMemberAction = memberAction('team.manage', z.object({ userId: uuid }), async (ctx, input) => {
  await removeMember(ctx, input.userId);
  revalidatePath('/team');
});

export const transferOwnershipAction = memberAction('team.manage', z.object({ userId: uuid }), async (ctx, input) => {
  await transferOwnership(ctx, input.userId);
  // The caller is staff now: the header's owner-only links must go too.
  revalidatePath('/', 'layout');
});

const leave = memberAction('team.read', z.object({}), async (ctx) => {
  await leaveTeam(ctx);
  return { next: ctx.user.memberships.length > 1 ? '/dashboard' : '/no-business' };
});

/** Leaves, then goes where the account still has a place: another business, or none. */
export async function leaveTeamAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await leave(prev, formData);
  if (result.status === 'ok' && result.data?.next) {
    revalidatePath('/', 'layout');
    redirect(result.data.next);
  }
  return result;
}
