/**
 * Dates of the dashboard's trend and themes, through Intl in the UI language (id-ID / en-ID) and the
 * business's time zone. The days are already local days of the business (YYYY-MM-DD); noon UTC of
 * that day is the same calendar day in WIB, WITA and WIT (UTC+7…+9), so formatting that instant in
 * the business's zone names the day it was counted on.
 */
import { intlLocale, type Locale } from '@/lib/i18n/settings';
import type { TimeZone } from '@/lib/shared/time-zones';
import type { TrendBucket, TrendPoint } from '@/lib/dashboard/trend';

const at = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * ICU versions differ in the spaces they put in dates: Node's puts thin spaces around the dash of a
 * range ("31 Agu – 6 Sep"), Chromium's plain ones. The page is rendered on the server and hydrated
 * in the browser, so the text must be the same on both: every such space becomes a plain one.
 */
const plainSpaces = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

export const asLocale = (language: string | undefined): Locale => (language === 'en' ? 'en' : 'id');

export function formatDay(day: string, locale: Locale, timeZone: TimeZone, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }): string {
  return plainSpaces(new Intl.DateTimeFormat(intlLocale(locale), { ...opts, timeZone }).format(at(day)));
}

/** The short label under the chart: "10 Mar" (day, week start) or "Mar 2026" (month). */
export function tickLabel(day: string, bucket: TrendBucket, locale: Locale, timeZone: TimeZone): string {
  return bucket === 'month' ? formatDay(day, locale, timeZone, { month: 'short', year: 'numeric' }) : formatDay(day, locale, timeZone, { day: 'numeric', month: 'short' });
}

/** The full label of a point: "10 Maret 2026", "2 – 8 Mar 2026", "Maret 2026". */
export function pointLabel(p: Pick<TrendPoint, 'start' | 'end'>, bucket: TrendBucket, locale: Locale, timeZone: TimeZone): string {
  if (bucket === 'day') return formatDay(p.start, locale, timeZone);
  if (bucket === 'month' && p.start.slice(8) === '01' && p.end === lastDayOfMonth(p.start)) {
    return formatDay(p.start, locale, timeZone, { month: 'long', year: 'numeric' });
  }
  const f = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return plainSpaces(f.formatRange(at(p.start), at(p.end)));
}

function lastDayOfMonth(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}
