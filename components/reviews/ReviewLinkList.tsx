import Link from 'next/link';
import { formatDate, formatNumber, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { conversionRate, touchpointTotals, type ReviewLinkRow } from '@/lib/reviews/links';

/** Submitted ÷ opened, as a whole percentage; null before anyone opened the link. */
export const conversion = conversionRate;

/**
 * The business's review links, each with where it asks, its state and its counts; under them the
 * same counts added up per touchpoint.
 */
export async function ReviewLinkList({ links, timeZone, now }: { links: ReviewLinkRow[]; timeZone: TimeZone; now: Date }) {
  const { t, locale } = await getT('reviews');
  const totals = touchpointTotals(links);
  const num = 'px-2 py-2 text-right tabular-nums';
  return (
    <>
      <ul className="grid gap-3 sm:grid-cols-2">
        {links.map((l) => {
          const expired = l.expiresAt !== null && l.expiresAt.getTime() < now.getTime();
          const state = !l.active ? 'inactive' : expired ? 'expired' : 'active';
          const rate = conversion(l.openedCount, l.submittedCount);
          return (
            <li key={l.id} className="min-w-0 rounded-xl bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-2">
                <h3 className="min-w-0 font-semibold wrap-anywhere">
                  <Link href={`/reviews/links/${l.id}`} className="text-brand-800 underline">
                    {l.title}
                  </Link>
                </h3>
                <span
                  className={`shrink-0 rounded px-2 py-0.5 text-sm ${state === 'active' ? 'bg-brand-50 text-brand-800' : 'bg-slate-200 text-slate-800'}`}
                >
                  {t(`links.${state}`)}
                </span>
              </div>
              <p className="mt-1 text-sm wrap-anywhere text-slate-700">{t('links.journey', { journey: l.journeyName })}</p>
              <p className="text-sm wrap-anywhere text-slate-700">{l.stageName ? t('links.stage', { stage: l.stageName }) : t('links.stage_removed')}</p>
              {l.touchpoint ? <p className="text-sm wrap-anywhere text-slate-700">{t('links.touchpoint', { touchpoint: l.touchpoint })}</p> : null}
              {l.expiresAt && !expired ? <p className="text-sm text-slate-700">{t('links.expires', { date: formatDate(l.expiresAt, locale, timeZone) })}</p> : null}
              <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
                <div className="rounded-lg bg-slate-50 p-2">
                  <dt className="text-xs text-slate-700">{t('links.opened')}</dt>
                  <dd className="text-lg font-bold">{formatNumber(l.openedCount, locale)}</dd>
                </div>
                <div className="rounded-lg bg-slate-50 p-2">
                  <dt className="text-xs text-slate-700">{t('links.submitted')}</dt>
                  <dd className="text-lg font-bold">{formatNumber(l.submittedCount, locale)}</dd>
                </div>
                <div className="rounded-lg bg-slate-50 p-2">
                  <dt className="text-xs text-slate-700">{t('links.conversion')}</dt>
                  <dd className="text-lg font-bold">{rate === null ? t('links.conversion_none') : `${formatNumber(rate, locale)}%`}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      {totals.length ? (
        <div className="mt-4 rounded-xl bg-white p-4 shadow-sm">
          <h3 id="touchpoint-totals" className="font-semibold text-slate-900">
            {t('links.totals_heading')}
          </h3>
          <p className="mt-1 text-sm text-slate-700">{t('links.totals_intro')}</p>
          <table aria-labelledby="touchpoint-totals" className="mt-2 w-full table-fixed border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="w-[40%] py-2 pr-2 text-left font-medium">
                  {t('links.totals_touchpoint')}
                </th>
                <th scope="col" className={`${num} font-medium`}>
                  {t('links.opened')}
                </th>
                <th scope="col" className={`${num} font-medium`}>
                  {t('links.submitted')}
                </th>
                <th scope="col" className={`${num} pr-0 font-medium`}>
                  {t('links.conversion')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((g) => (
                <tr key={g.touchpoint.toLocaleLowerCase('id-ID')} className="border-b border-slate-200 last:border-0">
                  <th scope="row" className="py-2 pr-2 text-left font-normal break-words text-slate-900">
                    {g.touchpoint || <span className="text-slate-700">{t('links.no_touchpoint')}</span>}
                    <span className="block text-xs text-slate-700">{t('links.totals_links', { n: formatNumber(g.links, locale), count: g.links })}</span>
                  </th>
                  <td className={num}>{formatNumber(g.opened, locale)}</td>
                  <td className={num}>{formatNumber(g.submitted, locale)}</td>
                  <td className={`${num} pr-0 font-semibold`}>{g.conversion === null ? t('links.conversion_none') : `${formatNumber(g.conversion, locale)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
