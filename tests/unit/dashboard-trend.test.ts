/**
 * The trend's buckets (issue 10, item 4): which bucket a period gets, where ISO weeks and months
 * start, gap filling with zero buckets, partial buckets at the ends, and the bound on their number.
 */
import { describe, expect, it } from 'vitest';
import { formatDay, pointLabel, tickLabel } from '@/components/dashboard/trend/format';
import { bucketFor, bucketStart, bucketStarts, fillTrend, MAX_BUCKETS, nextBucket } from '@/lib/dashboard/trend';

describe('bucketFor', () => {
  it('days up to 31 days, weeks up to about six months, months beyond', () => {
    expect(bucketFor(1)).toBe('day');
    expect(bucketFor(7)).toBe('day');
    expect(bucketFor(30)).toBe('day');
    expect(bucketFor(31)).toBe('day');
    expect(bucketFor(32)).toBe('week');
    expect(bucketFor(90)).toBe('week');
    expect(bucketFor(184)).toBe('week');
    expect(bucketFor(185)).toBe('month');
    expect(bucketFor(365)).toBe('month');
  });
});

describe('bucketStart / nextBucket', () => {
  it('weeks start on Monday (ISO), Sunday belongs to the week before', () => {
    expect(bucketStart('2026-03-02', 'week')).toBe('2026-03-02'); // Monday
    expect(bucketStart('2026-03-04', 'week')).toBe('2026-03-02'); // Wednesday
    expect(bucketStart('2026-03-08', 'week')).toBe('2026-03-02'); // Sunday
    expect(bucketStart('2026-03-09', 'week')).toBe('2026-03-09');
    // Across a year end: Thursday 1 January 2026 is in the week of Monday 29 December 2025.
    expect(bucketStart('2026-01-01', 'week')).toBe('2025-12-29');
  });

  it('months start on the 1st; next month handles month lengths and year ends', () => {
    expect(bucketStart('2026-02-28', 'month')).toBe('2026-02-01');
    expect(nextBucket('2026-01-01', 'month')).toBe('2026-02-01');
    expect(nextBucket('2025-12-01', 'month')).toBe('2026-01-01');
    expect(nextBucket('2024-02-01', 'month')).toBe('2024-03-01');
    expect(nextBucket('2026-03-31', 'day')).toBe('2026-04-01');
    expect(nextBucket('2025-12-29', 'week')).toBe('2026-01-05');
  });

  it('bucketStarts lists every bucket from the one holding `from` to the one holding `to`', () => {
    expect(bucketStarts('2026-03-30', '2026-04-02', 'day')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(bucketStarts('2026-03-04', '2026-03-16', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketStarts('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(bucketStarts('2024-02-29', '2024-02-29', 'day')).toEqual(['2024-02-29']);
  });
});

describe('fillTrend', () => {
  it('fills the gaps with zero buckets that have no average', () => {
    const { points, clipped } = fillTrend(
      [
        { bucket: '2026-03-01', stars: [0, 0, 1, 1, 0] },
        { bucket: '2026-03-03', stars: [1, 0, 0, 0, 0] },
      ],
      '2026-03-01',
      '2026-03-04',
      'day',
    );
    expect(clipped).toBe(false);
    expect(points.map((p) => [p.bucket, p.reviews, p.averageStars.value])).toEqual([
      ['2026-03-01', 2, 3.5],
      ['2026-03-02', 0, null],
      ['2026-03-03', 1, 1],
      ['2026-03-04', 0, null],
    ]);
    expect(points[1]!.stars).toEqual([0, 0, 0, 0, 0]);
    expect(points.every((p) => !p.partial && p.start === p.bucket && p.end === p.bucket)).toBe(true);
  });

  it('marks a bucket with few reviews: no bold figure below the minimum sample', () => {
    const { points } = fillTrend([{ bucket: '2026-03-02', stars: [0, 0, 2, 3, 4] }, { bucket: '2026-03-09', stars: [2, 2, 2, 2, 2] }], '2026-03-02', '2026-03-15', 'week');
    expect(points[0]!.averageStars).toMatchObject({ n: 9, enough: false, moreNeeded: 1 });
    expect(points[1]!.averageStars).toMatchObject({ n: 10, value: 3, enough: true, moreNeeded: 0 });
    expect(points[1]!.averageStars.low).toBeLessThan(3);
  });

  it('clamps partial first and last buckets to the period', () => {
    const { points } = fillTrend([], '2026-03-04', '2026-03-10', 'week');
    expect(points).toEqual([
      expect.objectContaining({ bucket: '2026-03-02', start: '2026-03-04', end: '2026-03-08', partial: true, reviews: 0 }),
      expect.objectContaining({ bucket: '2026-03-09', start: '2026-03-09', end: '2026-03-10', partial: true }),
    ]);
    const months = fillTrend([], '2026-01-01', '2026-02-28', 'month').points;
    expect(months.map((p) => [p.start, p.end, p.partial])).toEqual([
      ['2026-01-01', '2026-01-31', false],
      ['2026-02-01', '2026-02-28', false],
    ]);
  });

  it('ignores rows outside the period’s buckets and keeps at most MAX_BUCKETS, the newest', () => {
    const { points } = fillTrend([{ bucket: '2020-01-01', stars: [5, 0, 0, 0, 0] }], '2026-03-01', '2026-03-02', 'day');
    expect(points.map((p) => p.reviews)).toEqual([0, 0]);
    const long = fillTrend([{ bucket: '2026-03-01', stars: [0, 0, 0, 0, 1] }], '1900-01-01', '2026-03-31', 'month');
    expect(long.clipped).toBe(true);
    expect(long.points).toHaveLength(MAX_BUCKETS);
    expect(long.points.at(-1)).toMatchObject({ bucket: '2026-03-01', reviews: 1 });
    expect(long.points[0]!.bucket).toBe('1992-12-01');
    expect(fillTrend([], '2026-01-01', '2026-01-10', 'day', 3).points.map((p) => p.bucket)).toEqual(['2026-01-08', '2026-01-09', '2026-01-10']);
  });
});

describe('trend labels', () => {
  it('name the local days in id-ID and en, with plain spaces (the server’s and the browser’s ICU differ)', () => {
    const tz = 'Asia/Jayapura' as const;
    expect(pointLabel({ start: '2026-03-10', end: '2026-03-10' }, 'day', 'id', tz)).toBe('10 Maret 2026');
    expect(pointLabel({ start: '2026-03-09', end: '2026-03-15' }, 'week', 'id', tz)).toBe('9–15 Mar 2026');
    expect(pointLabel({ start: '2026-08-31', end: '2026-09-06' }, 'week', 'id', tz)).toBe('31 Agu – 6 Sep 2026');
    expect(pointLabel({ start: '2025-12-29', end: '2026-01-04' }, 'week', 'en', tz)).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(pointLabel({ start: '2026-03-01', end: '2026-03-31' }, 'month', 'id', tz)).toBe('Maret 2026');
    expect(pointLabel({ start: '2026-03-04', end: '2026-03-31' }, 'month', 'en', tz)).toBe('4–31 Mar 2026');
    expect(tickLabel('2026-03-01', 'month', 'en', tz)).toBe('Mar 2026');
    expect(tickLabel('2026-03-09', 'week', 'id', tz)).toBe('9 Mar');
    expect(formatDay('2026-12-31', 'en', 'Asia/Jakarta')).toBe('31 December 2026');
  });
});
