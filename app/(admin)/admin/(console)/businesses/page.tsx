import type { Metadata } from 'next';
import { BusinessFilters, BusinessResults } from '@/components/admin/BusinessList';
import { businessListQuery, listBusinesses } from '@/lib/admin/businesses';
import { withAdmin } from '@/lib/admin/door';
import { adminStanding, requireAdmin } from '@/lib/admin/gate';
import { or404 } from '@/lib/core/not-found';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('businesses.title') };
}

/** Every business: search, filters, sorting, keyset pages. Each view is recorded in the platform audit log. */
export default async function BusinessesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const raw = await searchParams;
  const query = businessListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { after, before, ...filters } = query;
  const page = await or404(withAdmin(actor, { action: 'business.list_viewed', reason: 'view', meta: { ...filters, page: after || before ? 'more' : 'first' } }, (db) => listBusinesses(db, query)));
  const { t } = await getT('admin');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('businesses.title')}</h1>
      <p className="mt-1 text-slate-700">{t('businesses.intro')}</p>
      <div className="mt-4">
        <BusinessFilters query={query} />
      </div>
      <BusinessResults query={query} page={page} />
    </>
  );
}
