import type { BusinessDetail } from '@/lib/admin/businesses';
import type { FormAction } from '@/lib/core/action-state';
import { getT } from '@/lib/i18n/server';
import { ResetLinkForm, type IssuedResetLinkView } from './ResetLinkForm';

/** One-time password-reset links for the business's members (the owner first). */
export async function ResetLinkPanel({ business, action }: { business: Pick<BusinessDetail, 'id' | 'members'>; action: FormAction<IssuedResetLinkView> }) {
  const { t } = await getT('admin');
  const { t: tc } = await getT('common');
  const members = business.members.map((m) => ({ userId: m.userId, label: `${m.name} (${m.email}) · ${tc(`roles.${m.role}`)}` }));
  return (
    <section aria-labelledby="reset-heading" className="rounded-xl bg-white p-5 shadow-sm">
      <h2 id="reset-heading" className="text-lg font-semibold">
        {t('reset.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('reset.intro')}</p>
      {members.length ? <ResetLinkForm tenantId={business.id} members={members} action={action} /> : <p className="mt-3 text-slate-700">{t('reset.no_members')}</p>}
    </section>
  );
}
