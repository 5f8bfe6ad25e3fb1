'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { TypeCount, WeekCount } from '@/lib/admin/overview';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/shared/locales';

const ACTIVE = '#047857'; // emerald-700: 5.5:1 on white
const SUSPENDED = '#b91c1c'; // red-700: 6.5:1 on white
const BAR = '#0f766e'; // teal-700: 5.5:1 on white
const TICK = { fill: '#334155', fontSize: 12 };

const asLocale = (l: string): Locale => (l === 'en' ? 'en' : 'id');

/** "3 Nov" for the Monday that starts a week (a date, read as such). */
function weekLabel(week: string, locale: Locale, long = false): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: long ? 'long' : 'short', year: long ? 'numeric' : undefined, timeZone: 'UTC' }).format(new Date(`${week}T00:00:00Z`));
}

function Table({ caption, head, rows, summary }: { caption: string; head: string[]; rows: (string | number)[][]; summary: string }) {
  return (
    <details className="mt-3">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">{summary}</summary>
      {/* Focusable, so that a keyboard can scroll it on a narrow screen. */}
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full min-w-[16rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              {head.map((h, i) => (
                <th key={h} scope="col" className={`py-2 pr-3 font-semibold ${i > 0 ? 'text-right' : ''}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([first, ...rest]) => (
              <tr key={String(first)} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {first}
                </th>
                {rest.map((v, i) => (
                  <td key={i} className="py-2 pr-3 text-right tabular-nums">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * The overview's charts: businesses by type (active and suspended, stacked), new businesses per week
 * and reviews per week. Each chart is for the eye only (hidden from screen readers); the table under
 * it holds the same figures.
 */
export function OverviewCharts({ byType, weeks }: { byType: TypeCount[]; weeks: WeekCount[] }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const locale = asLocale(i18n.language);
  const num = (v: number) => formatNumber(v, locale);
  const types = byType.map((b) => ({ ...b, label: tc(`business_types.${b.type}`) }));
  const series = weeks.map((w) => ({ ...w, label: weekLabel(w.week, locale) }));

  const weekly = (key: 'businesses' | 'reviews') => (
    <section aria-labelledby={`overview-${key}-heading`} className="rounded-xl bg-white p-4 shadow-sm" data-testid={`overview-${key}`}>
      <h2 id={`overview-${key}-heading`} className="text-lg font-semibold">
        {t(`overview.${key}_per_week`)}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('overview.weeks_intro', { count: weeks.length })}</p>
      <figure className="mt-3">
        <div aria-hidden="true" className="min-w-0">
          <BarChart responsive accessibilityLayer={false} data={series} margin={{ top: 8, right: 4, bottom: 4, left: 4 }} style={{ width: '100%', height: 220 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" minTickGap={12} tickMargin={4} />
            <YAxis allowDecimals={false} width={40} tick={TICK} tickFormatter={(v: number) => num(v)} />
            <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(v) => [num(Number(v)), t(`overview.col_${key}`)]} />
            <Bar dataKey={key} fill={BAR} isAnimationActive={false} maxBarSize={28} />
          </BarChart>
        </div>
      </figure>
      <Table
        summary={t('overview.table_summary')}
        caption={t(`overview.${key}_per_week`)}
        head={[t('overview.col_week'), t(`overview.col_${key}`)]}
        rows={[...weeks].reverse().map((w) => [t('overview.week_of', { date: weekLabel(w.week, locale, true) }), num(w[key])])}
      />
    </section>
  );

  return (
    <>
      <section aria-labelledby="overview-types-heading" className="rounded-xl bg-white p-4 shadow-sm" data-testid="overview-types">
        <h2 id="overview-types-heading" className="text-lg font-semibold">
          {t('overview.by_type')}
        </h2>
        <figure className="mt-3">
          <div aria-hidden="true" className="min-w-0">
            <BarChart responsive accessibilityLayer={false} data={types} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 4 }} style={{ width: '100%', height: 40 + types.length * 32 }}>
              <CartesianGrid stroke="#e2e8f0" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={TICK} tickFormatter={(v: number) => num(v)} />
              <YAxis type="category" dataKey="label" width={96} tick={TICK} />
              <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={(v, name) => [num(Number(v)), t(`overview.${String(name)}`)]} />
              <Bar dataKey="active" stackId="s" fill={ACTIVE} isAnimationActive={false} />
              <Bar dataKey="suspended" stackId="s" fill={SUSPENDED} isAnimationActive={false} />
            </BarChart>
          </div>
          <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: ACTIVE }} />
              {t('overview.active')}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: SUSPENDED }} />
              {t('overview.suspended')}
            </span>
          </figcaption>
        </figure>
        <Table
          summary={t('overview.table_summary')}
          caption={t('overview.by_type')}
          head={[t('overview.col_type'), t('overview.active'), t('overview.suspended'), t('overview.col_total')]}
          rows={types.map((b) => [b.label, num(b.active), num(b.suspended), num(b.active + b.suspended)])}
        />
      </section>
      {weekly('businesses')}
      {weekly('reviews')}
    </>
  );
}
