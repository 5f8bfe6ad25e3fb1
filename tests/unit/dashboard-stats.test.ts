/**
 * The dashboards' maths (issue 10, "Honest uncertainty"): CSAT with Wilson, NPS with its variance
 * formula and skipped answers left out, average stars with a t interval, measured emotion, the
 * minimum-sample rule and period changes that are called changes only when the intervals say so.
 */
import { describe, expect, it } from 'vitest';
import {
  averageStars,
  compareAverageStars,
  compareCsat,
  compareNps,
  csat,
  measuredEmotion,
  MIN_SAMPLE,
  nps,
  sentiment,
  type StarCounts,
  t95,
  wilson,
} from '@/lib/dashboard/stats';

const none: StarCounts = [0, 0, 0, 0, 0];
const npsOf = (promoters: number, passives: number, detractors: number, skipped = 0) => ({ promoters, passives, detractors, skipped });

describe('no reviews', () => {
  it('has no figure, no interval, and needs the whole minimum sample', () => {
    for (const e of [csat(none), averageStars(none), measuredEmotion(none), nps(npsOf(0, 0, 0))]) {
      expect(e).toMatchObject({ n: 0, value: null, low: null, high: null, enough: false, moreNeeded: MIN_SAMPLE });
    }
    expect(sentiment(none)).toMatchObject({ n: 0, positiveShare: null, neutralShare: null, negativeShare: null });
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('one review', () => {
  it('gives the value, a wide honest CSAT interval, no stars interval, and 9 more needed', () => {
    const one: StarCounts = [0, 0, 0, 1, 0];
    const c = csat(one);
    expect(c.value).toBe(100);
    // Wilson for 1/1: low = 1/(1 + z²) = 1/4.8415 = 20.65 %.
    expect(c.low).toBeCloseTo(20.65, 1);
    expect(c.high).toBe(100);
    expect(c).toMatchObject({ n: 1, enough: false, moreNeeded: 9 });
    expect(averageStars(one)).toMatchObject({ n: 1, value: 4, low: null, high: null });
    expect(measuredEmotion(one).value).toBe(1);
  });
});

describe('CSAT (Wilson)', () => {
  it('matches a textbook value: 15 of 20', () => {
    // Computed by hand: p = .75, z² = 3.8415; centre = (.75 + 3.8415/40)/(1 + 3.8415/20) = .70972;
    // half = 1.96·√(.75·.25/20 + 3.8415/1600)/1.19208 = 1.96·.108518/1.19208 = .17842
    // → 53.13 % … 88.81 % (the usual published Wilson interval for 15/20: 0.531–0.888).
    const c = csat([1, 1, 3, 5, 10]);
    expect(c.value).toBe(75);
    expect(c.low).toBeCloseTo(53.13, 1);
    expect(c.high).toBeCloseTo(88.81, 1);
    expect(c.enough).toBe(true);
    expect(c.moreNeeded).toBe(0);
  });

  it('all 5 stars: 100 % with the upper bound clipped to 100', () => {
    const c = csat([0, 0, 0, 0, 12]);
    expect(c.value).toBe(100);
    expect(c.high).toBe(100);
    expect(c.low!).toBeGreaterThan(70);
    expect(c.low!).toBeLessThan(100);
  });
});

describe('NPS', () => {
  it('matches the domain example: n = 20, 50 % promoters, 20 % detractors → +30 ± 34', () => {
    const e = nps(npsOf(10, 6, 4));
    expect(e.value).toBeCloseTo(30, 10);
    // variance per answer = .5 + .2 − .3² = .61; 1.96·100·√(.61/20) = 34.23.
    expect(e.high! - e.value!).toBeCloseTo(34.23, 1);
    expect(e.value! - e.low!).toBeCloseTo(34.23, 1);
  });

  it('leaves skipped answers out of the denominator (never counted as 0)', () => {
    const e = nps(npsOf(10, 6, 4, 30));
    expect(e.value).toBeCloseTo(30, 10);
    expect(e.n).toBe(20);
    expect(e.skipped).toBe(30);
  });

  it('all skipped: no NPS at all, and the skipped are still counted', () => {
    expect(nps(npsOf(0, 0, 0, 7))).toMatchObject({ n: 0, value: null, low: null, high: null, skipped: 7, moreNeeded: MIN_SAMPLE });
  });

  it('all detractors: −100, bounds inside −100…100', () => {
    const e = nps(npsOf(0, 0, 15));
    expect(e.value).toBe(-100);
    expect(e.low).toBe(-100);
    expect(e.high).toBeLessThanOrEqual(100);
  });

  it('all promoters: +100, bounds clipped to ≤ 100', () => {
    const e = nps(npsOf(15, 0, 0));
    expect(e.value).toBe(100);
    expect(e.high).toBe(100);
    expect(e.low).toBeGreaterThanOrEqual(-100);
  });

  it('a near-extreme sample clips its interval at the ends of the scale', () => {
    const e = nps(npsOf(10, 0, 1));
    expect(e.high).toBe(100);
    const f = nps(npsOf(1, 0, 10));
    expect(f.low).toBe(-100);
  });
});

describe('average stars and measured emotion (Student t)', () => {
  it('uses t with n − 1 degrees of freedom', () => {
    // 2, 3, 4: mean 3, s = 1, se = 1/√3, t(2) = 4.303 → 3 ± 2.484, clipped to 1…5 → 1 … 5.
    const a = averageStars([0, 1, 1, 1, 0]);
    expect(a.value).toBe(3);
    expect(a.low).toBeCloseTo(1, 10);
    expect(a.high).toBeCloseTo(5, 10);
    // 10 × 4 and 10 × 2: mean 3, s = √(20·1/19) = 1.026, se = .2294, t(19) = 2.093 → ± .480.
    const b = averageStars([0, 10, 0, 10, 0]);
    expect(b.value).toBe(3);
    expect(b.high! - 3).toBeCloseTo(0.48, 2);
    const e = measuredEmotion([0, 10, 0, 10, 0]);
    expect(e.value).toBe(0);
    expect(e.low).toBeCloseTo(-0.48, 2);
    expect(e.high).toBeCloseTo(0.48, 2);
  });

  it('t quantiles: table and series agree with published values', () => {
    expect(t95(1)).toBe(12.706);
    expect(t95(30)).toBe(2.042);
    expect(t95(60)).toBeCloseTo(2.0003, 3);
    expect(t95(1000)).toBeCloseTo(1.9623, 3);
  });
});

describe('sentiment shares', () => {
  it('positive 4–5, neutral 3, negative 1–2', () => {
    const s = sentiment([1, 1, 2, 3, 3]);
    expect(s).toMatchObject({ n: 10, positive: 6, neutral: 2, negative: 2, positiveShare: 60, neutralShare: 20, negativeShare: 20 });
  });
});

describe('period comparison', () => {
  it('CSAT clearly up and clearly down', () => {
    const good: StarCounts = [1, 1, 2, 10, 26]; // 36/40
    const bad: StarCounts = [12, 10, 8, 6, 4]; // 10/40
    const up = compareCsat(good, bad);
    expect(up.direction).toBe('up');
    expect(up.difference).toBeCloseTo(65, 10);
    expect(up.low!).toBeGreaterThan(0);
    expect(compareCsat(bad, good).direction).toBe('down');
  });

  it('a small difference is not yet certain', () => {
    const c = compareCsat([2, 2, 2, 7, 7], [2, 2, 3, 7, 6]); // 70 % vs 65 %
    expect(c.direction).toBe('uncertain');
    expect(c.low!).toBeLessThan(0);
    expect(c.high!).toBeGreaterThan(0);
  });

  it('below the minimum sample nothing is called a change, however large', () => {
    const c = compareCsat([0, 0, 0, 0, 5], [5, 0, 0, 0, 0]);
    expect(c.direction).toBe('uncertain');
    expect(c.difference).toBe(100);
  });

  it('NPS up, down and uncertain', () => {
    expect(compareNps(npsOf(30, 5, 5), npsOf(5, 5, 30)).direction).toBe('up');
    expect(compareNps(npsOf(5, 5, 30), npsOf(30, 5, 5)).direction).toBe('down');
    expect(compareNps(npsOf(10, 6, 4), npsOf(9, 6, 5)).direction).toBe('uncertain');
    expect(compareNps(npsOf(10, 6, 4), npsOf(0, 0, 0, 9))).toMatchObject({ direction: 'uncertain', difference: null });
  });

  it('average stars up, down and uncertain', () => {
    expect(compareAverageStars([0, 0, 2, 8, 20], [10, 10, 8, 2, 0]).direction).toBe('up');
    expect(compareAverageStars([10, 10, 8, 2, 0], [0, 0, 2, 8, 20]).direction).toBe('down');
    expect(compareAverageStars([2, 2, 2, 2, 2], [2, 2, 2, 2, 3]).direction).toBe('uncertain');
  });
});
