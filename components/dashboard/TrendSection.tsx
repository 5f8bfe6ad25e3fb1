'use client';

import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Trend, TrendPoint } from '@/lib/dashboard/trend';
import type { StageStatsFilter } from '@/lib/dashboard/stage-stats';
import { formatNumber, zoneAbbreviation } from '@/lib/i18n/format';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import { asLocale, pointLabel, tickLabel } from './trend/format';

/** The trend CSV of the same filter (app/api/journeys/[id]/trend.csv). */
export function trendCsvHref(f: StageStatsFilter): string {
  const p = new URLSearchParams();
  for (const k of ['stage', 'link', 'touchpoint', 'from', 'to', 'range'] as const) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  const q = p.toString();
  return `/api/journeys/${encodeURIComponent(f.journey)}/trend.csv${q ? `?${q}` : ''}`;
}

const BAR = '#cbd5e1'; // slate-300 fill: bars are the background figure, the line reads over them
const BAR_EDGE = '#64748b'; // slate-500 outline: 4.8:1 on white (non-text contrast)
const LINE = '#065f46'; // emerald-800: 7:1 on white

type Datum = { label: string; reviews: number; average: number | null; enough: boolean; point: TrendPoint };

/** A dot on the average line: filled when the bucket has enough reviews, hollow (and smaller) when not. */
function AverageDot(props: { cx?: number; cy?: number; payload?: Datum; index?: number }) {
  const { cx, cy, payload, index } = props;
  if (cx === undefined || cy === undefined || !payload || payload.average === null) return <g key={`dot-${index}`} />;
  return payload.enough ? (
    <circle key={`dot-${index}`} cx={cx} cy={cy} r={4} fill={LINE} stroke={LINE} strokeWidth={2} />
  ) : (
    <circle key={`dot-${index}`} cx={cx} cy={cy} r={3.5} fill="#fff" stroke={LINE} strokeWidth={2} />
  );
}

/**
 * The dashboard's trend (issue 10, item 4): reviews per day, week or month as bars, average stars as
 * a line on its own axis (1–5), in the business's time zone. A bucket with fewer than MIN_SAMPLE
 * reviews has a hollow dot and "not enough reviews yet" in its tooltip and in the table. The chart
 * is for the eye only (hidden from screen readers); the table under it holds the same figures, and
 * the CSV link downloads them for the same filter.
 */
export function TrendSection({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation('trends');
  const locale = asLocale(i18n.language);
  const tz = trend.timeZone;
  const zone = zoneAbbreviation(tz);
  const num = (v: number, digits = 0) => formatNumber(v, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const data: Datum[] = trend.points.map((p) => ({
    label: tickLabel(p.bucket === p.start ? p.bucket : p.start, trend.bucket, locale, tz),
    reviews: p.reviews,
    average: p.averageStars.value,
    enough: p.averageStars.enough,
    point: p,
  }));
  const headingId = 'trend-heading';

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('trend.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t(`trend.intro_${trend.bucket}`, { zone })}</p>
      {trend.reviews === 0 ? (
        <p className="mt-3 rounded-lg bg-slate-50 p-3 text-slate-800">{t('trend.empty')}</p>
      ) : (
        <figure className="mt-3">
          <div aria-hidden="true" className="min-w-0">
            <ComposedChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 4, bottom: 4, left: 4 }} style={{ width: '100%', height: 240 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} tickMargin={4} />
              <YAxis
                yAxisId="reviews"
                allowDecimals={false}
                width={36}
                tick={{ fill: '#334155', fontSize: 12 }}
                tickFormatter={(v: number) => num(v)}
                label={{ value: t('trend.axis_reviews'), angle: -90, position: 'insideLeft', fill: '#334155', fontSize: 12, dx: 4 }}
              />
              <YAxis
                yAxisId="stars"
                orientation="right"
                domain={[1, 5]}
                ticks={[1, 2, 3, 4, 5]}
                width={32}
                tick={{ fill: '#334155', fontSize: 12 }}
                label={{ value: t('trend.axis_average'), angle: 90, position: 'insideRight', fill: '#334155', fontSize: 12, dx: -4 }}
              />
              <Tooltip
                cursor={{ fill: '#f1f5f9' }}
                content={({ active, payload }) => {
                  const d = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
                  if (!d) return null;
                  const p = d.point;
                  return (
                    <div className="rounded-lg border border-slate-300 bg-white p-2 text-sm text-slate-900 shadow">
                      <p className="font-semibold">{pointLabel(p, trend.bucket, locale, tz)}</p>
                      <p>{p.reviews === 0 ? t('trend.tooltip_none') : t('trend.tooltip_reviews', { count: p.reviews, n: num(p.reviews) })}</p>
                      {p.averageStars.value !== null && (
                        <p>
                          {t('trend.tooltip_average', { value: num(p.averageStars.value, 1) })}
                          {!p.averageStars.enough && <span className="block text-slate-700">{t('trend.tooltip_few')}</span>}
                        </p>
                      )}
                    </div>
                  );
                }}
              />
              <Bar yAxisId="reviews" dataKey="reviews" fill={BAR} stroke={BAR_EDGE} strokeWidth={1} isAnimationActive={false} maxBarSize={28} />
              <Line yAxisId="stars" dataKey="average" stroke={LINE} strokeWidth={2.5} dot={AverageDot} activeDot={false} connectNulls={false} isAnimationActive={false} />
            </ComposedChart>
          </div>
          <figcaption className="mt-2 space-y-1 text-sm text-slate-700">
            <span className="flex flex-wrap gap-x-4 gap-y-1">
              <span className="inline-flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: BAR, border: `1px solid ${BAR_EDGE}` }} />
                {t('trend.legend_reviews')}
              </span>
              <span className="inline-flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: LINE }} />
                {t('trend.legend_average')}
              </span>
            </span>
            <span className="block">{t('trend.legend_few', { min: MIN_SAMPLE })}</span>
            {trend.clipped && <span className="block">{t('trend.clipped', { n: num(trend.points.length) })}</span>}
          </figcaption>
        </figure>
      )}

      {trend.points.length > 0 && (
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">{t('trend.table_summary')}</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[18rem] text-left text-sm">
              <caption className="sr-only">{t('trend.table_caption', { bucket: t(`trend.bucket_${trend.bucket}`), zone })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t('trend.col_period')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    {t('trend.col_reviews')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    {t('trend.col_average')}
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    {t('trend.col_interval')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...trend.points].reverse().map((p) => {
                  const a = p.averageStars;
                  return (
                    <tr key={p.bucket} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        {pointLabel(p, trend.bucket, locale, tz)}
                        {p.partial && <span className="text-slate-700"> {t('trend.partial')}</span>}
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{num(p.reviews)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {a.value === null ? (
                          t('trend.no_value')
                        ) : a.enough ? (
                          <strong>{num(a.value, 1)}</strong>
                        ) : (
                          <>
                            {num(a.value, 1)}
                            <span className="block text-xs text-slate-700">{t('trend.few_more', { n: num(a.moreNeeded) })}</span>
                          </>
                        )}
                      </td>
                      <td className="py-2 text-right tabular-nums">{a.low !== null && a.high !== null ? `${num(a.low, 1)}–${num(a.high, 1)}` : t('trend.no_value')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      )}
      <p className="mt-3">
        <a href={trendCsvHref(trend.filter)} download className="inline-flex min-h-11 items-center font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
          {t('trend.csv')}
        </a>
      </p>
    </section>
  );
}
