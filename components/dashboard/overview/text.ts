/**
 * The overview's figures in words and numbers (id-ID or en, through lib/i18n/format). Pure: `t` of
 * the `overview` namespace comes in, so the page, its parts and the unit test share one wording.
 */
import type { Comparison, Estimate } from '@/lib/dashboard/stats';
import { formatDate, formatNumber, type TimeZone } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';

export type T = (key: string, opts?: Record<string, unknown>) => string;

/** "2,8": average stars, one decimal. */
export const fmtStars = (v: number, locale: Locale) => formatNumber(v, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** "35%": CSAT given in % (0…100). */
export const fmtPct = (v: number, locale: Locale) => formatNumber(v / 100, locale, { style: 'percent', maximumFractionDigits: 0 });
/** "−0,8" / "+1,2" on the map's −2…+2 scale ("+2" for a designed score), with a true minus. */
export const fmtEmotion = (v: number, locale: Locale, digits = 1) =>
  formatNumber(v, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).replace('-', '−');
export const fmtCount = (v: number, locale: Locale) => formatNumber(v, locale);

/** A local day ("2026-11-29") as the business reads it: "29 November 2026". */
export function fmtDay(day: string, locale: Locale, tz: TimeZone): string {
  // Noon UTC is the same calendar day in WIB, WITA and WIT.
  return formatDate(new Date(`${day}T12:00:00Z`), locale, tz);
}

/** "Ulasan belum cukup — perlu sekitar 6 lagi". */
export const tooFew = (t: T, e: Estimate, locale: Locale) => t('overview:figures.too_few', { n: fmtCount(e.moreNeeded, locale), count: e.moreNeeded });

/** "naik 0,4" / "turun 12 poin" / "belum bisa dipastikan (selisih +0,2)", with its arrow and tone (never colour alone). */
export function changeText(t: T, kind: 'stars' | 'csat', c: Comparison, locale: Locale): { text: string; arrow: string; tone: 'up' | 'down' | 'uncertain' } {
  const amountOf = (d: number) => {
    const size = Math.abs(d);
    return kind === 'stars' ? fmtStars(size, locale) : t('overview:change.points', { n: fmtCount(Math.round(size), locale), count: Math.round(size) });
  };
  if (c.direction === 'uncertain' || c.difference === null) {
    if (c.difference === null) return { text: t('overview:change.uncertain'), arrow: '≈', tone: 'uncertain' };
    const sign = c.difference > 0 ? '+' : c.difference < 0 ? '−' : '';
    return { text: t('overview:change.uncertain_diff', { amount: `${sign}${amountOf(c.difference)}` }), arrow: '≈', tone: 'uncertain' };
  }
  const amount = amountOf(c.difference);
  return c.direction === 'up' ? { text: t('overview:change.up', { amount }), arrow: '↑', tone: 'up' } : { text: t('overview:change.down', { amount }), arrow: '↓', tone: 'down' };
}

/** Marketing stage names get their plain subtitle (glossary): "Retensi – datang lagi". */
const plainKeys = ['awareness', 'consideration', 'retention', 'advocacy'];
export function stageLabel(t: T, name: string | null, key: string | null): string {
  if (name === null) return t('overview:stage.removed');
  return key && plainKeys.includes(key) ? `${name} – ${t(`overview:stage.plain.${key}`)}` : name;
}
