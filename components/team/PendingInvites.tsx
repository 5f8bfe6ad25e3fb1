import { formatDateTime, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { RevokeForm } from '@/components/ui/RevokeForm';
import type { FormAction } from '@/lib/core/action-state';

export interface PendingInvite {
  id: string;
  role: 'owner' | 'staff';
  createdAt: Date;
  expiresAt: Date;
}

/** Links sent but not used yet; any of them can be revoked before someone opens it. */
export async function PendingInvites({ invites, timeZone, revoke }: { invites: PendingInvite[]; timeZone: TimeZone; revoke: FormAction }) {
  const { t, locale } = await getT('team');
  const { t: tc } = await getT('common');
  if (invites.length === 0) return <p className="text-slate-700">{t('invite.pending_empty')}</p>;
  return (
    <ul className="space-y-3">
      {invites.map((inv) => {
        const role = tc(`roles.${inv.role}`).toLocaleLowerCase(locale);
        const created = formatDateTime(inv.createdAt, locale, timeZone);
        return (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4 shadow-sm">
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{t('invite.pending_role', { role })}</p>
              <p className="text-sm text-slate-700">{t('invite.pending_created', { date: created })}</p>
              <p className="text-sm text-slate-700">{t('invite.pending_expires', { date: formatDateTime(inv.expiresAt, locale, timeZone) })}</p>
            </div>
            <RevokeForm action={revoke} field="inviteId" id={inv.id} ariaLabel={t('invite.revoke_label', { role, date: created })} label={t('invite.revoke')} pendingLabel={t('invite.revoking')} />
          </li>
        );
      })}
    </ul>
  );
}
