/**
 * Money, numbers, dates and times the Indonesian way: Rupiah via Intl with id-ID, and every
 * date in the business's time zone (WIB by default).
 */
import { defaultTimeZone, type TimeZone } from '../shared/time-zones';
import { intlLocale, type Locale } from './settings';

export { defaultTimeZone, timeZones, type TimeZone } from '../shared/time-zones';

/** The short Indonesian name of a zone: WIB, WITA or WIT. */
export function zoneAbbreviation(tz: TimeZone): 'WIB' | 'WITA' | 'WIT' {
  return tz === 'Asia/Makassar' ? 'WITA' : tz === 'Asia/Jayapura' ? 'WIT' : 'WIB';
}

export function formatRupiah(amount: number, locale: Locale = 'id'): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatNumber(value: number, locale: Locale = 'id', opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(locale), opts).format(value);
}

export function formatDate(date: Date, locale: Locale = 'id', tz: TimeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: tz }).format(date);
}

/** "23 November 2026 pukul 16.05 WIB": the zone is named, so staff in other zones are not misled. */
export function formatDateTime(date: Date, locale: Locale = 'id', tz: TimeZone = defaultTimeZone): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: tz,
  }).format(date);
  return `${text} ${zoneAbbreviation(tz)}`;
}

/** "5 menit lagi" / "in 5 minutes": for retry times and expiries. */
export function formatRelative(target: Date, locale: Locale = 'id', now: Date = new Date()): string {
  const seconds = Math.round((target.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}
