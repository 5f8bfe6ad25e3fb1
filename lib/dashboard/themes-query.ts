/**
 * What customers talk about, per stage (issue 10, item 6): the most frequent words and two-word
 * phrases of the comments of positive (4–5★) and negative (1–2★) reviews, from ./themes.ts.
 *
 * A bounded recent window, not every comment: the newest COMMENT_WINDOW (2,000) non-spam reviews
 * with a comment that match the filter and fall in the period. One read: the stages with reviews in
 * the period come from the rollups, and for each of them (a lateral subquery along
 * reviews_stage_time_idx: tenant, journey, stage, created_at) its newest comments, newest first;
 * then the newest 2,000 of those. So a business with a million reviews reads at most 2,000 per stage,
 * never the whole table. The result says how many comments were read, from which local day, and
 * whether there were more (the page says "dari 2.000 komentar terbaru"). Neutral (3★) reviews are
 * read but not split into either side. Erased reviews keep their stars but have no comment.
 */
import { and, asc, desc, eq, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { journeys, journeyStages, reviews, reviewStageDays, tenants } from '@/db/schema';
import type { TimeZone } from '@/lib/shared/time-zones';
import { NotFoundError } from '../core/errors';
import type { TenantDb } from '../core/tenancy';
import { periodsOf, stageStatsFilterSchema, type Period, type StageStatsFilter } from './stage-stats';
import { sentimentOf, themes, type ThemeInput } from './themes';

/** How many of the newest comments are read. */
export const COMMENT_WINDOW = 2000;
/** Top terms kept per stage and side (words and phrases each). */
export const THEME_LIMIT = 8;

export interface ThemeTerm {
  term: string;
  /** Reviews (in the window) whose comment has it. */
  count: number;
}

export interface ThemeSide {
  /** Comments read on this side (4–5★ or 1–2★). */
  comments: number;
  /** Two-word phrases mentioned by at least two reviews, most first. */
  phrases: ThemeTerm[];
  /** Single words, most first. */
  words: ThemeTerm[];
}

export interface StageThemes {
  stageId: string;
  /** null for a stage removed from the map (its reviews stay). */
  name: string | null;
  removed: boolean;
  negative: ThemeSide;
  positive: ThemeSide;
}

export interface StageThemesResult {
  journeyId: string;
  timeZone: TimeZone;
  period: Period;
  /** COMMENT_WINDOW. */
  window: number;
  /** Comments read (≤ window). */
  read: number;
  /** True when there were more comments in the period than the window holds. */
  windowHit: boolean;
  /** The oldest comment read, as a local day (null when none was read). */
  oldestDay: string | null;
  /** The map's stages in order, then removed stages with comments. */
  stages: StageThemes[];
}

const emptySide = (): ThemeSide => ({ comments: 0, phrases: [], words: [] });

/** Comment themes of one journey's stages. Another business's journey, or an unknown one: NotFound. */
export async function stageThemes(db: TenantDb, input: StageStatsFilter): Promise<StageThemesResult> {
  const f = stageStatsFilterSchema.parse(input);
  const [j] = await db.tx
    .select({
      timeZone: tenants.timeZone,
      today: sql<string>`to_char((now() at time zone ${tenants.timeZone}::text)::date, 'YYYY-MM-DD')`,
    })
    .from(journeys)
    .innerJoin(tenants, eq(tenants.id, journeys.tenantId))
    .where(and(eq(journeys.tenantId, db.tenantId), eq(tenants.id, db.tenantId), eq(journeys.id, f.journey)));
  if (!j) throw new NotFoundError('journey');
  const tz = j.timeZone;
  const { period } = periodsOf(f, j.today);

  const stages = await db.tx
    .select({ id: journeyStages.id, name: journeyStages.name })
    .from(journeyStages)
    .where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.journeyId, f.journey)))
    .orderBy(asc(journeyStages.position));

  // The stages with reviews in the period (from the rollups: one row per stage, link and day).
  const d = reviewStageDays;
  const dayWhere: SQL[] = [eq(d.tenantId, db.tenantId), eq(d.journeyId, f.journey), lte(d.day, period.to)];
  if (period.from) dayWhere.push(gte(d.day, period.from));
  if (f.stage) dayWhere.push(eq(d.stageId, f.stage));
  if (f.link) dayWhere.push(eq(d.linkId, f.link));
  if (f.touchpoint) dayWhere.push(eq(d.touchpoint, f.touchpoint));
  const withReviews = db.tx.selectDistinct({ stageId: d.stageId }).from(d).where(and(...dayWhere)).as('stages_with_reviews');

  // The period as instants: from the start of its first local day to the start of the day after its last.
  const r = reviews;
  const where: SQL[] = [
    eq(r.tenantId, db.tenantId),
    eq(r.journeyId, f.journey),
    eq(r.stageId, withReviews.stageId),
    ne(r.status, 'spam'),
    ne(r.comment, ''),
    lt(r.createdAt, sql`((${period.to}::date + 1)::timestamp at time zone ${tz}::text)`),
  ];
  if (period.from) where.push(gte(r.createdAt, sql`(${period.from}::date::timestamp at time zone ${tz}::text)`));
  if (f.link) where.push(eq(r.linkId, f.link));
  if (f.touchpoint) where.push(eq(r.touchpoint, f.touchpoint));
  const newest = db.tx
    .select({ id: r.id, stageId: sql<string>`${r.stageId}`.as('review_stage_id'), stars: r.stars, comment: r.comment, createdAt: r.createdAt })
    .from(r)
    .where(and(...where))
    .orderBy(desc(r.createdAt))
    .limit(COMMENT_WINDOW + 1)
    .as('newest');
  const rows = await db.tx
    .select({
      id: newest.id,
      stageId: newest.stageId,
      stars: newest.stars,
      comment: newest.comment,
      day: sql<string>`to_char((${newest.createdAt} at time zone ${tz}::text)::date, 'YYYY-MM-DD')`,
    })
    .from(withReviews)
    .crossJoinLateral(newest)
    .orderBy(desc(newest.createdAt), desc(newest.id))
    .limit(COMMENT_WINDOW + 1);

  const windowHit = rows.length > COMMENT_WINDOW;
  const read = rows.slice(0, COMMENT_WINDOW);
  const input2: ThemeInput[] = [];
  const sides = new Map<string, { negative: number; positive: number }>();
  for (const row of read) {
    const side = sentimentOf(row.stars);
    if (side === 'neutral') continue;
    input2.push({ id: row.id, comment: row.comment, group: `${row.stageId}:${side}` });
    const s = sides.get(row.stageId) ?? { negative: 0, positive: 0 };
    s[side] += 1;
    sides.set(row.stageId, s);
  }
  const found = themes(input2, { limit: THEME_LIMIT });
  const side = (stageId: string, which: 'negative' | 'positive'): ThemeSide => {
    const t = found[`${stageId}:${which}`];
    const comments = sides.get(stageId)?.[which] ?? 0;
    if (!t) return { ...emptySide(), comments };
    const strip = (terms: { term: string; count: number }[]) => terms.map(({ term, count }) => ({ term, count }));
    return { comments, phrases: strip(t.phrases), words: strip(t.words) };
  };
  const stage = (stageId: string, name: string | null): StageThemes => ({
    stageId,
    name,
    removed: name === null,
    negative: side(stageId, 'negative'),
    positive: side(stageId, 'positive'),
  });
  const live = new Set(stages.map((s) => s.id));
  const out = stages.filter((s) => !f.stage || s.id === f.stage).map((s) => stage(s.id, s.name));
  const removed = [...sides.keys()]
    .filter((id) => !live.has(id))
    .sort()
    .map((id) => stage(id, null));
  return {
    journeyId: f.journey,
    timeZone: tz,
    period,
    window: COMMENT_WINDOW,
    read: read.length,
    windowHit,
    oldestDay: read.length ? read[read.length - 1]!.day : null,
    stages: [...out, ...removed],
  };
}
