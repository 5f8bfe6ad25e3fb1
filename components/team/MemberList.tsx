import { memberRoles, type MemberRole } from '@/lib/shared';
import { formatDate, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { ConfirmAction } from './ConfirmAction';
import { RoleForm } from './RoleForm';
import type { FormAction } from '@/lib/core/action-state';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

/** The team, one card per member; owners also get the controls for everyone but themselves. */
export async function MemberList({
  members,
  me,
  timeZone,
  manage,
}: {
  members: MemberRow[];
  me: string;
  timeZone: TimeZone;
  manage: { changeRole: FormAction; remove: FormAction; transfer: FormAction } | null;
}) {
  const { t, locale } = await getT('team');
  const { t: tc } = await getT('common');
  return (
    <ul className="space-y-3">
      {members.map((m) => {
        const isMe = m.userId === me;
        return (
          <li key={m.userId} className="rounded-xl bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <p className="font-semibold text-slate-900">
                {m.name}
                {isMe ? <span className="font-normal text-slate-700"> ({t('members.you')})</span> : null}
              </p>
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-medium text-brand-800">{tc(`roles.${m.role}`)}</span>
            </div>
            <p className="break-all text-slate-700">{m.email}</p>
            <p className="text-sm text-slate-700">{t('members.joined', { date: formatDate(m.joinedAt, locale, timeZone) })}</p>
            {manage && !isMe ? (
              <div className="mt-4 space-y-4 border-t border-slate-200 pt-4">
                <RoleForm action={manage.changeRole} userId={m.userId} name={m.name} role={m.role} roles={memberRoles} />
                <div className="flex flex-col gap-3">
                  {m.role === 'staff' ? (
                    <ConfirmAction
                      action={manage.transfer}
                      fields={{ userId: m.userId }}
                      trigger={t('members.transfer')}
                      prompt={t('members.transfer_confirm_text', { name: m.name })}
                      confirm={t('members.transfer_confirm')}
                      pending={t('members.transferring')}
                    />
                  ) : null}
                  <ConfirmAction
                    action={manage.remove}
                    fields={{ userId: m.userId }}
                    trigger={t('members.remove')}
                    prompt={t('members.remove_confirm_text', { name: m.name })}
                    confirm={t('members.remove_confirm')}
                    pending={t('members.removing')}
                  />
                </div>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
