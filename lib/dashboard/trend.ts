/**
 * The dashboard's trend (issue 10, item 4): reviews and average stars per day, week or month of the
 * filter's period, in the business's time zone (WIB/WITA/WIT).
 *
 * Read from the per-day rollups (review_stage_days: local days, spam never counted) through
 * ./rollup-read.ts, never from raw reviews: one read of the journey (its time zone and today's local
 * date), for "all time" one read of the first local day with reviews, and one grouped read of the
 * rollups, so the cost follows the number of days, not of reviews.
 *
 * The bucket follows the period's length: up to 31 days → days; up to 184 days (about six months)
 * → ISO weeks (Monday to Sunday); longer → calendar months. Buckets without reviews are filled in
 * with zero, and at most MAX_BUCKETS are returned (the newest; `clipped` says so). A bucket at either
 * end may be partial (the period starts on a Wednesday): `start`/`end` are the days it covers inside
 * the period. Every average carries its Estimate, so a bucket with few reviews is marked as such.
 */
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { reviewStageDays } from '@/db/schema';
import type { TimeZone } from '@/lib/shared/time-zones';
import type { TenantDb } from '../core/tenancy';
import { countsOf, reviewsIn, rollupSums } from './rollup-read';
import { journeyClock, periodsOf, stageStatsFilterSchema, type Period, type StageStatsFilter } from './stage-stats';
import { averageStars, type Estimate, type StarCounts } from './stats';

export type TrendBucket = 'day' | 'week' | 'month';

/** At most this many buckets (400 days, weeks or months); the newest are kept. */
export const MAX_BUCKETS = 400;
/** Longest period drawn per day / per week. */
export const DAY_BUCKET_MAX_DAYS = 31;
export const WEEK_BUCKET_MAX_DAYS = 184;

export interface TrendPoint {
  /** The bucket's first day (Monday, or the 1st, for weeks and months), local, YYYY-MM-DD. */
  bucket: string;
  /** The days it covers inside the period (inclusive): a first or last bucket may be partial. */
  start: string;
  end: string;
  partial: boolean;
  reviews: number;
  /** Reviews per star, 1 … 5. */
  stars: StarCounts;
  /** Average stars with its interval (value null without reviews; `enough` false below MIN_SAMPLE). */
  averageStars: Estimate;
}

export interface Trend {
  journeyId: string;
  /** The filter as read (for the CSV link and the page's address). */
  filter: StageStatsFilter;
  journeyName: string;
  timeZone: TimeZone;
  /** The period drawn: for "all time" from the first day with reviews (null when there is none). */
  period: Period;
  bucket: TrendBucket;
  points: TrendPoint[];
  /** True when the period had more than MAX_BUCKETS buckets and the oldest were left out. */
  clipped: boolean;
  /** Reviews in all the points together. */
  reviews: number;
}

const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => iso(ms(day) + n * DAY);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY) + 1;

/** The bucket for a period of `days` days. */
export function bucketFor(days: number): TrendBucket {
  if (days <= DAY_BUCKET_MAX_DAYS) return 'day';
  if (days <= WEEK_BUCKET_MAX_DAYS) return 'week';
  return 'month';
}

