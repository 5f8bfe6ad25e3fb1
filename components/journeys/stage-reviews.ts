/**
 * A stage's review figures in words, for the owner's map (as links) and its print view (as plain
 * text). Built on the server, so the map editor's client code only lays out ready text.
 * Never for a share link's view: it shows the map, not the business's review figures.
 */
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';
import { inboxHref } from '@/lib/reviews/inbox-query';
import type { StageReviews } from '@/lib/reviews/stage-summary';
import type { StageReviewLine } from './map/StageReviews';

/** Under this many reviews an average is an anecdote: shown, but not in bold, and "baru 3 ulasan". */
export const SMALL_SAMPLE = 5;

type T = (key: string, opts?: Record<string, unknown>) => string;

/** "2,8" in Indonesian, "2.8" in English: one decimal. */
export function formatAverage(stars: number, locale: Locale): string {
  return formatNumber(stars, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "18 ulasan", or "baru 3 ulasan" under the small sample ("only 3 reviews so far"). */
function countText(t: T, locale: Locale, count: number): string {
  const opts = { count, n: formatNumber(count, locale) };
  return count >= SMALL_SAMPLE ? t('map:reviews.count', opts) : t('map:reviews.few', opts);
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
  return {
    kind: 'reviews',
    count: countText(t, locale, summary.count),
    average: formatAverage(summary.averageStars, locale),
    averageLabel: t('map:reviews.average'),
    strong,
    href: inboxHref({ journey: journeyId, stage: stageId, status: 'inbox', comment: false }),
  };
}

/** The same line as plain text, for paper: "18 ulasan · ★ 2,8" or "Belum ada ulasan". */
export function stageReviewText(t: T, locale: Locale, summary: StageReviews | undefined): string {
  if (!summary || summary.count === 0) return t('map:reviews.none');
  return `${countText(t, locale, summary.count)} · ★ ${formatAverage(summary.averageStars, locale)}`;
}
