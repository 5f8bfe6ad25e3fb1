/**
 * The stage dashboard's figures in words and numbers (id-ID or en, through lib/i18n/format), shared
 * by the page, its print view and the chart. Pure: `t` of the `dashboard` namespace comes in.
 */
import type { Comparison, Estimate } from '@/lib/dashboard/stats';
import { formatDate, formatNumber, type TimeZone } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';

export type T = (key: string, opts?: Record<string, unknown>) => string;

/** "2,8": average stars, one decimal. */
export const fmtStars = (v: number, locale: Locale) => formatNumber(v, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** "35%": a share or CSAT given in % (0…100). */
export const fmtPct = (v: number, locale: Locale) => formatNumber(v / 100, locale, { style: 'percent', maximumFractionDigits: 0 });
/** "+30" / "-12": NPS, whole points with a sign. */
export const fmtNps = (v: number, locale: Locale) => formatNumber(Math.round(v), locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
/** "+1,2" / "-0,4": the emotion scale −2…+2. */
export const fmtEmotion = (v: number, locale: Locale) => formatNumber(v, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
/** "+2" / "-1": the emotion the owner drew (whole steps). */
export const fmtDesigned = (v: number, locale: Locale) => formatNumber(v, locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
export const fmtCount = (v: number, locale: Locale) => formatNumber(v, locale);

export type Kind = 'stars' | 'csat' | 'nps' | 'emotion';

export function fmtValue(kind: Kind, v: number, locale: Locale): string {
  if (kind === 'stars') return fmtStars(v, locale);
  if (kind === 'csat') return fmtPct(v, locale);
  if (kind === 'nps') return fmtNps(v, locale);
  return fmtEmotion(v, locale);
}

/** "2,6–3,0", or null without an interval. */
export function intervalText(t: T, kind: Kind, e: Estimate, locale: Locale): string | null {
  if (e.low === null || e.high === null) return null;
  return t('dashboard:figures.interval_range', { low: fmtValue(kind, e.low, locale), high: fmtValue(kind, e.high, locale) });
}

/** "naik 0,4" / "turun 12 poin" / "belum bisa dipastikan", with its arrow and tone (never colour alone). */
export function changeText(t: T, kind: 'stars' | 'csat' | 'nps', c: Comparison, locale: Locale): { text: string; arrow: string; tone: 'up' | 'down' | 'uncertain' } {
  if (c.direction === 'uncertain' || c.difference === null) return { text: t('dashboard:change.uncertain'), arrow: '≈', tone: 'uncertain' };
  const size = Math.abs(c.difference);
  const amount = kind === 'stars' ? fmtStars(size, locale) : t('dashboard:change.points', { n: formatNumber(Math.round(size), locale), count: Math.round(size) });
  return c.direction === 'up' ? { text: t('dashboard:change.up', { amount }), arrow: '↑', tone: 'up' } : { text: t('dashboard:change.down', { amount }), arrow: '↓', tone: 'down' };
}

/** A local day ("2026-11-29") as the business reads it: "29 November 2026". */
export function fmtDay(day: string, locale: Locale, tz: TimeZone): string {
  // Noon UTC is the same calendar day in WIB, WITA and WIT.
  return formatDate(new Date(`${day}T12:00:00Z`), locale, tz);
}

/** The margin of an interval, half its width: "± 0,4". */
export function margin(e: Estimate): number | null {
  return e.low === null || e.high === null ? null : (e.high - e.low) / 2;
}

/** The plain subtitle of a marketing stage name ("Kesadaran" → "mulai kenal"), from the glossary. */
export const plainStageKeys = ['awareness', 'consideration', 'retention', 'advocacy'] as const;

export function stageTitle(t: T, name: string | null, key: string | null | undefined): { name: string; plain: string | null } {
  if (name === null) return { name: t('dashboard:stage.removed'), plain: null };
  return { name, plain: key && (plainStageKeys as readonly string[]).includes(key) ? t(`dashboard:stage.plain.${key}`) : null };
}
