'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberRoles } from '@/lib/shared';
import { memberLocale } from '@/lib/auth/session';
import { memberAction } from '@/lib/core/actions';
import { uuid } from '@/lib/core/validation';
import { formatDateTime } from '@/lib/i18n/format';
import { publicUrl } from '@/lib/links/public-url';
import { changeRole, createInvite, leaveTeam, removeMember, revokeInvite, transferOwnership } from '@/lib/team/team';

const role = z.enum(memberRoles, 'validation.required');

/** A new single-use link; the secret exists only in this answer, never again. */
export const createInviteAction = memberAction(
  'team.invite',
  z.object({ role: role.default('staff') }),
  async (ctx, input): Promise<{ link: string; expires: string }> => {
    const invite = await createInvite(ctx, input.role);
    revalidatePath('/team');
    return {
      link: await publicUrl(invite.path),
      expires: formatDateTime(invite.expiresAt, await memberLocale(ctx), ctx.tenant.timeZone),
    };
  },
);

export const revokeInviteAction = memberAction('team.invite', z.object({ inviteId: uuid }), async (ctx, input) => {
  await revokeInvite(ctx, input.inviteId);
  revalidatePath('/team');
});

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

/** Leaves, then goes where the account still has a place: another business, or none. */
export const leaveTeamAction = memberAction(
  'team.read',
  z.object({}),
  async (ctx): Promise<{ next: string }> => {
    const { otherBusiness } = await leaveTeam(ctx);
    // The header (business name, switcher) changes on every page.
    revalidatePath('/', 'layout');
    return { next: otherBusiness ? '/dashboard' : '/no-business' };
  },
  { redirectTo: ({ next }) => next },
);
