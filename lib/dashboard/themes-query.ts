/**
 * What customers talk about, per stage (issue 10, item 6): the most frequent words and two-word
 * phrases of the comments of positive (4–5★) and negative (1–2★) reviews, from ./themes.ts.
 *
 * A bounded recent window per stage, not every comment: for each stage, the newest
 * COMMENTS_PER_STAGE (500) non-spam reviews with a comment that match the filter and fall in the
 * period. One read: the stages with reviews in the period come from the rollups, and for each of them
 * a lateral subquery along reviews_stage_time_idx (tenant, journey, stage, created_at) reads its
 * newest comments, newest first, at most 501 (the 501st only says there were more). So a busy stage
 * cannot crowd out the comments of a quiet one, and a business with a million reviews reads at most
 * 501 rows per stage, never the whole table. Each stage says how many of its comments were read,
 * whether its window was hit and from which local day (the page says "dari 500 komentar terbaru
 * tahap ini (sejak …)" only then). Neutral (3★) reviews are read but not split into either side.
 * Erased reviews keep their stars but have no comment.
 */
import { and, asc, desc, eq, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { journeyStages, reviews, reviewStageDays } from '@/db/schema';
import type { TimeZone } from '@/lib/shared/time-zones';
import type { TenantDb } from '../core/tenancy';
import { journeyClock, periodsOf, stageStatsFilterSchema, type Period, type StageStatsFilter } from './stage-stats';
import { sentimentOf, themes, type ThemeInput } from './themes';

/** How many of each stage's newest comments are read. */
export const COMMENTS_PER_STAGE = 500;
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
  /** This stage's comments read (≤ COMMENTS_PER_STAGE), neutral ones included. */
  read: number;
  /** True when this stage had more comments in the period than its window holds. */
  windowHit: boolean;
  /** This stage's oldest comment read, as a local day (null when none was read). */
  oldestDay: string | null;
  negative: ThemeSide;
  positive: ThemeSide;
}

export interface StageThemesResult {
  journeyId: string;
  timeZone: TimeZone;
  period: Period;
  /** COMMENTS_PER_STAGE: the window of each stage. */
  window: number;
  /** Comments read, all stages together (≤ window per stage). */
  read: number;
  /** True when at least one stage's window was hit. */
  windowHit: boolean;
  /** The map's stages in order, then removed stages with comments. */
  stages: StageThemes[];
}

const emptySide = (): ThemeSide => ({ comments: 0, phrases: [], words: [] });

/** Comment themes of one journey's stages. Another business's journey, or an unknown one: NotFound. */
export async function stageThemes(db: TenantDb, input: StageStatsFilter): Promise<StageThemesResult> {
  const f = stageStatsFilterSchema.parse(input);
  const j = await journeyClock(db, f.journey);
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
    .limit(COMMENTS_PER_STAGE + 1)
    .as('newest');
  // Each stage's newest comments (at most COMMENTS_PER_STAGE + 1), stage by stage, newest first.
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
    .orderBy(asc(newest.stageId), desc(newest.createdAt), desc(newest.id));

  // Per stage: the window (the newest COMMENTS_PER_STAGE), whether there were more, its oldest day.
  const windows = new Map<string, { read: number; windowHit: boolean; oldestDay: string | null }>();
  const input2: ThemeInput[] = [];
  const sides = new Map<string, { negative: number; positive: number }>();
  for (const row of rows) {
    const w = windows.get(row.stageId) ?? { read: 0, windowHit: false, oldestDay: null };
    windows.set(row.stageId, w);
    if (w.read === COMMENTS_PER_STAGE) {
      w.windowHit = true;
      continue;
    }
    w.read += 1;
    w.oldestDay = row.day;
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
    ...(windows.get(stageId) ?? { read: 0, windowHit: false, oldestDay: null }),
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
    window: COMMENTS_PER_STAGE,
    read: [...windows.values()].reduce((n, w) => n + w.read, 0),
    windowHit: [...windows.values()].some((w) => w.windowHit),
    stages: [...out, ...removed],
  };
}
