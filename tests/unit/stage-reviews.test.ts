/**
 * The map's per-stage review line in words (components/journeys/stage-reviews.ts): numbers the
 * Indonesian way in both languages (en-ID writes 2,8 too), plurals, the small-sample wording, and where its links lead.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_SAMPLE, stageReviewLine, stageReviewText } from '@/components/journeys/stage-reviews';
import { i18nFor } from '@/lib/i18n/instance';

const journey = '0b5e1c00-0000-4000-8000-000000000201';
const stage = '0b5e1c00-0000-4000-8000-000000000301';
const tFor = (l: 'id' | 'en') => i18nFor(l).getFixedT(l, 'map');

describe('the stage review line', () => {
  it('writes a solid sample with the average in bold, in Indonesian and English (id-ID numbers in both)', () => {
    const id = stageReviewLine(tFor('id'), 'id', journey, stage, { count: 1234, averageStars: 2.8333 }, { canAsk: true });
    expect(id).toEqual({
      kind: 'reviews',
      count: '1.234 ulasan',
      average: '2,8',
      averageLabel: 'rata-rata bintang',
      strong: true,
      href: `/reviews?journey=${journey}&stage=${stage}#inbox`,
    });
    const en = stageReviewLine(tFor('en'), 'en', journey, stage, { count: 18, averageStars: 4.25 }, { canAsk: true });
    expect(en).toMatchObject({ count: '18 reviews', average: '4,3', strong: true });
    expect(stageReviewText(tFor('id'), 'id', { count: 18, averageStars: 2.8333 })).toBe('18 ulasan · ★ 2,8');
    expect(stageReviewText(tFor('en'), 'en', { count: 18, averageStars: 3 })).toBe('18 reviews · ★ 3,0');
  });

  it('says "baru N ulasan" below the small sample and does not make the average bold', () => {
    expect(SMALL_SAMPLE).toBe(5);
    expect(stageReviewLine(tFor('id'), 'id', journey, stage, { count: 4, averageStars: 5 }, { canAsk: true })).toMatchObject({ count: 'baru 4 ulasan', average: '5,0', strong: false });
    expect(stageReviewLine(tFor('id'), 'id', journey, stage, { count: 5, averageStars: 5 }, { canAsk: true })).toMatchObject({ count: '5 ulasan', strong: true });
    expect(stageReviewText(tFor('en'), 'en', { count: 1, averageStars: 2 })).toBe('only 1 review so far · ★ 2,0');
    expect(stageReviewText(tFor('en'), 'en', { count: 3, averageStars: 2 })).toBe('only 3 reviews so far · ★ 2,0');
    expect(stageReviewText(tFor('id'), 'id', { count: 1, averageStars: 2 })).toBe('baru 1 ulasan · ★ 2,0');
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
});
