/**
 * The funnel beside satisfaction (issue 10, item 5), for the stage dashboard and its print view:
 * per stage the number the owner recorded over the period's months as a horizontal bar, the share
 * that moved on from the stage before, and that stage's CSAT and average stars from the reviews —
 * honest below the minimum sample ("ulasan belum cukup"). Plain HTML and CSS (no script: it prints
 * and reads on any phone); every bar's number and every rate is in the text, never in colour or
 * length alone; a table gives the same figures, with a CSV download; with no numbers, an empty
 * state points to the funnel page.
 *
 * A server component: render it from a server page (it translates with getT).
 */
import Link from 'next/link';
import type { Funnel, FunnelStage } from '@/lib/dashboard/funnel';
import type { StageFigures, StageStats } from '@/lib/dashboard/stage-stats';
import { formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';
import { formatMonthList, formatMonthRange, formatRate } from './funnel/format';

type T = (key: string, opts?: Record<string, unknown>) => string;

function satisfaction(f: StageFigures | undefined, t: T, locale: Locale): { text: string; enough: boolean } {
  if (!f || !f.csat.enough) return { text: t('section.too_few', { count: f ? f.csat.moreNeeded : 10 }), enough: false };
  const pct = formatNumber(f.csat.value! / 100, locale, { style: 'percent', maximumFractionDigits: 0 });
  const stars = formatNumber(f.averageStars.value!, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return { text: `${t('section.csat', { pct, n: formatNumber(f.csat.n, locale) })} · ${t('section.stars', { stars })}`, enough: true };
}

function conversionText(s: FunnelStage, t: T, locale: Locale): string | null {
  const c = s.conversion;
  if (!c) return null;
  if (c.rate === null) return t('section.conversion_zero', { from: c.fromName });
  const pct = formatRate(c.rate, locale);
  const same = c.months.length === s.months.length && c.months.every((m, i) => m === s.months[i]);
  return same ? t('section.conversion', { pct, from: c.fromName }) : t('section.conversion_months', { pct, from: c.fromName, months: formatMonthList(c.months, locale) });
}

export async function FunnelSection({
  funnel,
  stats,
  editLink = true,
  title,
}: {
  funnel: Funnel;
  stats: StageStats;
  /** Off on the funnel page itself. */
  editLink?: boolean;
  /** Instead of "Corong penjualan" (the funnel page names its month). */
  title?: string;
}) {
  const { t, locale } = await getT('funnel');
  const figures = new Map(stats.stages.map((s) => [s.stageId, s.current]));
  const editHref = `/dashboard/funnel?journey=${funnel.journeyId}`;
  const query = new URLSearchParams();
  if (funnel.period.from) query.set('from', funnel.period.from);
  if (funnel.period.from) query.set('to', funnel.period.to);
  const csvHref = `/api/journeys/${funnel.journeyId}/funnel.csv${query.size ? `?${query}` : ''}`;
  const range = funnel.fromMonth && funnel.toMonth ? t('section.months', { range: formatMonthRange(funnel.fromMonth, funnel.toMonth, locale) }) : t('section.months_all');
  const max = Math.max(0, ...funnel.stages.map((s) => s.value ?? 0));
  const name = (s: FunnelStage) => s.name ?? t('section.removed');
  const metric = (s: FunnelStage) => (s.metric ? t(`metrics.${s.metric}`) : '');

  return (
    <section aria-labelledby="funnel-section" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="funnel-section" className="text-lg font-semibold">
        {title ?? t('section.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('section.intro')}</p>
      <p className="mt-1 text-sm font-medium text-slate-800">{range}</p>

      {!funnel.hasNumbers ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 p-4">
          <h3 className="font-semibold">{t('section.empty_title')}</h3>
          <p className="mt-1 text-sm text-slate-700">{t('section.empty_body')}</p>
          {editLink ? (
            <Link href={editHref} className="mt-3 inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t('section.record')}
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <ol className="mt-4 space-y-3">
            {funnel.stages.map((s) => {
              const conv = conversionText(s, t, locale);
              const sat = satisfaction(figures.get(s.stageId), t, locale);
              const width = s.value !== null && max > 0 ? Math.max(1, Math.round((s.value / max) * 100)) : 0;
              return (
                <li key={s.stageId} className="break-words">
                  {conv ? (
                    <p className="mb-1 text-sm text-slate-700">
                      <span aria-hidden="true">↓ </span>
                      {conv}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="font-semibold text-slate-900">{name(s)}</span>
                    <span className="text-sm text-slate-700">
                      {s.value !== null ? (
                        <>
                          {metric(s)}: <strong className="text-base text-slate-900">{formatNumber(s.value, locale)}</strong>
                        </>
                      ) : (
                        t('section.no_number')
                      )}
                    </span>
                  </div>
                  <div className="mt-1 h-4 w-full rounded bg-slate-100" aria-hidden="true">
                    {width ? <div className="h-4 rounded bg-brand-700 print:border print:border-slate-900" style={{ width: `${width}%` }} /> : null}
                  </div>
                  <p className={`mt-1 text-sm ${sat.enough ? 'text-slate-800' : 'text-slate-600 italic'}`}>
                    {t('section.satisfaction')}: {sat.text}
                  </p>
                </li>
              );
            })}
          </ol>

          <details className="mt-4">
            <summary className="cursor-pointer font-medium text-brand-800 underline">{t('section.table_summary')}</summary>
            {/* Wider than a phone: it scrolls sideways on its own, reachable by keyboard (a named region). */}
            <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t('section.table_caption')}>
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">{t('section.table_caption')}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-700">
                    <th scope="col" className="py-2 pr-3">{t('section.col_stage')}</th>
                    <th scope="col" className="py-2 pr-3">{t('section.col_metric')}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t('section.col_value')}</th>
                    <th scope="col" className="py-2 pr-3">{t('section.col_months')}</th>
                    <th scope="col" className="py-2 pr-3">{t('section.col_conversion')}</th>
                    <th scope="col" className="py-2 pr-3">{t('section.col_csat')}</th>
                    <th scope="col" className="py-2">{t('section.col_stars')}</th>
                  </tr>
                </thead>
                <tbody>
                  {funnel.stages.map((s) => {
                    const f = figures.get(s.stageId);
                    const enough = !!f?.csat.enough;
                    return (
                      <tr key={s.stageId} className="border-b border-slate-100 align-top">
                        <th scope="row" className="py-2 pr-3 font-medium">{name(s)}</th>
                        <td className="py-2 pr-3">{metric(s)}</td>
                        <td className="py-2 pr-3 text-right">{s.value !== null ? formatNumber(s.value, locale) : '—'}</td>
                        <td className="py-2 pr-3">{s.months.length ? formatMonthList(s.months, locale) : '—'}</td>
                        <td className="py-2 pr-3">{conversionText(s, t, locale) ?? '—'}</td>
                        <td className="py-2 pr-3">
                          {enough
                            ? `${formatNumber(f!.csat.value! / 100, locale, { style: 'percent', maximumFractionDigits: 0 })} (${formatNumber(f!.csat.low! / 100, locale, { style: 'percent', maximumFractionDigits: 0 })}–${formatNumber(f!.csat.high! / 100, locale, { style: 'percent', maximumFractionDigits: 0 })}), n = ${formatNumber(f!.csat.n, locale)}`
                            : t('section.too_few', { count: f ? f.csat.moreNeeded : 10 })}
                        </td>
                        <td className="py-2">{enough && f!.averageStars.value !== null ? formatNumber(f!.averageStars.value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}

      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm print:hidden">
        {funnel.hasNumbers && editLink ? (
          <Link href={editHref} className="font-medium text-brand-800 underline">
            {t('section.edit')}
          </Link>
        ) : null}
        {/* A file download from a route handler: a plain link, not client-side navigation. */}
        <a href={csvHref} className="font-medium text-brand-800 underline">
          {t('section.csv')}
        </a>
      </p>
    </section>
  );
}
