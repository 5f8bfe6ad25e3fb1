/**
 * The business-wide overview, the signed-in home (issue 10, item 8): "where am I losing customers?"
 * Every journey's reviews, average stars and CSAT for a period with the change against the period
 * before it; the best and the worst stages across all journeys; and the reviews that need attention
 * (1–2 stars with a comment, still unread).
 *
 * Figures come from the per-day rollups (review_stage_days, through ./rollup-read.ts) in one read
 * grouped by journey and stage, so a business with a million reviews reads about as many rows as
 * one with ten thousand. The attention list is a bounded read of raw reviews: the period's newest
 * ATTENTION_WINDOW rows along reviews_tenant_time_idx (tenant_id, created_at), of which the matching
 * ones are counted and the newest ATTENTION_SHOWN shown. Every query names the tenant.
 */
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeys, journeyStages, personas, reviewStageDays, reviews, tenants } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { countsOf, rollupSums } from './rollup-read';
import { periodsOf, type Period } from './stage-stats';
import { averageStars, compareAverageStars, compareCsat, csat, measuredEmotion, MIN_SAMPLE, type Comparison, type Estimate, type StarCounts } from './stats';

export const overviewRanges = ['7d', '30d', '90d', '12m'] as const;
export type OverviewRange = (typeof overviewRanges)[number];
export const DEFAULT_OVERVIEW_RANGE: OverviewRange = '30d';

/** Reviews needing attention shown on the home. */
export const ATTENTION_SHOWN = 5;
/**
 * The attention list looks at the period's newest this many reviews: a bounded read at any size
 * (on PostgreSQL with a million reviews, about 3 ms warm for 2 000 rows against about 30 ms for
 * 10 000: each row is a heap visit). A small business never reaches it in a period.
 */
export const ATTENTION_WINDOW = 2000;
/** Best and worst stages listed (each). */
export const RANKED = 3;

