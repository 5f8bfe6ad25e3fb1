/**
 * The journey map's per-stage review line (issue 9, item 9; issue 10, item 3): `stageReviewSummary`
 * (read from the per-day rollups) counts each stage's reviews, per star, and averages their stars,
 * equal to a recount of the rows, with the stage's designed emotion beside them; spam is not counted;
 * another business's reviews never are, nor can another business read this one's figures; a stage
 * removed from the map (its links and reviews stay) is not in the summary.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviews } from '@/db/schema';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { NotFoundError } from '@/lib/core/errors';
import { createJourney, getJourney, saveMap } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { stageReviewSummary, type StageReviews } from '@/lib/reviews/stage-summary';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name: string): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

/** A three-stage journey with one link on each stage. */
async function setup(ctx: Who) {
  return inTenant(ctx, async (db) => {
    const { id: journeyId } = await createJourney(db, { name: 'Servis motor', model: 'three_stage', stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' } });
    const { stages } = await getJourney(db, journeyId);
    const links: string[] = [];
    for (const s of stages) {
      const { id } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId: s.id, touchpoint: 'QR di kasir', title: 'Ulasan' }));
      links.push(id);
    }
    return { journeyId, stageIds: stages.map((s) => s.id!), links };
  });
}

async function add(ctx: Who, linkId: string, stars: number, spam = false) {
  await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) =>
    submitReview(db, linkId, reviewSubmissionSchema.parse({ stars: String(stars) }), { key: randomUUID(), locale: 'id', spamReason: spam ? 'too_fast' : null }),
  );
}

/** The same figures counted by hand from every row of the business. */
async function recount(ctx: Who, journeyId: string) {
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.select({ stageId: reviews.stageId, stars: reviews.stars, status: reviews.status }).from(reviews).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.journeyId, journeyId))),
  );
  const out: Record<string, { count: number; averageStars: number; stars: number[] }> = {};
  const sums: Record<string, number> = {};
  for (const r of rows) {
    if (r.status === 'spam') continue;
    const o = (out[r.stageId] ??= { count: 0, averageStars: 0, stars: [0, 0, 0, 0, 0] });
    o.count += 1;
    o.stars[r.stars - 1]! += 1;
    sums[r.stageId] = (sums[r.stageId] ?? 0) + r.stars;
  }
  for (const [k, o] of Object.entries(out)) o.averageStars = sums[k]! / o.count;
  return out;
}

/** The summary without the designed emotion, in the recount's shape. */
const figures = (summary: Record<string, StageReviews>) =>
  Object.fromEntries(Object.entries(summary).map(([k, { count, averageStars, stars }]) => [k, { count, averageStars, stars: [...stars] }]));

describe('stageReviewSummary', () => {
  let a: Who;
  let b: Who;
  let ja: Awaited<ReturnType<typeof setup>>;
  let jb: Awaited<ReturnType<typeof setup>>;

  beforeAll(async () => {
    a = await business('Bengkel Uji');
    b = await business('Bengkel Tetangga');
    ja = await setup(a);
    jb = await setup(b);
    // Stage 1: 2, 3, 4 → 3.0 (and a spam 5 that must not lift it). Stage 2: 5, 4 → 4.5.
    // Stage 3: one 1. Business B: plenty of fives on its own map.
    for (const s of [2, 3, 4]) await add(a, ja.links[0]!, s);
    await add(a, ja.links[0]!, 5, true);
    await add(a, ja.links[0]!, 5, true);
    for (const s of [5, 4]) await add(a, ja.links[1]!, s);
    await add(a, ja.links[2]!, 1);
    for (let i = 0; i < 6; i++) await add(b, jb.links[0]!, 5);
  });

  it('counts and averages each stage like a recount, spam excluded', async () => {
    const summary = await inTenant(a, (db) => stageReviewSummary(db, ja.journeyId));
    expect(figures(summary)).toEqual(await recount(a, ja.journeyId));
    expect(figures(summary)).toEqual({
      [ja.stageIds[0]!]: { count: 3, averageStars: 3, stars: [0, 1, 1, 1, 0] },
      [ja.stageIds[1]!]: { count: 2, averageStars: 4.5, stars: [0, 0, 0, 1, 1] },
      [ja.stageIds[2]!]: { count: 1, averageStars: 1, stars: [1, 0, 0, 0, 0] },
    });
  });

  it('carries each stage’s designed emotion as the map has it now', async () => {
    await inTenant(a, async (db) => {
      const { journey, stages } = await getJourney(db, ja.journeyId);
      stages[0]!.emotion = { score: 2, note: '' };
      stages[1]!.emotion = { score: -1, note: '' };
      stages[2]!.emotion = { score: null, note: '' };
      await saveMap(db, ja.journeyId, { revision: journey.revision, isCycle: journey.isCycle, stages });
    });
    const summary = await inTenant(a, (db) => stageReviewSummary(db, ja.journeyId));
    expect([ja.stageIds[0]!, ja.stageIds[1]!, ja.stageIds[2]!].map((id) => summary[id]!.designedEmotion)).toEqual([2, -1, null]);
  });

  it('leaves out a stage whose every review is spam, and a journey with none', async () => {
    await add(a, ja.links[1]!, 1, true);
    expect((await inTenant(a, (db) => stageReviewSummary(db, ja.journeyId)))[ja.stageIds[1]!]).toMatchObject({ count: 2, averageStars: 4.5, stars: [0, 0, 0, 1, 1] });
    const other = await setup(a);
    expect(await inTenant(a, (db) => stageReviewSummary(db, other.journeyId))).toEqual({});
    await add(a, other.links[1]!, 5, true);
    await add(a, other.links[1]!, 4, true);
    expect(await inTenant(a, (db) => stageReviewSummary(db, other.journeyId))).toEqual({});
  });

  it('never counts another business’s reviews, nor shows this one’s to it', async () => {
    const mine = await inTenant(b, (db) => stageReviewSummary(db, jb.journeyId));
    expect(figures(mine)).toEqual({ [jb.stageIds[0]!]: { count: 6, averageStars: 5, stars: [0, 0, 0, 0, 6] } });
    // B asking for A's journey learns nothing; A asking for B's likewise.
    expect(await inTenant(b, (db) => stageReviewSummary(db, ja.journeyId))).toEqual({});
    expect(await inTenant(a, (db) => stageReviewSummary(db, jb.journeyId))).toEqual({});
  });

  it('refuses a malformed journey id like an unknown one', async () => {
    await expect(inTenant(a, (db) => stageReviewSummary(db, 'not-a-uuid'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('leaves out a stage removed from the map, whose reviews stay in the inbox', async () => {
    await inTenant(a, async (db) => {
      const { journey, stages } = await getJourney(db, ja.journeyId);
      await saveMap(db, ja.journeyId, { revision: journey.revision, isCycle: journey.isCycle, stages: stages.slice(0, 2) });
    });
    const summary = await inTenant(a, (db) => stageReviewSummary(db, ja.journeyId));
    expect(Object.keys(summary).sort()).toEqual([ja.stageIds[0]!, ja.stageIds[1]!].sort());
    // The removed stage's review is still there.
    expect((await recount(a, ja.journeyId))[ja.stageIds[2]!]).toEqual({ count: 1, averageStars: 1, stars: [1, 0, 0, 0, 0] });
  });
});
