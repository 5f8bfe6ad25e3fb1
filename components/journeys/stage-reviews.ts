/**
 * A stage's review figures in words, for the owner's map (as links) and its print view (as plain
 * text). Built on the server, so the map editor's client code only lays out ready text.
 * Never for a share link's view: it shows the map, not the business's review figures.
 */
import { measuredEmotion } from '@/lib/dashboard/stats';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';
import { inboxHref } from '@/lib/reviews/inbox-query';
import type { StageReviews } from '@/lib/reviews/stage-summary';
import type { MeasuredEmotionLine, StageReviewLine } from './map/StageReviews';

/** Under this many reviews an average is an anecdote: shown, but not in bold, and "baru 3 ulasan". */
export const SMALL_SAMPLE = 5;

type T = (key: string, opts?: Record<string, unknown>) => string;

/** "2,8" in Indonesian, "2.8" in English: one decimal. */
export function formatAverage(stars: number, locale: Locale): string {
  return formatNumber(stars, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A point on the map's −2…+2 scale with its sign and a true minus: "−0,8", "+1,2", "0,0" (a designed score: "+2"). */
export function formatEmotion(value: number, locale: Locale, digits = 1): string {
  return formatNumber(value, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).replace('-', '−');
}

/** "18 ulasan", or "baru 3 ulasan" under the small sample ("only 3 reviews so far"). */
function countText(t: T, locale: Locale, count: number): string {
  const opts = { count, n: formatNumber(count, locale) };
  return count >= SMALL_SAMPLE ? t('map:reviews.count', opts) : t('map:reviews.few', opts);
}

/** An interval clipped at the scale's ends is lopsided: then it is written as a range, not "±". */
const lopsided = (value: number, low: number, high: number) => Math.abs(high - value - (value - low)) > 0.05;

/**
 * The measured emotion (stars − 3, averaged, with its 95 % interval) beside the designed one:
 * "Emosi nyata dari ulasan" "−0,8 (±0,3)" and "rancangan Anda: +2"; under MIN_SAMPLE reviews no
 * figure at all (and no point on the chart): "ulasan belum cukup — perlu sekitar 6 lagi".
 */
export function measuredEmotionLine(t: T, locale: Locale, summary: StageReviews): MeasuredEmotionLine {
  const e = measuredEmotion(summary.stars);
  const label = t('map:measured.label');
  const designed = summary.designedEmotion === null ? t('map:measured.designed_none') : t('map:measured.designed', { value: formatEmotion(summary.designedEmotion, locale, 0) });
  if (!e.enough || e.value === null || e.low === null || e.high === null) {
    return { label, text: t('map:measured.few', { n: formatNumber(e.moreNeeded, locale), count: e.moreNeeded }), designed, point: null };
  }
  const value = formatEmotion(e.value, locale);
  const text =
    lopsided(e.value, e.low, e.high)
      ? t('map:measured.range', { value, low: formatEmotion(e.low, locale), high: formatEmotion(e.high, locale) })
      : t('map:measured.value', { value, half: formatNumber((e.high - e.low) / 2, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  return { label, text, designed, point: { value: e.value, low: e.low, high: e.high } };
}

/** The line for one stage of the owner's map (`t` of any namespace: the keys name theirs). */
export function stageReviewLine(
  t: T,
  locale: Locale,
  journeyId: string,
  stageId: string,
  summary: StageReviews | undefined,
  opts: { canAsk: boolean },
): StageReviewLine {
  if (!summary || summary.count === 0) {
    return {
      kind: 'none',
      text: t('map:reviews.none'),
      ask: opts.canAsk ? { label: t('map:reviews.ask'), href: `/reviews/links/new?${new URLSearchParams({ journey: journeyId, stage: stageId })}` } : null,
    };
  }
  const strong = summary.count >= SMALL_SAMPLE;
  const count = countText(t, locale, summary.count);
  const average = formatAverage(summary.averageStars, locale);
  return {
    kind: 'reviews',
    count,
    average,
    label: t('map:reviews.figures_label', { reviews: count, average }),
    strong,
    href: stageDashboardHref(journeyId, stageId),
    inbox: { label: t('map:reviews.inbox'), href: inboxHref({ journey: journeyId, stage: stageId, status: 'inbox', comment: false }) },
    measured: measuredEmotionLine(t, locale, summary),
  };
}

/**
 * The stage's own dashboard, over all time: the map's figures count every review ever given (spam
 * aside), so the dashboard opens on the same period ("Sejak awal") and shows the same count.
 */
export function stageDashboardHref(journeyId: string, stageId: string): string {
  return `/dashboard/stages?${new URLSearchParams({ journey: journeyId, stage: stageId, range: 'all' })}`;
}

/** The same line as plain text, for paper: "18 ulasan · ★ 2,8" or "Belum ada ulasan". */
export function stageReviewText(t: T, locale: Locale, summary: StageReviews | undefined): string {
  if (!summary || summary.count === 0) return t('map:reviews.none');
  return `${countText(t, locale, summary.count)} · ★ ${formatAverage(summary.averageStars, locale)}`;
}

/** The measured emotion as plain text, for paper: "−0,8 (±0,3) · rancangan Anda: +2", or "—" without reviews. */
export function measuredEmotionText(t: T, locale: Locale, summary: StageReviews | undefined): string {
  if (!summary || summary.count === 0) return '—';
  const m = measuredEmotionLine(t, locale, summary);
  return `${m.text} · ${m.designed}`;
}
