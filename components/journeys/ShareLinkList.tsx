import { RevokeForm } from '@/components/ui/RevokeForm';
import type { FormAction } from '@/lib/core/action-state';
import { formatDateTime, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

/** Links that still open the map (their secrets are not kept, so only when and by whom). */
export async function ShareLinkList({
  links,
  timeZone,
  revoke,
}: {
  links: { id: string; createdAt: Date; author: string | null }[];
  timeZone: TimeZone;
  revoke: FormAction;
}) {
  const { t, locale } = await getT('versions');
  if (links.length === 0) return <p className="text-slate-700">{t('share.active_empty')}</p>;
  return (
    <ul className="space-y-3">
      {links.map((l) => {
        const date = formatDateTime(l.createdAt, locale, timeZone);
        return (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white p-4 shadow-sm">
            <p id={`link-${l.id}`} className="min-w-0 text-slate-800">
              {l.author ? t('share.active_item', { date, author: l.author }) : t('share.active_item_unknown', { date })}
            </p>
            <RevokeForm action={revoke} field="linkId" id={l.id} describedBy={`link-${l.id}`} label={t('share.revoke')} pendingLabel={t('share.revoking')} danger />
          </li>
        );
      })}
    </ul>
  );
}
