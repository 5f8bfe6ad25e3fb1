/**
 * How the funnel writes months and rates in the UI language (Intl with id-ID or en-ID, like
 * lib/i18n/format.ts): "November 2026", "Okt–Nov 2026", "25,5%". Pure: server and browser alike.
 */
import { formatNumber } from '@/lib/i18n/format';
import { intlLocale, type Locale } from '@/lib/i18n/settings';

const firstDay = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** "2026-11" → "November 2026" (en: "November 2026"). */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(firstDay(month));
}

/** A run of months: "November 2026", or "Oktober 2026 – November 2026". */
export function formatMonthRange(from: string, to: string, locale: Locale): string {
  if (from === to) return formatMonth(from, locale);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(firstDay(from), firstDay(to));
}

/** A list of months, runs of consecutive ones joined: "Sep 2026, Nov 2026 – Des 2026". */
export function formatMonthList(months: string[], locale: Locale): string {
  const short = (m: string) => new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(firstDay(m));
  const next = (m: string) => {
    const d = firstDay(m);
    d.setUTCMonth(d.getUTCMonth() + 1);
    return d.toISOString().slice(0, 7);
  };
  const runs: [string, string][] = [];
  for (const m of [...months].sort()) {
    const last = runs[runs.length - 1];
    if (last && next(last[1]) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? short(a) : `${short(a)} – ${short(b)}`)).join(', ');
}

/** A share as a percentage: 0.255 → "25,5%" (one decimal below 100 %, none from there up). */
export function formatRate(rate: number, locale: Locale): string {
  return formatNumber(rate, locale, { style: 'percent', maximumFractionDigits: rate < 1 ? 1 : 0, minimumFractionDigits: 0 });
}
