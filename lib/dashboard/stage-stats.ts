/**
 * The stage dashboard's figures (issue 10, item 1): per stage of one journey — reviews, average
 * stars, CSAT, NPS with its counts, sentiment shares, measured emotion beside the designed one — for
 * a period and the previous period of the same length, with the changes the intervals support.
 *
 * One read of the journey (with the business's time zone and today's local date), one of its
 * stages, and one grouped read of the per-day rollups (review_stage_days, kept by triggers on
 * reviews in each change's own transaction), so a business with a million reviews reads about as
 * many rows as one with ten thousand. The per-stage counts (stars 1–5, NPS groups) go to ./stats.ts.
 * Spam is never counted; every query names the tenant.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TimeZone } from '@/lib/shared/time-zones';
import { journeys, journeyStages, reviewStageDays, tenants } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { countsOf, rollupSums } from './rollup-read';
import type { TenantDb } from '../core/tenancy';
import {
  averageStars,
  compareAverageStars,
  compareCsat,
  compareNps,
  csat,
  measuredEmotion,
  nps,
  sentiment,
  type Comparison,
  type Estimate,
  type NpsCounts,
  type Sentiment,
  type StarCounts,
} from './stats';

export const rangePresets = ['7d', '30d', '90d', '12m', 'all'] as const;
export type RangePreset = (typeof rangePresets)[number];
/** Days of each preset ("12m" is the last 365 days, so the previous period has the same length). */
const presetDays: Record<Exclude<RangePreset, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90, '12m': 365 };

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'invalid_date');

/**
 * The dashboard's filters (the URL's query parameters and the CSV's). `from`/`to` are local days
 * (inclusive) in the business's time zone and win over `range`; with neither: all time.
 */
