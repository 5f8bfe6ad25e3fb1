/**
 * The map's per-stage review line in words (components/journeys/stage-reviews.ts): numbers the
 * Indonesian way in both languages (en-ID writes 2,8 too), plurals, the small-sample wording, and where its links lead
 * (the figures to the stage's dashboard, a second link to its inbox).
 */
import { describe, expect, it } from 'vitest';
import { formatEmotion, measuredEmotionLine, measuredEmotionText, SMALL_SAMPLE, stageDashboardHref, stageReviewLine, stageReviewText } from '@/components/journeys/stage-reviews';
import type { StarCounts } from '@/lib/dashboard/stats';
import { i18nFor } from '@/lib/i18n/instance';
import type { StageReviews } from '@/lib/reviews/stage-summary';

const journey = '0b5e1c00-0000-4000-8000-000000000201';
const stage = '0b5e1c00-0000-4000-8000-000000000301';
const tFor = (l: 'id' | 'en') => i18nFor(l).getFixedT(l, 'map');

/** A stage's summary as lib/reviews/stage-summary.ts gives it, from its star counts. */
function from(stars: StarCounts, designedEmotion: number | null = null): StageReviews {
  const count = stars.reduce((a, k) => a + k, 0);
  return { count, averageStars: stars.reduce((a, k, i) => a + k * (i + 1), 0) / count, stars, designedEmotion };
}

describe('the stage review line', () => {
  it('writes a solid sample with the average in bold, in Indonesian and English (id-ID numbers in both)', () => {
    const id = stageReviewLine(tFor('id'), 'id', journey, stage, from([300, 200, 300, 234, 200], 2), { canAsk: true });
    expect(id).toEqual({
      kind: 'reviews',
      count: '1.234 ulasan',
      average: '2,9',
      label: '1.234 ulasan, rata-rata bintang 2,9: buka dasbor tahap ini',
      strong: true,
      // The figures lead to the stage's dashboard over all time (the map counts every review), the inbox beside them.
      href: `/dashboard/stages?journey=${journey}&stage=${stage}&range=all`,
      inbox: { label: 'Baca ulasan tahap ini', href: `/reviews?journey=${journey}&stage=${stage}#inbox` },
      measured: expect.objectContaining({ label: 'Emosi nyata dari ulasan', designed: 'rancangan Anda: +2' }),
    });
    const en = stageReviewLine(tFor('en'), 'en', journey, stage, from([0, 0, 2, 8, 8]), { canAsk: true });
    expect(en).toMatchObject({
      count: '18 reviews',
      average: '4,3',
      label: "18 reviews, average stars 4,3: open this stage's dashboard",
      strong: true,
      href: stageDashboardHref(journey, stage),
      inbox: { label: "Read this stage's reviews", href: `/reviews?journey=${journey}&stage=${stage}#inbox` },
    });
    expect(stageDashboardHref(journey, stage)).toBe(`/dashboard/stages?journey=${journey}&stage=${stage}&range=all`);
    expect(stageReviewText(tFor('id'), 'id', from([3, 5, 4, 4, 2]))).toBe('18 ulasan · ★ 2,8');
    expect(stageReviewText(tFor('en'), 'en', from([0, 0, 18, 0, 0]))).toBe('18 reviews · ★ 3,0');
  });

  it('says "baru N ulasan" below the small sample and does not make the average bold', () => {
    expect(SMALL_SAMPLE).toBe(5);
    expect(stageReviewLine(tFor('id'), 'id', journey, stage, from([0, 0, 0, 0, 4]), { canAsk: true })).toMatchObject({ count: 'baru 4 ulasan', average: '5,0', strong: false });
    expect(stageReviewLine(tFor('id'), 'id', journey, stage, from([0, 0, 0, 0, 5]), { canAsk: true })).toMatchObject({ count: '5 ulasan', strong: true });
    expect(stageReviewText(tFor('en'), 'en', from([0, 1, 0, 0, 0]))).toBe('only 1 review so far · ★ 2,0');
    expect(stageReviewText(tFor('en'), 'en', from([0, 3, 0, 0, 0]))).toBe('only 3 reviews so far · ★ 2,0');
    expect(stageReviewText(tFor('id'), 'id', from([0, 1, 0, 0, 0]))).toBe('baru 1 ulasan · ★ 2,0');
  });

  it('offers a review link for a stage with none, only to members who may make one', () => {
    expect(stageReviewLine(tFor('id'), 'id', journey, stage, undefined, { canAsk: true })).toEqual({
      kind: 'none',
      text: 'Belum ada ulasan',
      ask: { label: 'Buat tautan ulasan untuk tahap ini', href: `/reviews/links/new?journey=${journey}&stage=${stage}` },
    });
    expect(stageReviewLine(tFor('en'), 'en', journey, stage, undefined, { canAsk: false })).toEqual({ kind: 'none', text: 'No reviews yet', ask: null });
    expect(stageReviewText(tFor('en'), 'en', undefined)).toBe('No reviews yet');
  });

  it('puts the measured emotion (stars − 3, 95 % interval) beside the designed one, honest below the minimum sample', () => {
    // 18 reviews, mean 51/18 = 2,83 stars → −0,17; t-interval −0,81 … +0,48 → "±0,6".
    expect(measuredEmotionLine(tFor('id'), 'id', from([3, 5, 4, 4, 2], 2))).toEqual({
      label: 'Emosi nyata dari ulasan',
      text: '−0,2 (±0,6)',
      designed: 'rancangan Anda: +2',
      point: { value: expect.closeTo(-0.1667, 3), low: expect.closeTo(-0.8106, 3), high: expect.closeTo(0.4773, 3) },
    });
    expect(measuredEmotionText(tFor('en'), 'en', from([3, 5, 4, 4, 2], null))).toBe('−0,2 (±0,6) · your design: not set');
    // Clipped at +2 the interval is lopsided: written as a range.
    expect(measuredEmotionLine(tFor('id'), 'id', from([0, 0, 0, 1, 11], 0)).text).toBe('+1,9 (+1,7 sampai +2,0)');
    // Nine reviews: no figure and no point, but how many more are needed.
    const few = measuredEmotionLine(tFor('id'), 'id', from([9, 0, 0, 0, 0], -1));
    expect(few).toEqual({ label: 'Emosi nyata dari ulasan', text: 'ulasan belum cukup — perlu sekitar 1 lagi', designed: 'rancangan Anda: −1', point: null });
    expect(measuredEmotionText(tFor('en'), 'en', from([0, 0, 4, 0, 0]))).toBe('not enough reviews yet — about 6 more needed · your design: not set');
    expect(measuredEmotionText(tFor('id'), 'id', undefined)).toBe('—');
    expect([formatEmotion(-0.04, 'id'), formatEmotion(-1.25, 'id'), formatEmotion(2, 'en')]).toEqual(['0,0', '−1,3', '+2,0']);
  });
});
