/**
 * GET /api/journeys/<id>/trend.csv: the dashboard's trend as a CSV file, like the stage table
 * (./stages-csv.ts): UTF-8 with a byte-order mark, CRLF, stable snake_case column names, numbers
 * with a dot decimal and no thousands separator, true/false, and an empty cell where there is no
 * figure (a bucket without reviews has no average; one review has no interval). One row per bucket,
 * oldest first, zero buckets included; days are local days in the business's time zone.
 */
import { stringify } from 'csv-stringify/sync';
import { csvNumber } from './stages-csv';
import type { Trend } from './trend';

export const trendCsvColumns = [
  'bucket',
  'bucket_start',
  'period_from',
  'period_to',
  'partial',
  'reviews',
  'stars_1',
  'stars_2',
  'stars_3',
  'stars_4',
  'stars_5',
  'average_stars',
  'average_stars_low',
  'average_stars_high',
  'enough_reviews',
  'more_reviews_needed',
  'time_zone',
] as const;

/** The CSV text (with its BOM): one row per point of `reviewTrend`. */
export function buildTrendCsv(t: Trend): string {
  const body = t.points.map((p) => [
    t.bucket,
    p.bucket,
    p.start,
    p.end,
    String(p.partial),
    String(p.reviews),
    ...p.stars.map(String),
    csvNumber(p.averageStars.value),
    csvNumber(p.averageStars.low),
    csvNumber(p.averageStars.high),
    String(p.averageStars.enough),
    String(p.averageStars.moreNeeded),
    t.timeZone,
  ]);
  return `\uFEFF${stringify([[...trendCsvColumns], ...body], { record_delimiter: 'windows' })}`;
}

/** "tren-2026-11-29.csv": today's date in the business's time zone. */
export function trendCsvFileName(now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `tren-${day}.csv`;
}
