/**
 * The stage dashboards' own tables between businesses (issue 10): inside business A, the app role
 * (jejak_app) neither reads, inserts, updates, deletes nor moves business B's `review_stage_days`
 * (the per-day review rollups) or `funnel_counts` rows, even with no WHERE clause; the rollup
 * rebuild run inside A cannot reach B's rows; with no business set, neither table shows a row.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { funnelCounts, reviewStageDays, reviews } from '@/db/schema';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';
import { attempt, DENIED } from '../support/sql-attempt';

type Biz = { id: string; journeyId: string; stageId: string; linkId: string };

async function business(name: string): Promise<Biz> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  const made = await inTenant({ tenantId: t.id, userId: t.owner.id }, async (db) => {
    const { id: journeyId } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: { pre_purchase: 'Cari', purchase: 'Servis', post_purchase: 'Balik' } });
    const stageId = (await getJourney(db, journeyId)).stages[1]!.id!;
    const { id: linkId } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId, touchpoint: 'Kasir', title: 'Ulasan', askNps: 'on' }));
    return { journeyId, stageId, linkId };
  });
  const biz = { id: t.id, ...made };
  await withTenant(biz.id, async (tx) => {
    for (const [stars, nps] of [[5, 10], [2, 3], [4, null]] as const) {
      await tx.insert(reviews).values({ tenantId: biz.id, linkId: biz.linkId, journeyId: biz.journeyId, stageId: biz.stageId, touchpoint: 'Kasir', stars, nps, submissionKey: randomUUID(), createdAt: new Date('2026-02-10T03:00:00Z') });
    }
    await tx.insert(funnelCounts).values({ tenantId: biz.id, journeyId: biz.journeyId, stageId: biz.stageId, month: '2026-02-01', metric: 'orders', value: 120 });
  });
  return biz;
}

const rollupsOf = (b: Biz) => withTenant(b.id, (tx) => tx.select().from(reviewStageDays).where(eq(reviewStageDays.tenantId, b.id)));
const funnelOf = (b: Biz) => withTenant(b.id, (tx) => tx.select().from(funnelCounts).where(eq(funnelCounts.tenantId, b.id)));

describe('dashboard tables between businesses', () => {
  let a: Biz;
  let b: Biz;
  let bRollups: Awaited<ReturnType<typeof rollupsOf>>;
  let bFunnel: Awaited<ReturnType<typeof funnelOf>>;

  beforeAll(async () => {
    a = await business('Warung A');
    b = await business('Warung B');
    bRollups = await rollupsOf(b);
    bFunnel = await funnelOf(b);
    // B has something to protect: one rollup row (3 reviews) and one funnel number.
    expect(bRollups).toHaveLength(1);
    expect(bRollups[0]).toMatchObject({ stars2: 1, stars4: 1, stars5: 1, promoters: 1, detractors: 1, npsSkipped: 1 });
    expect(bFunnel).toHaveLength(1);
  });

  it("inside A, reads none of B's rows, even with no WHERE clause or when asking for B by name", async () => {
    const seen = await withTenant(a.id, async (tx) => ({
      rollups: await tx.select().from(reviewStageDays),
      funnel: await tx.select().from(funnelCounts),
      rollupsOfB: await tx.select().from(reviewStageDays).where(eq(reviewStageDays.tenantId, b.id)),
      funnelOfB: await tx.select().from(funnelCounts).where(eq(funnelCounts.tenantId, b.id)),
    }));
    expect(seen.rollups.length).toBe(1);
    expect(seen.rollups.every((r) => r.tenantId === a.id)).toBe(true);
    expect(seen.funnel.map((r) => r.tenantId)).toEqual([a.id]);
    expect(seen.rollupsOfB).toEqual([]);
    expect(seen.funnelOfB).toEqual([]);
  });

  it('inside A, cannot insert rows for B', async () => {
    const codes = await withTenant(a.id, async (tx) => ({
      rollup: await attempt(tx, sql`insert into review_stage_days (tenant_id, journey_id, stage_id, link_id, touchpoint, day, stars_1) values (${b.id}, ${b.journeyId}, ${b.stageId}, ${b.linkId}, '', '2026-02-11', 50)`),
      funnel: await attempt(tx, sql`insert into funnel_counts (tenant_id, journey_id, stage_id, month, metric, value) values (${b.id}, ${b.journeyId}, ${b.stageId}, '2026-03-01', 'reach', 999)`),
      // The upsert path too: a conflicting row of B's is neither seen nor overwritten.
      upsert: await attempt(tx, sql`insert into funnel_counts (tenant_id, journey_id, stage_id, month, metric, value) values (${b.id}, ${b.journeyId}, ${b.stageId}, '2026-02-01', 'orders', 1) on conflict (tenant_id, journey_id, stage_id, month) do update set value = excluded.value`),
    }));
    expect(codes).toEqual({ rollup: DENIED, funnel: DENIED, upsert: DENIED });
    expect(await rollupsOf(b)).toEqual(bRollups);
    expect(await funnelOf(b)).toEqual(bFunnel);
  });

  it("inside A, updates and deletes of B's rows change nothing", async () => {
    const result = await withTenant(a.id, async (tx) => ({
      rollupUpdated: (await tx.update(reviewStageDays).set({ stars1: 999 }).where(eq(reviewStageDays.tenantId, b.id)).returning()).length,
      funnelUpdated: (await tx.update(funnelCounts).set({ value: 0 }).where(eq(funnelCounts.tenantId, b.id)).returning()).length,
      rollupDeleted: (await tx.delete(reviewStageDays).where(eq(reviewStageDays.tenantId, b.id)).returning()).length,
      funnelDeleted: (await tx.delete(funnelCounts).where(eq(funnelCounts.tenantId, b.id)).returning()).length,
    }));
    expect(result).toEqual({ rollupUpdated: 0, funnelUpdated: 0, rollupDeleted: 0, funnelDeleted: 0 });
    expect(await rollupsOf(b)).toEqual(bRollups);
    expect(await funnelOf(b)).toEqual(bFunnel);
  });

  it("inside A, cannot move A's rows into B", async () => {
    const codes = await withTenant(a.id, async (tx) => ({
      rollup: await attempt(tx, sql`update review_stage_days set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      funnel: await attempt(tx, sql`update funnel_counts set tenant_id = ${b.id} where tenant_id = ${a.id}`),
    }));
    expect(codes).toEqual({ rollup: DENIED, funnel: DENIED });
    expect(await rollupsOf(a)).toHaveLength(1);
    expect(await funnelOf(a)).toHaveLength(1);
  });

  it("the rollup rebuild run inside A for B's id neither sees nor touches B's rows", async () => {
    await withTenant(a.id, (tx) => tx.execute(sql`select jejak_rebuild_review_rollups(${b.id}::uuid)`));
    expect(await rollupsOf(b)).toEqual(bRollups);
    // …and for A's own id it rebuilds A's rows only (A's review count unchanged).
    const before = await rollupsOf(a);
    await withTenant(a.id, (tx) => tx.execute(sql`select jejak_rebuild_review_rollups(${a.id}::uuid)`));
    expect(await rollupsOf(a)).toEqual(before);
    expect(await rollupsOf(b)).toEqual(bRollups);
  });

  it('with no business set, neither table shows a row nor takes one', async () => {
    const seen = await withPlatform(async (tx) => ({
      rollups: await tx.select().from(reviewStageDays),
      funnel: await tx.select().from(funnelCounts),
      insert: await attempt(tx, sql`insert into funnel_counts (tenant_id, journey_id, stage_id, month, metric, value) values (${b.id}, ${b.journeyId}, ${b.stageId}, '2026-04-01', 'reach', 1)`),
    }));
    expect(seen).toEqual({ rollups: [], funnel: [], insert: DENIED });
  });
});
