/**
 * What customers said, per stage of one journey: how many reviews each stage has, their stars and
 * average, beside the emotion the owner drew, for the owner's journey map and its print view
 * (issue 9, item 9; issue 10, item 3: the measured emotion row).
 *
 * Only for the business's own members: a share link's read-only view shows the map, never the
 * business's review figures (app/share does not call this, and components/journeys/StageCards.tsx
 * has no place for them).
 */
import { and, eq } from 'drizzle-orm';
import { journeyStages, reviewStageDays } from '@/db/schema';
import { countsOf, reviewsIn, rollupSums, starsTotalIn } from '../dashboard/rollup-read';
import type { StarCounts } from '../dashboard/stats';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';

export interface StageReviews {
  /** Reviews of the stage, spam not counted. */
  count: number;
  /** Their mean stars (1–5), unrounded. */
  averageStars: number;
  /** Reviews per star, 1 … 5 (the measured emotion and its interval come from these). */
  stars: StarCounts;
  /** The emotion the owner drew for the stage (−2…+2), null when none. */
  designedEmotion: number | null;
}

/**
 * Stage id → its reviews (all time): count, stars, average, and the stage's designed emotion.
 * Stages without reviews (spam aside) are not in it, and neither are stages removed from the map:
 * their links and reviews stay (the inbox shows them under a removed stage) but the map has no
 * place for them. One grouped read of the per-day rollups (review_stage_days: a few rows per stage,
 * link and day, never the reviews themselves) joined to the live stages, co-located by tenant.
 * Another business's journey id, or an unknown one, gives an empty summary.
 */
export async function stageReviewSummary(db: TenantDb, journeyId: string): Promise<Record<string, StageReviews>> {
  assertUuids(journeyId);
  const d = reviewStageDays;
  const rows = await db.tx
    .select({ stageId: d.stageId, designed: journeyStages.emotionScore, ...rollupSums() })
    .from(d)
    .innerJoin(journeyStages, and(eq(journeyStages.tenantId, d.tenantId), eq(journeyStages.id, d.stageId), eq(journeyStages.journeyId, d.journeyId)))
    .where(and(eq(d.tenantId, db.tenantId), eq(journeyStages.tenantId, db.tenantId), eq(d.journeyId, journeyId)))
    .groupBy(d.stageId, journeyStages.emotionScore);
  return Object.fromEntries(
    rows
      .filter((r) => reviewsIn(r) > 0)
      .map((r) => {
        const count = reviewsIn(r);
        // Summed as integers and divided here: the average is exact and the same on every PostgreSQL.
        const summary: StageReviews = { count, averageStars: starsTotalIn(r) / count, stars: countsOf(r).stars, designedEmotion: r.designed === null ? null : Number(r.designed) };
        return [r.stageId, summary];
      }),
  );
}
