/**
 * Reading the per-day review rollups (review_stage_days, migration 0015). Every dashboard figure is
 * a sum of these columns over some days, stages and links; this is the one place that names them.
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { reviewStageDays } from '@/db/schema';
import type { NpsCounts, StarCounts } from './stats';

const d = reviewStageDays;
const sum = (col: AnyPgColumn) => sql<number>`coalesce(sum(${col}), 0)::int`;

/** The summed columns, for a `select` grouped however the caller needs. */
export const rollupSums = () => ({
  s1: sum(d.stars1),
  s2: sum(d.stars2),
  s3: sum(d.stars3),
  s4: sum(d.stars4),
  s5: sum(d.stars5),
  promoters: sum(d.promoters),
  passives: sum(d.passives),
  detractors: sum(d.detractors),
  skipped: sum(d.npsSkipped),
});

export type RollupSums = { [K in keyof ReturnType<typeof rollupSums>]: number | string };

/** A summed row as the counts ./stats.ts takes. */
export function countsOf(r: RollupSums): { stars: StarCounts; npsCounts: NpsCounts } {
  return {
    stars: [Number(r.s1), Number(r.s2), Number(r.s3), Number(r.s4), Number(r.s5)],
    npsCounts: { promoters: Number(r.promoters), passives: Number(r.passives), detractors: Number(r.detractors), skipped: Number(r.skipped) },
  };
}

/** Reviews in a summed row (spam is never in the rollups). */
export const reviewsIn = (r: RollupSums): number => Number(r.s1) + Number(r.s2) + Number(r.s3) + Number(r.s4) + Number(r.s5);

/** Σ stars · count, for an average over several rows without losing precision. */
export const starsTotalIn = (r: RollupSums): number => Number(r.s1) + 2 * Number(r.s2) + 3 * Number(r.s3) + 4 * Number(r.s4) + 5 * Number(r.s5);