/** The first day of the bucket a local day falls in (ISO weeks start on Monday). */
export function bucketStart(day: string, bucket: TrendBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(ms(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The first day of the next bucket. */
export function nextBucket(start: string, bucket: TrendBucket): string {
  if (bucket === 'day') return addDays(start, 1);
  if (bucket === 'week') return addDays(start, 7);
  const d = new Date(ms(start));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Every bucket start from the one holding `from` to the one holding `to`, oldest first. */
export function bucketStarts(from: string, to: string, bucket: TrendBucket): string[] {
  const out: string[] = [];
  const last = bucketStart(to, bucket);
  for (let b = bucketStart(from, bucket); b <= last; b = nextBucket(b, bucket)) out.push(b);
  return out;
}

export interface BucketCounts {
  /** The bucket's first day, as bucketStart gives it. */
  bucket: string;
  stars: StarCounts;
}

/**
 * The points of a period: one per bucket, zero where `rows` has none, the newest MAX_BUCKETS kept.
 * Rows outside the period's buckets are ignored.
 */
export function fillTrend(rows: readonly BucketCounts[], from: string, to: string, bucket: TrendBucket, max = MAX_BUCKETS): { points: TrendPoint[]; clipped: boolean } {
  const all = bucketStarts(from, to, bucket);
  const starts = all.length > max ? all.slice(all.length - max) : all;
  const byBucket = new Map(rows.map((r) => [r.bucket, r.stars]));
  const points = starts.map((b): TrendPoint => {
    const stars = byBucket.get(b) ?? ([0, 0, 0, 0, 0] as const);
    const start = b < from ? from : b;
    const naturalEnd = addDays(nextBucket(b, bucket), -1);
    const end = naturalEnd > to ? to : naturalEnd;
    return {
      bucket: b,
      start,
      end,
      partial: start !== b || end !== naturalEnd,
      reviews: stars[0] + stars[1] + stars[2] + stars[3] + stars[4],
      stars,
      averageStars: averageStars(stars),
    };
  });
  return { points, clipped: starts.length < all.length };
}

/** The trend of one journey for the filter's period. Another business's journey, or an unknown one: NotFound. */
export async function reviewTrend(db: TenantDb, input: StageStatsFilter): Promise<Trend> {
  const f = stageStatsFilterSchema.parse(input);
  const j = await journeyClock(db, f.journey);
  const { period } = periodsOf(f, j.today);

  const d = reviewStageDays;
  const where: SQL[] = [eq(d.tenantId, db.tenantId), eq(d.journeyId, f.journey)];
  if (f.stage) where.push(eq(d.stageId, f.stage));
  if (f.link) where.push(eq(d.linkId, f.link));
  if (f.touchpoint) where.push(eq(d.touchpoint, f.touchpoint));

  const base = { journeyId: f.journey, filter: f, journeyName: j.name, timeZone: j.timeZone };
  let from = period.from;
  const to = period.to;
  if (!from) {
    // All time: from the first local day with reviews (review_stage_days_day_idx: tenant, journey, day).
    const [first] = await db.tx
      .select({ day: sql<string | null>`to_char(min(${d.day}), 'YYYY-MM-DD')` })
      .from(d)
      .where(and(...where, lte(d.day, to)));
    from = first?.day ?? null;
    if (!from) return { ...base, period: { from: null, to }, bucket: 'day', points: [], clipped: false, reviews: 0 };
  }
  const bucket = bucketFor(daysBetween(from, to));
  // Drop the buckets that will be clipped before reading them.
  const starts = bucketStarts(from, to, bucket);
  if (starts.length > MAX_BUCKETS) from = starts[starts.length - MAX_BUCKETS]!;

  const key =
    bucket === 'day'
      ? sql<string>`to_char(${d.day}, 'YYYY-MM-DD')`
      : sql<string>`to_char(date_trunc(${bucket}, ${d.day}::timestamp), 'YYYY-MM-DD')`;
  const rows = await db.tx
    .select({ bucket: key.as('bucket'), ...rollupSums() })
    .from(d)
    .where(and(...where, gte(d.day, from), lte(d.day, to)))
    .groupBy(sql`bucket`);
  const filled = fillTrend(
    rows.map((r) => ({ bucket: r.bucket, stars: countsOf(r).stars })),
    from,
    to,
    bucket,
  );
  return {
    ...base,
    period: { from, to },
    bucket,
    points: filled.points,
    clipped: filled.clipped || starts.length > MAX_BUCKETS,
    reviews: rows.reduce((a, r) => a + reviewsIn(r), 0),
  };
}