export const stageStatsFilterSchema = z
  .object({
    journey: z.uuid(),
    stage: z.uuid().optional(),
    link: z.uuid().optional(),
    touchpoint: z.string().trim().min(1).max(200).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    range: z.enum(rangePresets).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from_after_to', path: ['to'] });

export type StageStatsFilter = z.output<typeof stageStatsFilterSchema>;

export interface StageFigures {
  reviews: number;
  /** Reviews per star, 1 … 5. */
  stars: StarCounts;
  averageStars: Estimate;
  /** Stars mapped to −2…+2 (stars − 3), averaged: the measured emotion curve. */
  emotion: Estimate;
  csat: Estimate;
  nps: Estimate & { skipped: number };
  npsCounts: NpsCounts;
  sentiment: Sentiment;
}

export interface StageRow {
  stageId: string;
  /** null for a stage removed from the map (its reviews stay). */
  name: string | null;
  position: number | null;
  removed: boolean;
  /** The emotion the owner drew on the map (−2…+2), null when none or removed. */
  designedEmotion: number | null;
  current: StageFigures;
  /** The previous period of the same length; null when the period is all time. */
  previous: StageFigures | null;
  change: { averageStars: Comparison; csat: Comparison; nps: Comparison } | null;
}

/** An inclusive range of local days; `from` null = since the beginning. */
export interface Period {
  from: string | null;
  to: string;
}

export interface StageStats {
  journeyId: string;
  journeyName: string;
  timeZone: string;
  period: Period;
  previousPeriod: Period | null;
  /** The map's stages in order (with or without reviews), then removed stages that have reviews. */
  stages: StageRow[];
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The period asked for and the one before it (same number of days, ending the day before). */
export function periodsOf(f: Pick<StageStatsFilter, 'from' | 'to' | 'range'>, today: string): { period: Period; previous: Period | null } {
  let from: string | null = null;
  let to = today;
  if (f.from || f.to) {
    from = f.from ?? null;
    to = f.to ?? today;
  } else if (f.range && f.range !== 'all') {
    from = addDays(today, -(presetDays[f.range] - 1));
  }
  if (!from) return { period: { from: null, to }, previous: null };
  const days = daysBetween(from, to);
  return { period: { from, to }, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

const emptyCounts = () => ({ stars: [0, 0, 0, 0, 0] as StarCounts, npsCounts: { promoters: 0, passives: 0, detractors: 0, skipped: 0 } });
type Counts = ReturnType<typeof emptyCounts>;

function figures(c: Counts): StageFigures {
  const s = c.stars;
  return {
    reviews: s[0] + s[1] + s[2] + s[3] + s[4],
    stars: s,
    averageStars: averageStars(s),
    emotion: measuredEmotion(s),
    csat: csat(s),
    nps: nps(c.npsCounts),
    npsCounts: c.npsCounts,
    sentiment: sentiment(s),
  };
}

/**
 * A journey's name with its business's time zone and today's local date (the dashboards' periods are
 * local days). Another business's journey, or an unknown one: NotFound.
 */
export async function journeyClock(db: TenantDb, journeyId: string): Promise<{ name: string; timeZone: TimeZone; today: string }> {
  const [j] = await db.tx
    .select({
      name: journeys.name,
      timeZone: tenants.timeZone,
      today: sql<string>`to_char((now() at time zone ${tenants.timeZone}::text)::date, 'YYYY-MM-DD')`,
    })
    .from(journeys)
    .innerJoin(tenants, eq(tenants.id, journeys.tenantId))
    .where(and(eq(journeys.tenantId, db.tenantId), eq(tenants.id, db.tenantId), eq(journeys.id, journeyId)));
  if (!j) throw new NotFoundError('journey');
  return j;
}

/** The figures of every stage of one journey. Another business's journey, or an unknown one: NotFound. */
export async function stageStats(db: TenantDb, input: StageStatsFilter): Promise<StageStats> {
  const f = stageStatsFilterSchema.parse(input);
  const j = await journeyClock(db, f.journey);
  const tz = j.timeZone;
  const { period, previous } = periodsOf(f, j.today);

  const stages = await db.tx
    .select({ id: journeyStages.id, name: journeyStages.name, position: journeyStages.position, emotion: journeyStages.emotionScore })
    .from(journeyStages)
    .where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.journeyId, f.journey)))
    .orderBy(asc(journeyStages.position));

  // Rollup rows (one per stage, link, touchpoint and local day: migration 0015) instead of raw
  // reviews, so the cost follows the number of days and links, not of reviews.
  const d = reviewStageDays;
  const start = previous ? previous.from : period.from;
  const where: SQL[] = [eq(d.tenantId, db.tenantId), eq(d.journeyId, f.journey), lte(d.day, period.to)];
  if (start) where.push(gte(d.day, start));
  if (f.stage) where.push(eq(d.stageId, f.stage));
  if (f.link) where.push(eq(d.linkId, f.link));
  if (f.touchpoint) where.push(eq(d.touchpoint, f.touchpoint));
  const isCurrent = period.from ? sql`${d.day} >= ${period.from}::date` : sql`true`;
  const rows = await db.tx
    .select({
      stageId: d.stageId,
      current: sql<boolean>`${isCurrent}`.as('is_current'),
      ...rollupSums(),
    })
    .from(d)
    .where(and(...where))
    .groupBy(d.stageId, sql`is_current`);

  const counts = new Map<string, { current: Counts; previous: Counts }>();
  for (const r of rows) {
    let c = counts.get(r.stageId);
    if (!c) counts.set(r.stageId, (c = { current: emptyCounts(), previous: emptyCounts() }));
    const into = r.current ? c.current : c.previous;
    const { stars, npsCounts } = countsOf(r);
    into.stars = stars;
    into.npsCounts = npsCounts;
  }

  const row = (stageId: string, name: string | null, position: number | null, designed: number | null): StageRow => {
    const c = counts.get(stageId) ?? { current: emptyCounts(), previous: emptyCounts() };
    return {
      stageId,
      name,
      position,
      removed: name === null,
      designedEmotion: designed,
      current: figures(c.current),
      previous: previous ? figures(c.previous) : null,
      change: previous
        ? { averageStars: compareAverageStars(c.current.stars, c.previous.stars), csat: compareCsat(c.current.stars, c.previous.stars), nps: compareNps(c.current.npsCounts, c.previous.npsCounts) }
        : null,
    };
  };
  const live = new Set(stages.map((s) => s.id));
  const out = stages.filter((s) => !f.stage || s.id === f.stage).map((s) => row(s.id, s.name, s.position, s.emotion));
  const removed = [...counts.keys()]
    .filter((id) => !live.has(id))
    .map((id) => row(id, null, null, null))
    .filter((r) => r.current.reviews > 0 || (r.previous?.reviews ?? 0) > 0)
    .sort((a, b) => b.current.reviews - a.current.reviews || (a.stageId < b.stageId ? -1 : 1));
  return { journeyId: f.journey, journeyName: j.name, timeZone: tz, period, previousPeriod: previous, stages: [...out, ...removed] };
}
