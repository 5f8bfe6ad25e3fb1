import type { BusinessDetail } from '@/lib/admin/businesses';
import type { FormAction } from '@/lib/core/action-state';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { SuspensionForm } from './SuspensionForm';

/** The business's status (active, or suspended since when and why) and the form that changes it. */
export async function SuspensionPanel({
  business,
  suspendAction,
  reactivateAction,
}: {
  business: Pick<BusinessDetail, 'id' | 'suspension'>;
  suspendAction: FormAction<{ tenantId: string }>;
  reactivateAction: FormAction<{ tenantId: string }>;
}) {
  const { t, locale } = await getT('admin');
  const s = business.suspension;
  return (
    <section aria-labelledby="status-heading" className={`rounded-xl bg-white p-5 shadow-sm ${s ? 'border-2 border-red-700' : ''}`}>
      <h2 id="status-heading" className="text-lg font-semibold">
        {t('suspension.heading')}
      </h2>
      {s ? (
        <>
          <p className="mt-2 font-semibold text-red-800" data-testid="business-status">
            {t('suspension.suspended_since', { when: formatDateTime(s.at, locale) })}
          </p>
          <p className="mt-1 text-slate-700">
            {t('suspension.reason_was')} <q className="break-words">{s.reason}</q>
          </p>
          <p className="mt-2 text-sm text-slate-700">{t('suspension.reactivate_effect')}</p>
        </>
      ) : (
        <>
          <p className="mt-2 font-semibold text-brand-800" data-testid="business-status">
            {t('suspension.active')}
          </p>
          <p className="mt-1 text-sm text-slate-700">{t('suspension.suspend_effect')}</p>
        </>
      )}
      <SuspensionForm tenantId={business.id} suspended={!!s} action={s ? reactivateAction : suspendAction} />
    </section>
  );
}
