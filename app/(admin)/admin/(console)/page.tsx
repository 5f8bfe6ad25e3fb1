import type { Metadata } from 'next';
import { OverviewSummary } from '@/components/admin/OverviewSummary';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { OverviewCharts } from '@/components/admin/OverviewCharts';
import { withAdmin } from '@/lib/admin/door';
import { adminStanding, requireAdmin } from '@/lib/admin/gate';
import { getOverview } from '@/lib/admin/overview';
import { or404 } from '@/lib/core/not-found';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('overview.title') };
}

/** /admin: the platform at a glance (counts only). Each view is recorded in the platform audit log. */
export default async function AdminOverviewPage() {
  const actor = await requireAdmin();
  const overview = await or404(withAdmin(actor, { action: 'overview.viewed', reason: 'view' }, (db) => getOverview(db)));
  const { t } = await getT('admin');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('overview.title')}</h1>
      <p className="mt-1 text-slate-700">{t('overview.intro')}</p>
      <div className="mt-4 space-y-6">
        <OverviewSummary overview={overview} />
        <ClientTranslations namespaces={['admin', 'common']}>
          <OverviewCharts byType={overview.byType} weeks={overview.weeks} />
        </ClientTranslations>
      </div>
    </>
  );
}
