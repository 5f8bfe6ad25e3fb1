import type { Metadata } from 'next';
import Link from 'next/link';
import { BusinessDetails } from '@/components/admin/BusinessDetails';
import { SuspensionPanel } from '@/components/admin/SuspensionPanel';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { getBusiness } from '@/lib/admin/businesses';
import { withAdmin } from '@/lib/admin/door';
import { adminStanding, requireAdmin } from '@/lib/admin/gate';
import { idOr404, or404 } from '@/lib/core/not-found';
import { getT } from '@/lib/i18n/server';
import { reactivateBusinessAction, suspendBusinessAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('business.details') };
}

/** One business: its status (suspend, reactivate), details, members, counts. The view is recorded in the platform audit log. */
export default async function BusinessPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdmin();
  const id = idOr404((await params).id);
  const business = await or404(withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: id }, (db) => getBusiness(db, id)));
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
        <BusinessDetails business={business} />
      </div>
    </>
  );
}
