/**
 * What customers said, per stage of one journey: how many reviews each stage has and their average
 * stars, for the owner's journey map and its print view (issue 9, item 9).
 *
 * Only for the business's own members: a share link's read-only view shows the map, never the
 * business's review figures (app/share does not call this, and components/journeys/StageCards.tsx
 * has no place for them).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { journeyStages, reviews } from '@/db/schema';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';

export interface StageReviews {
  /** Reviews of the stage, spam not counted. */
  count: number;
  /** Their mean stars (1–5), unrounded. */
  averageStars: number;
}

/**
 * Stage id → its reviews' count and average stars. Stages without reviews (spam aside) are not in
 * it, and neither are stages removed from the map: their links and reviews stay (the inbox shows
 * them under a removed stage) but the map has no place for them. One grouped read along
 * reviews_stage_time_idx (tenant_id, journey_id, stage_id, …); the join to the live stages is
 * co-located by tenant. Another business's journey id, or an unknown one, gives an empty summary.
 */
export async function stageReviewSummary(db: TenantDb, journeyId: string): Promise<Record<string, StageReviews>> {
  assertUuids(journeyId);
  const rows = await db.tx
    .select({
      stageId: reviews.stageId,
      count: sql<number>`count(*)::int`,
      // Summed as an integer and divided here: the average is exact and the same on every PostgreSQL.
      stars: sql<number>`sum(${reviews.stars})::int`,
    })
    .from(reviews)
    .innerJoin(
      journeyStages,
      and(eq(journeyStages.tenantId, reviews.tenantId), eq(journeyStages.id, reviews.stageId), eq(journeyStages.journeyId, reviews.journeyId)),
    )
    .where(and(eq(reviews.tenantId, db.tenantId), eq(journeyStages.tenantId, db.tenantId), eq(reviews.journeyId, journeyId), ne(reviews.status, 'spam')))
    .groupBy(reviews.stageId);
  return Object.fromEntries(rows.map((r) => [r.stageId, { count: Number(r.count), averageStars: Number(r.stars) / Number(r.count) }]));
}
