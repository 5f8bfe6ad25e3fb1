import Link from 'next/link';
import type { Overview } from '@/lib/admin/overview';
import { formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

/** The overview's headline counts and its busiest businesses (reviews in the last 30 days). */
export async function OverviewSummary({ overview }: { overview: Overview }) {
  const { t, locale } = await getT('admin');
  const { t: tc } = await getT('common');
  const num = (v: number) => formatNumber(v, locale);
  const tiles = [
    { key: 'total', value: overview.total },
    { key: 'active', value: overview.active },
    { key: 'suspended', value: overview.suspended },
  ] as const;
  return (
    <>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="overview-counts">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-700">{t(`overview.${tile.key}_businesses`)}</dt>
            <dd className="mt-1 text-2xl font-bold tabular-nums">{num(tile.value)}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="busiest-heading" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="busiest-heading" className="text-lg font-semibold">
          {t('overview.busiest')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('overview.busiest_intro')}</p>
        {overview.busiest.length === 0 ? (
          <p className="mt-3 rounded-lg bg-slate-50 p-3 text-slate-800">{t('overview.busiest_empty')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[18rem] text-left text-sm" data-testid="busiest">
              <caption className="sr-only">{t('overview.busiest')}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t('overview.col_business')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t('overview.col_type')}
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    {t('overview.col_reviews_30d')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.busiest.map((b) => (
                  <tr key={b.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/admin/businesses/${b.id}`} prefetch={false} className="font-medium break-words text-brand-800 underline">
                        {b.name}
                      </Link>
                      {b.suspended && <span className="ml-2 text-xs font-semibold text-red-800">{t('overview.suspended')}</span>}
                    </th>
                    <td className="py-2 pr-3">{tc(`business_types.${b.businessType}`)}</td>
                    <td className="py-2 text-right tabular-nums">{num(b.reviews30d)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