export interface OverviewQuery {
  range: OverviewRange;
  persona?: string;
  /** A persona id that is not a UUID: the page answers 404, like an unknown one. */
  badId: boolean;
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** The address's filter, read leniently: an unknown range is the default (30 days). */
export function readOverviewQuery(params: Params): OverviewQuery {
  const range = one(params.range);
  const persona = one(params.persona);
  return {
    range: (overviewRanges as readonly string[]).includes(range) ? (range as OverviewRange) : DEFAULT_OVERVIEW_RANGE,
    persona: persona || undefined,
    badId: persona !== '' && !isUuid(persona),
  };
}

export const overviewFilterSchema = z.object({
  range: z.enum(overviewRanges).default(DEFAULT_OVERVIEW_RANGE),
  persona: z.uuid().optional(),
});
export type OverviewFilter = z.input<typeof overviewFilterSchema>;

export interface JourneySummary {
  journeyId: string;
  name: string;
  status: 'draft' | 'active' | 'archived';
  personaId: string | null;
  personaName: string | null;
  /** Reviews in the period (spam never counted; reviews of removed stages included). */
  reviews: number;
  previousReviews: number;
  averageStars: Estimate;
  csat: Estimate;
  change: { averageStars: Comparison; csat: Comparison };
}

export interface RankedStage {
  journeyId: string;
  journeyName: string;
  stageId: string;
  stageName: string;
  stageKey: string | null;
  reviews: number;
  averageStars: Estimate;
  /** The emotion the owner drew on the map (−2…+2), null when none. */
  designedEmotion: number | null;
  /** Stars − 3, averaged, with its interval: the same axis as the designed emotion. */
  measuredEmotion: Estimate;
}

export interface AttentionReview {
  id: string;
  journeyId: string;
  journeyName: string;
  stageId: string;
  /** null for a stage removed from the map. */
  stageName: string | null;
  stars: number;
  comment: string;
  createdAt: Date;
  /** The local day it came in (the business's time zone), for the inbox's date filter. */
  day: string;
}

export interface Overview {
  range: OverviewRange;
  timeZone: string;
  period: Period & { from: string };
  previousPeriod: Period;
  /** Personas the filter offers: those with a journey (and the one asked for). */
  personas: { id: string; name: string }[];
  persona: string | null;
  /** The business's journeys (the persona's, when one is chosen), archived ones left out. */
  journeys: JourneySummary[];
  /** Reviews in the period across the listed journeys. */
  reviews: number;
  /** Stages with at least MIN_SAMPLE reviews in the period, lowest average first (ties: more reviews first). */
  worst: RankedStage[];
  /** Same, highest first; never a stage that is also among the worst. */
  best: RankedStage[];
  /** Stages with reviews in the period but too few to rank. */
  unranked: number;
  /**
   * `total` counts them among the period's newest ATTENTION_WINDOW reviews; `windowFull`: the
   * period has more reviews than that, so `total` is a floor.
   */
  attention: { total: number; windowFull: boolean; items: AttentionReview[] };
}

type Stars = [number, number, number, number, number];
const emptyStars = (): Stars => [0, 0, 0, 0, 0];
const add = (into: Stars, s: StarCounts) => {
  for (let i = 0; i < 5; i++) into[i] = into[i]! + s[i]!;
};
const sumOf = (s: StarCounts) => s[0] + s[1] + s[2] + s[3] + s[4];

/**
 * The overview of one business for a period (7, 30, 90 days or 12 months ending today, local
 * days). An unknown persona, or another business's: NotFound. `opts.attentionWindow` is for tests.
 */
export async function businessOverview(db: TenantDb, input: OverviewFilter = {}, opts: { attentionWindow?: number } = {}): Promise<Overview> {
  const f = overviewFilterSchema.parse(input);
  const t = db.tenantId;

  const [tenant] = await db.tx
    .select({ timeZone: tenants.timeZone, today: sql<string>`to_char((now() at time zone ${tenants.timeZone}::text)::date, 'YYYY-MM-DD')` })
    .from(tenants)
    .where(eq(tenants.id, t));
  if (!tenant) throw new NotFoundError('tenant');
  const { period, previous } = periodsOf({ range: f.range }, tenant.today);
  const from = period.from!;
  const prev = previous!;
  const tz = tenant.timeZone;

  const [personaRows, journeyRows, stageRows, sums] = await Promise.all([
    db.tx.select({ id: personas.id, name: personas.name }).from(personas).where(eq(personas.tenantId, t)).orderBy(asc(personas.name)),
    db.tx
      .select({ id: journeys.id, name: journeys.name, status: journeys.status, personaId: journeys.personaId })
      .from(journeys)
      .where(and(eq(journeys.tenantId, t), ne(journeys.status, 'archived')))
      .orderBy(desc(journeys.updatedAt)),
    db.tx
      .select({ id: journeyStages.id, journeyId: journeyStages.journeyId, name: journeyStages.name, key: journeyStages.stageKey, emotion: journeyStages.emotionScore })
      .from(journeyStages)
      .where(eq(journeyStages.tenantId, t))
      .orderBy(asc(journeyStages.position)),
    // One grouped read of the rollups for both periods: a row per journey, stage and period.
    db.tx
      .select({
        journeyId: reviewStageDays.journeyId,
        stageId: reviewStageDays.stageId,
        current: sql<boolean>`${reviewStageDays.day} >= ${from}::date`.as('is_current'),
        ...rollupSums(),
      })
      .from(reviewStageDays)
      .where(and(eq(reviewStageDays.tenantId, t), gte(reviewStageDays.day, prev.from!), lte(reviewStageDays.day, period.to)))
      .groupBy(reviewStageDays.journeyId, reviewStageDays.stageId, sql`is_current`),
  ]);
  if (f.persona && !personaRows.some((p) => p.id === f.persona)) throw new NotFoundError('persona');

  const personaName = new Map(personaRows.map((p) => [p.id, p.name]));
  const withJourneys = new Set(journeyRows.map((j) => j.personaId).filter((id): id is string => !!id));
  const listed = journeyRows.filter((j) => !f.persona || j.personaId === f.persona);
  const listedIds = new Set(listed.map((j) => j.id));

  // Stars per journey and per stage, current and previous period.
  const byJourney = new Map<string, { current: Stars; previous: Stars }>();
  const byStage = new Map<string, Stars>();
  for (const r of sums) {
    if (!listedIds.has(r.journeyId)) continue;
    const { stars } = countsOf(r);
    let j = byJourney.get(r.journeyId);
    if (!j) byJourney.set(r.journeyId, (j = { current: emptyStars(), previous: emptyStars() }));
    add(r.current ? j.current : j.previous, stars);
    if (r.current) {
      const s = byStage.get(r.stageId) ?? emptyStars();
      add(s, stars);
      byStage.set(r.stageId, s);
    }
  }

  const summaries: JourneySummary[] = listed.map((j) => {
    const c = byJourney.get(j.id) ?? { current: emptyStars(), previous: emptyStars() };
    return {
      journeyId: j.id,
      name: j.name,
      status: j.status,
      personaId: j.personaId,
      personaName: j.personaId ? (personaName.get(j.personaId) ?? null) : null,
      reviews: sumOf(c.current),
      previousReviews: sumOf(c.previous),
      averageStars: averageStars(c.current),
      csat: csat(c.current),
      change: { averageStars: compareAverageStars(c.current, c.previous), csat: compareCsat(c.current, c.previous) },
    };
  });

  // Live stages of the listed journeys with their period's figures; removed stages are not ranked.
  const journeyName = new Map(listed.map((j) => [j.id, j.name]));
  const staged: RankedStage[] = stageRows
    .filter((s) => listedIds.has(s.journeyId) && byStage.has(s.id))
    .map((s) => {
      const stars = byStage.get(s.id)!;
      return {
        journeyId: s.journeyId,
        journeyName: journeyName.get(s.journeyId)!,
        stageId: s.id,
        stageName: s.name,
        stageKey: s.key,
        reviews: sumOf(stars),
        averageStars: averageStars(stars),
        designedEmotion: s.emotion,
        measuredEmotion: measuredEmotion(stars),
      };
    })
    .filter((s) => s.reviews > 0);
  const ranked = staged.filter((s) => s.reviews >= MIN_SAMPLE);
  const ascending = [...ranked].sort((a, b) => a.averageStars.value! - b.averageStars.value! || b.reviews - a.reviews || (a.stageId < b.stageId ? -1 : 1));
  // With few stages, the lower half is "worst" and the upper half "best" (one stage: the worst),
  // never the same stage twice.
  const worstCount = ascending.length === 1 ? 1 : Math.min(RANKED, Math.floor(ascending.length / 2));
  const worst = ascending.slice(0, worstCount);
  const best = ascending
    .slice(worstCount)
    .reverse()
    .slice(0, Math.min(RANKED, ascending.length - worstCount));

  const attention = await attentionReviews(db, { from, to: period.to, tz, journeyIds: f.persona ? [...listedIds] : null, window: opts.attentionWindow ?? ATTENTION_WINDOW });
  const stageName = new Map(stageRows.map((s) => [s.id, s.name]));

  return {
    range: f.range,
    timeZone: tz,
    period: { from, to: period.to },
    previousPeriod: prev,
    personas: personaRows.filter((p) => withJourneys.has(p.id) || p.id === f.persona),
    persona: f.persona ?? null,
    journeys: summaries,
    reviews: summaries.reduce((a, j) => a + j.reviews, 0),
    worst,
    best,
    unranked: staged.length - ranked.length,
    attention: {
      total: attention.total,
      windowFull: attention.windowFull,
      items: attention.items.map((r) => ({ ...r, journeyName: journeyName.get(r.journeyId) ?? '', stageName: stageName.get(r.stageId) ?? null })),
    },
  };
}

/**
 * 1–2 star reviews with a comment, still unread ('new'; spam is its own status), among the period's
 * newest `window` reviews (ATTENTION_WINDOW; tests pass a small one): the newest ATTENTION_SHOWN of them and how many there are. Both
 * reads walk reviews_tenant_time_idx (tenant_id, created_at) backwards over the period and stop after
 * the window, so a business with a million reviews reads no more rows than one with ten thousand.
 * When the period holds more reviews than the window, the count is a floor (`windowFull`).
 * `journeyIds` narrows to a persona's journeys (empty: none).
 */
async function attentionReviews(
  db: TenantDb,
  p: { from: string; to: string; tz: string; journeyIds: string[] | null; window: number },
): Promise<{ total: number; windowFull: boolean; items: Omit<AttentionReview, 'journeyName' | 'stageName'>[] }> {
  if (p.journeyIds && p.journeyIds.length === 0) return { total: 0, windowFull: false, items: [] };
  const r = reviews;
  // The period's local days as instants: from the start of `from` to the start of the day after `to`.
  const start = sql`((${p.from}::date)::timestamp at time zone ${p.tz}::text)`;
  const end = sql`(((${p.to}::date + 1))::timestamp at time zone ${p.tz}::text)`;
  const recent = db.tx
    .select({ id: r.id, journeyId: r.journeyId, stageId: r.stageId, stars: r.stars, comment: r.comment, status: r.status, createdAt: r.createdAt })
    .from(r)
    .where(
      and(
        eq(r.tenantId, db.tenantId),
        sql`${r.createdAt} >= ${start}`,
        sql`${r.createdAt} < ${end}`,
        p.journeyIds ? inArray(r.journeyId, p.journeyIds) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(p.window)
    .as('recent');
  // "Has a comment" as the inbox's filter reads it (the intake trims what customers type).
  const needsAttention = and(eq(recent.status, 'new'), lte(recent.stars, 2), ne(recent.comment, ''));
  const [items, [count]] = await Promise.all([
    db.tx
      .select({
        id: recent.id,
        journeyId: recent.journeyId,
        stageId: recent.stageId,
        stars: recent.stars,
        comment: recent.comment,
        createdAt: recent.createdAt,
        day: sql<string>`to_char((${recent.createdAt} at time zone ${p.tz}::text)::date, 'YYYY-MM-DD')`,
      })
      .from(recent)
      .where(needsAttention)
      .orderBy(desc(recent.createdAt), desc(recent.id))
      .limit(ATTENTION_SHOWN),
    db.tx.select({ n: sql<number>`(count(*) filter (where ${needsAttention}))::int`, scanned: sql<number>`count(*)::int` }).from(recent),
  ]);
  return {
    total: Number(count?.n ?? 0),
    windowFull: Number(count?.scanned ?? 0) >= p.window,
    items: items.map((i) => ({ ...i, stars: Number(i.stars), createdAt: new Date(i.createdAt) })),
  };
}
