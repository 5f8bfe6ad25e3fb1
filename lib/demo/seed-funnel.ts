/**
 * Demo funnel numbers for Bengkel Maju Jaya (written by lib/demo/seed.ts): the three calendar months before
 * the current one, per stage of the bengkel template. The story they tell beside the seeded
 * reviews: many people find the workshop and ask, a fair share book a service (about 29 % of
 * inquiries) — but the purchase stage's reviews are poor (about 2.8 stars), and only about a third
 * of those customers come back (retention), far below what the map promises.
 */
import type { funnelCounts } from '@/db/schema';

/** A funnel_counts row to insert. */
export type NewFunnelCount = typeof funnelCounts.$inferInsert;

type StageKey = 'awareness' | 'consideration' | 'purchase' | 'retention' | 'advocacy';

/** Per stage: its metric and the numbers of the three months, oldest first. */
export const bengkelFunnelPlan: Record<StageKey, { metric: NewFunnelCount['metric']; values: [number, number, number] }> = {
  awareness: { metric: 'reach', values: [4800, 5200, 5600] },
  consideration: { metric: 'inquiries', values: [640, 700, 760] },
  purchase: { metric: 'orders', values: [190, 205, 220] },
  retention: { metric: 'repeat_orders', values: [64, 70, 72] },
  advocacy: { metric: 'referrals', values: [21, 24, 22] },
};

/** "YYYY-MM-01" of the month `back` months before `today`'s (UTC calendar; the seed runs once). */
function monthBefore(today: Date, back: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 10);
}

/** The funnel_counts rows: insert them with `.onConflictDoNothing()` (safe to run again). */
export function demoFunnelRows(
  ids: { tenantId: string; journeyId: string; ownerId: string; stageIds: Partial<Record<string, string>> },
  today: Date,
): NewFunnelCount[] {
  const rows: NewFunnelCount[] = [];
  for (const [key, plan] of Object.entries(bengkelFunnelPlan)) {
    const stageId = ids.stageIds[key];
    if (!stageId) continue;
    plan.values.forEach((value, i) => {
      rows.push({ tenantId: ids.tenantId, journeyId: ids.journeyId, stageId, month: monthBefore(today, 3 - i), metric: plan.metric, value, updatedBy: ids.ownerId });
    });
  }
  return rows;
}
