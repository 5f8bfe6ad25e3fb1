/**
 * The stage dashboard's figures (issue 10): `stageStats` equals a recount from the raw rows, per
 * stage in the map's order (stages without reviews included, removed stages after); spam is not
 * counted; skipped NPS is left out (never a 0); local days follow the business's time zone (WIB vs
 * WITA); the previous period has the same length; another business's journey is NotFound and its
 * reviews are never counted.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviews, tenants } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { stageStats, type StageStatsFilter } from '@/lib/dashboard/stage-stats';
import { demo, seed } from '@/lib/demo/seed';
import { createJourney, getJourney, saveMap } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };
type Setup = { journeyId: string; stageIds: string[]; links: string[] };

async function business(name: string): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

async function setup(ctx: Who): Promise<Setup> {
  return inTenant(ctx, async (db) => {
    const { id: journeyId } = await createJourney(db, { name: 'Servis mobil', model: 'three_stage', stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' } });
    const { stages } = await getJourney(db, journeyId);
    const links: string[] = [];
    for (const s of stages) {
      const { id } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId: s.id, touchpoint: 'QR di kasir', title: 'Ulasan', askNps: true }));
      links.push(id);
    }
    return { journeyId, stageIds: stages.map((s) => s.id!), links };
  });
}

/** A review written straight into the table, at a chosen instant. */
async function put(ctx: Who, j: Setup, i: number, at: string, stars: number, nps: number | null, spam = false) {
  await withTenant(ctx.tenantId, (tx) =>
    tx.insert(reviews).values({
      tenantId: ctx.tenantId,
      linkId: j.links[i]!,
      journeyId: j.journeyId,
      stageId: j.stageIds[i]!,
      touchpoint: 'QR di kasir',
      stars,
      nps,
      status: spam ? 'spam' : 'new',
      spamReason: spam ? 'too_fast' : null,
      submissionKey: randomUUID(),
      createdAt: new Date(at),
    }),
  );
}

async function setZone(ctx: Who, zone: 'Asia/Jakarta' | 'Asia/Makassar') {
  await withTenant(ctx.tenantId, (tx) => tx.update(tenants).set({ timeZone: zone }).where(eq(tenants.id, ctx.tenantId)));
}

const offsetHours = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8 } as const;

/** The per-stage counts by hand from every row of the journey, for local days from…to (inclusive). */
async function recount(ctx: Who, journeyId: string, zone: keyof typeof offsetHours, from?: string, to?: string) {
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.select().from(reviews).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.journeyId, journeyId))),
  );
  const out: Record<string, { reviews: number; starSum: number; top2: number; promoters: number; passives: number; detractors: number; skipped: number }> = {};
  for (const r of rows) {
    if (r.status === 'spam') continue;
    const day = new Date(r.createdAt.getTime() + offsetHours[zone] * 3_600_000).toISOString().slice(0, 10);
    if ((from && day < from) || (to && day > to)) continue;
    const o = (out[r.stageId] ??= { reviews: 0, starSum: 0, top2: 0, promoters: 0, passives: 0, detractors: 0, skipped: 0 });
    o.reviews += 1;
    o.starSum += r.stars;
    if (r.stars >= 4) o.top2 += 1;
    if (r.nps === null) o.skipped += 1;
    else if (r.nps >= 9) o.promoters += 1;
    else if (r.nps >= 7) o.passives += 1;
    else o.detractors += 1;
  }
  return out;
}

/** The figures stageStats gives, in the recount's shape (stages with no review left out). */
function asRecount(stats: Awaited<ReturnType<typeof stageStats>>, which: 'current' | 'previous' = 'current') {
  const out: Record<string, unknown> = {};
  for (const s of stats.stages) {
    const f = s[which]!;
    if (f.reviews === 0) continue;
    out[s.stageId] = {
      reviews: f.reviews,
      starSum: f.stars.reduce((a, k, i) => a + k * (i + 1), 0),
      top2: f.sentiment.positive,
      ...{ promoters: f.npsCounts.promoters, passives: f.npsCounts.passives, detractors: f.npsCounts.detractors, skipped: f.npsCounts.skipped },
    };
  }
  return out;
}

const stats = (ctx: Who, f: Omit<StageStatsFilter, 'journey'> & { journey: string }) => inTenant(ctx, (db) => stageStats(db, f));

