import type { Metadata } from 'next';
import Link from 'next/link';
import { BusinessDetails } from '@/components/admin/BusinessDetails';
import { BusinessDataPanel } from '@/components/admin/BusinessDataPanel';
import { PlanLimitsPanel } from '@/components/admin/PlanLimitsPanel';
import { ResetLinkPanel } from '@/components/admin/ResetLinkPanel';
import { SuspensionPanel } from '@/components/admin/SuspensionPanel';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { getBusiness } from '@/lib/admin/businesses';
import { withAdmin } from '@/lib/admin/door';
import { adminStanding, requireAdmin } from '@/lib/admin/gate';
import { planOf } from '@/lib/admin/limits';
import { idOr404, or404 } from '@/lib/core/not-found';
import { getT } from '@/lib/i18n/server';
import { issueResetLinkAction, reactivateBusinessAction, setPlanLimitsAction, suspendBusinessAction } from './actions';
import { deleteBusinessAction } from './data-actions';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('business.details') };
}

/** One business: its status (suspend, reactivate), details, members, counts, plan and limits, reset links. The view is recorded in the platform audit log. */
export default async function BusinessPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdmin();
  const id = idOr404((await params).id);
  const { business, plan } = await or404(
    withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: id }, async (db) => ({ business: await getBusiness(db, id), plan: await planOf(db, id) })),
  );
  const { t } = await getT('admin');
  return (
    <>
      <p>
        <Link href="/admin/businesses" prefetch={false} className="text-sm font-medium text-brand-800 underline">
          {t('business.back')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-words">{business.name}</h1>
      <div className="mt-4 space-y-6">
        {/* The suspension form. */}
        <ClientTranslations namespaces={['admin']}>
          <SuspensionPanel business={business} suspendAction={suspendBusinessAction} reactivateAction={reactivateBusinessAction} />
        </ClientTranslations>
        <BusinessDetails
          business={business}
          plan={
            // The plan, its limits and their use, the admins' notes (adm-a).
            <ClientTranslations namespaces={['admin']}>
              <PlanLimitsPanel tenantId={business.id} plan={plan} action={setPlanLimitsAction} />
            </ClientTranslations>
          }
        />
        {/* One-time password-reset links for members (adm-a). */}
        <ClientTranslations namespaces={['admin', 'common']}>
          <ResetLinkPanel business={business} action={issueResetLinkAction} />
        </ClientTranslations>
        {/* Export and delete (adm-b): the owner's data, at their request. */}
        <ClientTranslations namespaces={['admin', 'common']}>
          <BusinessDataPanel business={business} deleteAction={deleteBusinessAction} />
        </ClientTranslations>
      </div>
    </>
  );
}
