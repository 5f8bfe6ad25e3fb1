import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { ConfirmAction } from '@/components/team/ConfirmAction';
import { InviteForm } from '@/components/team/InviteForm';
import { MemberList } from '@/components/team/MemberList';
import { PendingInvites } from '@/components/team/PendingInvites';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { listMembers, listPendingInvites } from '@/lib/team/team';
import {
  changeRoleAction,
  createInviteAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInviteAction,
  transferOwnershipAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('team');
  return { title: t('title') };
}

export default async function TeamPage() {
  const ctx = await requireMember('team.read');
  const { t } = await getT('team');
  const canManage = can(ctx.role, 'team.manage');
  const canInvite = can(ctx.role, 'team.invite');
  const [members, invites] = await inTenant(ctx, (db) => Promise.all([listMembers(db), canInvite ? listPendingInvites(db) : Promise.resolve([])]));
  const business = ctx.tenant.tenantName;
  const soleOwner = ctx.role === 'owner' && members.filter((m) => m.role === 'owner').length <= 1;
  const timeZone = ctx.tenant.timeZone;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro', { business })}</p>

      <section aria-labelledby="members-heading" className="mt-6">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t('members.heading')}
        </h2>
        <div className="mt-3">
          <MemberList
            members={members}
            me={ctx.userId}
            timeZone={timeZone}
            manage={canManage ? { changeRole: changeRoleAction, remove: removeMemberAction, transfer: transferOwnershipAction } : null}
          />
        </div>
      </section>

      {canInvite ? (
        <>
          <section aria-labelledby="invite-heading" className="mt-8 rounded-xl bg-white p-4 shadow-sm">
            <h2 id="invite-heading" className="text-lg font-semibold">
              {t('invite.heading')}
            </h2>
            <p className="mt-1 mb-4 text-slate-700">{t('invite.intro')}</p>
            <InviteForm action={createInviteAction} business={business} roles={['staff', 'owner']} submission={randomUUID()} />
          </section>
          <section aria-labelledby="pending-heading" className="mt-8">
            <h2 id="pending-heading" className="text-lg font-semibold">
              {t('invite.pending_heading')}
            </h2>
            <div className="mt-3">
              <PendingInvites invites={invites} timeZone={timeZone} revoke={revokeInviteAction} />
            </div>
          </section>
        </>
      ) : null}

      <section aria-labelledby="leave-heading" className="mt-8 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="leave-heading" className="text-lg font-semibold">
          {t('leave.heading')}
        </h2>
        {soleOwner ? (
          // The last owner cannot leave (lib/team/team.ts leaveTeam): say what to do instead of offering a button that is refused.
          <p className="mt-1 text-slate-700" data-testid="sole-owner">
            {t('leave.sole_owner', { business })}
          </p>
        ) : (
          <>
            <p className="mt-1 mb-4 text-slate-700">{t('leave.body', { business })}</p>
            <ConfirmAction
              action={leaveTeamAction}
              fields={{}}
              trigger={t('leave.submit')}
              prompt={t('leave.confirm_text', { business })}
              confirm={t('leave.confirm')}
              pending={t('leave.leaving')}
            />
          </>
        )}
      </section>
    </>
  );
}