describe('stageStats', () => {
  let a: Who;
  let b: Who;
  let ja: Setup;
  let jb: Setup;

  beforeAll(async () => {
    a = await business('Bengkel Dasbor');
    b = await business('Bengkel Sebelah');
    ja = await setup(a);
    jb = await setup(b);
    // Stage 0 on 2026-03-02 (WIB): 5/10, 4/9, 2/3, 3/null, 1/0, and a spam 5/10 that must not count.
    for (const [s, n] of [[5, 10], [4, 9], [2, 3], [3, null], [1, 0]] as const) await put(a, ja, 0, '2026-03-02T03:00:00Z', s, n);
    await put(a, ja, 0, '2026-03-02T04:00:00Z', 5, 10, true);
    // Stage 1 on 2026-03-01 (the day before): 4/8, 4/null, 5/null.
    for (const [s, n] of [[4, 8], [4, null], [5, null]] as const) await put(a, ja, 1, '2026-03-01T05:00:00Z', s, n);
    // Stage 1 at 23:30 WIB on 2026-03-10 = 00:30 WITA on 2026-03-11.
    await put(a, ja, 1, '2026-03-10T16:30:00Z', 2, 6);
    // Business B: many fives on its own journey.
    for (let i = 0; i < 8; i++) await put(b, jb, 0, '2026-03-02T03:00:00Z', 5, 10);
  });

  it('equals a recount from the raw rows, all stages in the map order, spam and skipped NPS handled', async () => {
    const s = await stats(a, { journey: ja.journeyId });
    expect(s.period.from).toBeNull();
    expect(s.previousPeriod).toBeNull();
    expect(s.stages.map((x) => x.stageId)).toEqual(ja.stageIds);
    expect(s.stages.map((x) => x.name)).toEqual(['Cari bengkel', 'Servis', 'Balik lagi']);
    expect(asRecount(s)).toEqual(await recount(a, ja.journeyId, 'Asia/Jakarta'));
    const [first, second, third] = s.stages;
    // Stage 0: 5 reviews (spam out), 15 stars → 3.0; CSAT 2/5; NPS over the 4 answers: (2 − 2)/4 = 0, 1 skipped.
    expect(first!.current).toMatchObject({ reviews: 5, stars: [1, 1, 1, 1, 1], npsCounts: { promoters: 2, passives: 0, detractors: 2, skipped: 1 } });
    expect(first!.current.averageStars.value).toBe(3);
    expect(first!.current.csat.value).toBe(40);
    expect(first!.current.nps).toMatchObject({ n: 4, value: 0, skipped: 1, enough: false, moreNeeded: 6 });
    expect(first!.current.emotion.value).toBe(0);
    // Stage 1: 4, 4, 5, 2 → 3.75; NPS answers 8 and 6 only → (0 − 1)/2 = −50, 2 skipped (counted as 0 it would be −25).
    expect(second!.current.nps).toMatchObject({ n: 2, value: -50, skipped: 2 });
    expect(second!.current.averageStars.value).toBe(3.75);
    expect(third!.current).toMatchObject({ reviews: 0, stars: [0, 0, 0, 0, 0] });
    expect(third!.current.averageStars.value).toBeNull();
    expect(s.stages.every((x) => !x.removed)).toBe(true);
  });

  it('a local day follows the business’s time zone: 23:30 WIB is that day in WIB, the next in WITA', async () => {
    await setZone(a, 'Asia/Jakarta');
    const wib = await stats(a, { journey: ja.journeyId, from: '2026-03-10', to: '2026-03-10' });
    expect(wib.timeZone).toBe('Asia/Jakarta');
    expect(wib.stages[1]!.current.reviews).toBe(1);
    expect(asRecount(wib)).toEqual(await recount(a, ja.journeyId, 'Asia/Jakarta', '2026-03-10', '2026-03-10'));
    expect((await stats(a, { journey: ja.journeyId, from: '2026-03-11', to: '2026-03-11' })).stages[1]!.current.reviews).toBe(0);

    await setZone(a, 'Asia/Makassar');
    try {
      expect((await stats(a, { journey: ja.journeyId, from: '2026-03-10', to: '2026-03-10' })).stages[1]!.current.reviews).toBe(0);
      const wita = await stats(a, { journey: ja.journeyId, from: '2026-03-11', to: '2026-03-11' });
      expect(wita.stages[1]!.current.reviews).toBe(1);
      expect(asRecount(wita)).toEqual(await recount(a, ja.journeyId, 'Asia/Makassar', '2026-03-11', '2026-03-11'));
    } finally {
      await setZone(a, 'Asia/Jakarta');
    }
  });

  it('compares with the previous period of the same length', async () => {
    const s = await stats(a, { journey: ja.journeyId, from: '2026-03-02', to: '2026-03-02' });
    expect(s.period).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    expect(s.previousPeriod).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(asRecount(s)).toEqual(await recount(a, ja.journeyId, 'Asia/Jakarta', '2026-03-02', '2026-03-02'));
    expect(asRecount(s, 'previous')).toEqual(await recount(a, ja.journeyId, 'Asia/Jakarta', '2026-03-01', '2026-03-01'));
    expect(s.stages[1]!.previous!.reviews).toBe(3);
    // Too few reviews on either side: never called a change.
    expect(s.stages.every((x) => x.change!.csat.direction === 'uncertain' && x.change!.nps.direction === 'uncertain')).toBe(true);

    const week = await stats(a, { journey: ja.journeyId, from: '2026-03-05', to: '2026-03-11' });
    expect(week.previousPeriod).toEqual({ from: '2026-02-26', to: '2026-03-04' });
    expect(week.stages[0]!.previous!.reviews).toBe(5);
  });

  it('a preset range counts the reviews of today in the business’s zone', async () => {
    const c = await inTenant(a, async (db) => {
      await db.tx.insert(reviews).values({ tenantId: a.tenantId, linkId: ja.links[2]!, journeyId: ja.journeyId, stageId: ja.stageIds[2]!, stars: 4, submissionKey: randomUUID() });
      return stageStats(db, { journey: ja.journeyId, range: '7d' });
    });
    expect(c.stages[2]!.current.reviews).toBe(1);
    expect(c.stages[0]!.current.reviews).toBe(0);
    expect(c.previousPeriod).not.toBeNull();
  });

  it('filters by stage, link and touchpoint', async () => {
    const byStage = await stats(a, { journey: ja.journeyId, stage: ja.stageIds[0]! });
    expect(byStage.stages.map((x) => x.stageId)).toEqual([ja.stageIds[0]]);
    expect(byStage.stages[0]!.current.reviews).toBe(5);
    const byLink = await stats(a, { journey: ja.journeyId, link: ja.links[1]! });
    expect(byLink.stages.map((x) => x.current.reviews)).toEqual([0, 4, 0]);
    const byTouchpoint = await stats(a, { journey: ja.journeyId, touchpoint: 'WhatsApp' });
    expect(byTouchpoint.stages.map((x) => x.current.reviews)).toEqual([0, 0, 0]);
  });

  it('another business’s journey is NotFound, and its reviews are never counted', async () => {
    await expect(stats(a, { journey: jb.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(stats(b, { journey: ja.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(stats(a, { journey: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    const mine = await stats(b, { journey: jb.journeyId });
    expect(mine.stages.map((x) => x.current.reviews)).toEqual([8, 0, 0]);
    expect(asRecount(await stats(a, { journey: ja.journeyId }))).toEqual(await recount(a, ja.journeyId, 'Asia/Jakarta'));
  });

  it('lists a removed stage with reviews after the map’s stages, marked removed', async () => {
    await inTenant(a, async (db) => {
      const { journey, stages } = await getJourney(db, ja.journeyId);
      await saveMap(db, ja.journeyId, { revision: journey.revision, isCycle: journey.isCycle, stages: [stages[1]!, stages[2]!] });
    });
    const s = await stats(a, { journey: ja.journeyId });
    expect(s.stages.map((x) => [x.stageId, x.removed, x.name])).toEqual([
      [ja.stageIds[1], false, 'Servis'],
      [ja.stageIds[2], false, 'Balik lagi'],
      [ja.stageIds[0], true, null],
    ]);
    expect(s.stages[2]!.current.reviews).toBe(5);
  });
});

describe('stageStats on the demo seed', () => {
  it('tells the seed’s story: purchase drawn as +2 is measured clearly lower, consideration drawn as −2 clearly higher', async () => {
    await seed();
    const ctx = { tenantId: demo.bengkel.tenant.id, userId: demo.bengkel.owner.id };
    const { s, stages } = await inTenant(ctx, async (db) => ({ s: await stageStats(db, { journey: demo.bengkel.journeyId }), stages: (await getJourney(db, demo.bengkel.journeyId)).stages }));
    const byKey = (key: string) => s.stages.find((x) => x.stageId === stages.find((st) => st.key === key)!.id)!;
    const purchase = byKey('purchase');
    expect(purchase.designedEmotion).toBe(2);
    expect(purchase.current.averageStars.enough).toBe(true);
    expect(purchase.current.emotion.high!).toBeLessThan(purchase.designedEmotion!);
    expect(purchase.current.averageStars.value!).toBeLessThan(3.2);
    const consideration = byKey('consideration');
    expect(consideration.designedEmotion).toBe(-2);
    expect(consideration.current.emotion.low!).toBeGreaterThan(consideration.designedEmotion!);
  });
});
