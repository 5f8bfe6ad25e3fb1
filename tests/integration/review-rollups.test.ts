/**
 * The per-day review rollups (migration 0015, `review_stage_days`) always equal a recount of the
 * raw reviews (issue 10, "How fast"). A property test (fast-check) applies random sequences of what
 * can happen to reviews through the app's own code — submits (spam or not, NPS skipped or not, on
 * several links, stages and touchpoints), reviews written at chosen instants around local
 * midnight, hides as spam, restores, reads, erasures, a change of the business's time zone (WIB ↔
 * WITA ↔ WIT, through the settings code) and the deletion of a journey — and after each sequence
 * compares every rollup row (all-zero rows aside) with a recount done here from the raw rows, in
 * JavaScript, with the zones' fixed offsets (Indonesia keeps no daylight saving time). A second
 * business's rollups stay untouched throughout. On PostgreSQL, 20 submits at once to one stage and
 * day end with the right count.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { journeys, reviews, reviewStageDays, tenants, type TimeZone } from '@/db/schema';
import { env } from '@/lib/core/env';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { eraseReviewContact, setReviewStatus } from '@/lib/reviews/inbox';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { getTenant, updateTenant } from '@/lib/team/team';
import { makeTenant } from '../support/factory';

const onPostgres = Boolean(env.DATABASE_URL);

type Who = { tenantId: string; userId: string };
type Link = { id: string; journeyId: string; stageId: string; touchpoint: string; askNps: boolean };
type Business = Who & { journeyIds: string[]; links: Link[] };

const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const satisfies readonly TimeZone[];
const offsetHours: Record<TimeZone, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/**
 * A business with two journeys and five links: two links on one stage with the same touchpoint
 * (the link is part of the key), one that does not ask NPS (stored as skipped), one with no
 * touchpoint, and one on the second journey (which a sequence may delete).
 */
async function business(name: string): Promise<Business> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  const who = { tenantId: t.id, userId: t.owner.id };
  return inTenant(who, async (db) => {
    const j1 = await createJourney(db, { name: 'Servis mobil', model: 'three_stage', stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' } });
    const j2 = await createJourney(db, { name: 'Cuci mobil', model: 'three_stage', stageNames: { pre_purchase: 'Datang', purchase: 'Cuci', post_purchase: 'Pulang' } });
    const s1 = (await getJourney(db, j1.id)).stages.map((s) => s.id!);
    const s2 = (await getJourney(db, j2.id)).stages.map((s) => s.id!);
    const specs: Omit<Link, 'id'>[] = [
      { journeyId: j1.id, stageId: s1[0]!, touchpoint: 'QR di kasir', askNps: true },
      { journeyId: j1.id, stageId: s1[0]!, touchpoint: 'QR di kasir', askNps: true },
      { journeyId: j1.id, stageId: s1[1]!, touchpoint: 'WhatsApp', askNps: false },
      { journeyId: j1.id, stageId: s1[2]!, touchpoint: '', askNps: true },
      { journeyId: j2.id, stageId: s2[1]!, touchpoint: 'Brosur', askNps: true },
    ];
    const links: Link[] = [];
    for (const s of specs) {
      const input = reviewLinkInputSchema.parse({ journeyId: s.journeyId, stageId: s.stageId, touchpoint: s.touchpoint, title: 'Ulasan', askNps: s.askNps ? 'on' : undefined });
      const { id } = await createReviewLink(db, input);
      links.push({ ...s, id });
    }
    return { ...who, journeyIds: [j1.id, j2.id], links };
  });
}

// ---- what can happen ------------------------------------------------------------------------

const stars = fc.integer({ min: 1, max: 5 });
const nps = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 4 });
const pick = fc.nat({ max: 1000 });

/** Seconds into a UTC day: anywhere, or within 90 s of local midnight in WIT (15:00Z), WITA (16:00Z) or WIB (17:00Z). */
const secondOfDay = fc.oneof(
  fc.integer({ min: 0, max: 86_399 }),
  fc.tuple(fc.constantFrom(15, 16, 17), fc.integer({ min: -90, max: 90 })).map(([h, s]) => h * 3600 + s),
);

const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), link: pick, stars, nps, spam: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), link: pick, stars, nps, spam: fc.boolean(), day: fc.integer({ min: 0, max: 4 }), second: secondOfDay }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hide' as const), review: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), review: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), review: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), review: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom(...zones) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteJourney' as const), journey: fc.integer({ min: 0, max: 1 }) }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function reviewRows(b: Who) {
  return withTenant(b.tenantId, (tx) =>
    tx
      .select({ id: reviews.id, status: reviews.status, journeyId: reviews.journeyId, stageId: reviews.stageId, linkId: reviews.linkId, touchpoint: reviews.touchpoint, stars: reviews.stars, nps: reviews.nps, createdAt: reviews.createdAt })
      .from(reviews)
      .where(eq(reviews.tenantId, b.tenantId))
      .orderBy(reviews.createdAt, reviews.id),
  );
}

async function apply(b: Business, s: Step, gone: Set<string>): Promise<void> {
  const live = b.links.filter((l) => !gone.has(l.journeyId));
  switch (s.kind) {
    case 'submit': {
      if (!live.length) return;
      const link = live[s.link % live.length]!;
      const input = reviewSubmissionSchema.parse({ stars: String(s.stars), nps: s.nps === null ? '' : String(s.nps), comment: 'Pelayanannya tidak ramah' });
      await inTenant({ tenantId: b.tenantId, userId: '' }, (db) => submitReview(db, link.id, input, { key: randomUUID(), locale: 'id', spamReason: s.spam ? 'too_fast' : null }));
      return;
    }
    case 'insert': {
      if (!live.length) return;
      const link = live[s.link % live.length]!;
      const createdAt = new Date(Date.UTC(2026, 0, 30 + s.day) + s.second * 1000);
      await withTenant(b.tenantId, (tx) =>
        tx.insert(reviews).values({
          tenantId: b.tenantId,
          linkId: link.id,
          journeyId: link.journeyId,
          stageId: link.stageId,
          touchpoint: link.touchpoint,
          stars: s.stars,
          nps: link.askNps ? s.nps : null,
          comment: 'Mantap',
          status: s.spam ? 'spam' : 'new',
          spamReason: s.spam ? 'honeypot' : null,
          submissionKey: randomUUID(),
          createdAt,
        }),
      );
      return;
    }
    case 'hide':
    case 'restore':
    case 'read':
    case 'erase': {
      const rows = await reviewRows(b);
      const from = { hide: rows.filter((r) => r.status !== 'spam'), restore: rows.filter((r) => r.status === 'spam'), read: rows.filter((r) => r.status === 'new'), erase: rows }[s.kind];
      if (!from.length) return;
      const id = from[s.review % from.length]!.id;
      await inTenant(b, (db) => (s.kind === 'erase' ? eraseReviewContact(db, id) : setReviewStatus(db, id, s.kind === 'hide' ? 'spam' : 'read')));
      return;
    }
    case 'zone': {
      await inTenant(b, async (db) => {
        const t = await getTenant(db);
        await updateTenant(db, { name: t.name, businessType: t.businessType, city: t.city, timeZone: s.zone });
      });
      return;
    }
    case 'deleteJourney': {
      const journeyId = b.journeyIds[s.journey]!;
      if (gone.has(journeyId)) return;
      await withTenant(b.tenantId, (tx) => tx.delete(journeys).where(and(eq(journeys.tenantId, b.tenantId), eq(journeys.id, journeyId))));
      gone.add(journeyId);
      return;
    }
  }
}

// ---- the comparison -------------------------------------------------------------------------

type Counts = [number, number, number, number, number, number, number, number, number];
const zero = (): Counts => [0, 0, 0, 0, 0, 0, 0, 0, 0];

/** Every rollup row of the business that counts something: key → stars 1..5, promoters, passives, detractors, skipped. */
async function rollups(b: Who): Promise<Record<string, Counts>> {
  const rows = await withTenant(b.tenantId, (tx) => tx.select().from(reviewStageDays).where(eq(reviewStageDays.tenantId, b.tenantId)));
  const out: Record<string, Counts> = {};
  for (const r of rows) {
    const c: Counts = [r.stars1, r.stars2, r.stars3, r.stars4, r.stars5, r.promoters, r.passives, r.detractors, r.npsSkipped];
    if (c.every((n) => n === 0)) continue;
    out[[r.journeyId, r.stageId, r.linkId, r.touchpoint, r.day].join('|')] = c;
  }
  return out;
}

/** The same from the raw reviews, by hand: spam left out, the local day from the zone's offset. */
async function recount(b: Who): Promise<Record<string, Counts>> {
  const [tenant] = await withTenant(b.tenantId, (tx) => tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, b.tenantId)));
  const offset = offsetHours[tenant!.timeZone] * 3_600_000;
  const out: Record<string, Counts> = {};
  for (const r of await reviewRows(b)) {
    if (r.status === 'spam') continue;
    const day = new Date(r.createdAt.getTime() + offset).toISOString().slice(0, 10);
    const c = (out[[r.journeyId, r.stageId, r.linkId, r.touchpoint, day].join('|')] ??= zero());
    c[r.stars - 1]! += 1;
    c[r.nps === null ? 8 : r.nps >= 9 ? 5 : r.nps >= 7 ? 6 : 7]! += 1;
  }
  return out;
}

// ---- the tests ------------------------------------------------------------------------------

describe('review rollups', () => {
  let other: Business;
  let otherBefore: Record<string, Counts>;

  beforeAll(async () => {
    // A second business with its own reviews, in WIT: nothing the first one does may touch them.
    other = await business('Bengkel Tetangga');
    await apply(other, { kind: 'zone', zone: 'Asia/Jayapura' }, new Set());
    for (let i = 0; i < 6; i++) {
      await apply(other, { kind: 'insert', link: i, stars: 1 + (i % 5), nps: i % 3 ? 9 : null, spam: i === 5, day: i % 2, second: 15 * 3600 + i }, new Set());
      await apply(other, { kind: 'submit', link: i, stars: 5, nps: 10, spam: false }, new Set());
    }
    otherBefore = await rollups(other);
    expect(Object.keys(otherBefore).length).toBeGreaterThan(3);
    expect(otherBefore).toEqual(await recount(other));
  });

  it('equal a recount from the raw rows after any sequence of submits, hides, restores, reads, erasures, zone changes and journey deletions', async () => {
    let runs = 0;
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        runs += 1;
        const b = await business('Bengkel Acak');
        const gone = new Set<string>();
        for (const s of steps) await apply(b, s, gone);
        const got = await rollups(b);
        if (Object.keys(got).length > 0) nonTrivial += 1;
        expect(got).toEqual(await recount(b));
      }),
      { numRuns: 60, endOnFailure: true },
    );
    // The sequences did exercise the rollups (not only businesses left with nothing counted).
    expect(runs).toBeGreaterThan(0);
    expect(nonTrivial).toBeGreaterThan(runs / 4);
  }, 120_000);

  it('a hand-picked sequence: a review at 00:30 WITA moves to the day before in WIB and back, spam and restore on the way', async () => {
    const b = await business('Bengkel Tengah Malam');
    const gone = new Set<string>();
    // 16:30Z on 2026-01-30 = 23:30 WIB on the 30th = 00:30 WITA on the 31st.
    await apply(b, { kind: 'insert', link: 0, stars: 2, nps: 3, spam: false, day: 0, second: 16 * 3600 + 1800 }, gone);
    await apply(b, { kind: 'insert', link: 0, stars: 5, nps: null, spam: true, day: 0, second: 16 * 3600 + 1800 }, gone);
    const key = (day: string) => [b.links[0]!.journeyId, b.links[0]!.stageId, b.links[0]!.id, 'QR di kasir', day].join('|');
    expect(await rollups(b)).toEqual({ [key('2026-01-30')]: [0, 1, 0, 0, 0, 0, 0, 1, 0] });
    await apply(b, { kind: 'zone', zone: 'Asia/Makassar' }, gone);
    expect(await rollups(b)).toEqual({ [key('2026-01-31')]: [0, 1, 0, 0, 0, 0, 0, 1, 0] });
    await apply(b, { kind: 'restore', review: 0 }, gone);
    expect(await rollups(b)).toEqual({ [key('2026-01-31')]: [0, 1, 0, 0, 1, 0, 0, 1, 1] });
    await apply(b, { kind: 'hide', review: 0 }, gone); // the first not-spam review by time, id: either of the two
    const left = await rollups(b);
    expect(Object.values(left).flat().reduce((x, y) => x + y, 0)).toBe(2); // one review: one star count, one NPS group
    expect(left).toEqual(await recount(b));
    await apply(b, { kind: 'zone', zone: 'Asia/Jakarta' }, gone);
    expect(await rollups(b)).toEqual(await recount(b));
    expect(Object.keys(await rollups(b))).toEqual([key('2026-01-30')]);
    await apply(b, { kind: 'deleteJourney', journey: 0 }, gone);
    expect(await rollups(b)).toEqual({});
  });

  it.runIf(onPostgres)('20 submits at once to the same stage and day count 20', async () => {
    const b = await business('Bengkel Ramai');
    const link = b.links[3]!;
    const input = reviewSubmissionSchema.parse({ stars: '4', nps: '9' });
    await Promise.all(
      Array.from({ length: 20 }, () => inTenant({ tenantId: b.tenantId, userId: '' }, (db) => submitReview(db, link.id, input, { key: randomUUID(), locale: 'id', spamReason: null }))),
    );
    const got = await rollups(b);
    // One row (two if the 20 straddle local midnight), summing to 20 four-star promoters.
    const total = Object.values(got).reduce<Counts>((sum, c) => sum.map((n, i) => n + c[i]!) as Counts, zero());
    expect(total).toEqual([0, 0, 0, 20, 0, 20, 0, 0, 0]);
    expect(got).toEqual(await recount(b));
  });

  // A review committed while the business's time zone changes, in either order: its rollup must
  // end on its local day in the new zone (the rebuild and the review's own +1 must not miss or
  // double-count each other). 16:30Z is 23:30 WIB on the 30th and 00:30 WITA on the 31st, so the
  // review's rollup row is a new one, which the rebuild cannot see nor wait for by itself.
  describe.runIf(onPostgres)('a review written while the time zone changes', () => {
    const sleep = (ms: number) => new Promise<boolean>((r) => setTimeout(() => r(false), ms));
    const late = (b: Business) => ({
      tenantId: b.tenantId,
      linkId: b.links[0]!.id,
      journeyId: b.links[0]!.journeyId,
      stageId: b.links[0]!.stageId,
      touchpoint: b.links[0]!.touchpoint,
      stars: 3,
      nps: 8,
      submissionKey: randomUUID(),
      createdAt: new Date('2026-01-30T16:30:00Z'),
    });

    it('review first, zone change while it is still open', async () => {
      const b = await business('Bengkel Zona A');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let wrote!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const writer = withTenant(b.tenantId, async (tx) => {
        await tx.insert(reviews).values(late(b));
        wrote();
        await gate;
      });
      await written;
      const mover = apply(b, { kind: 'zone', zone: 'Asia/Makassar' }, new Set());
      await Promise.race([mover.then(() => true), sleep(300)]);
      release();
      await writer;
      await mover;
      expect(await rollups(b)).toEqual(await recount(b));
    });

    it('zone change first, review written while it is still open', async () => {
      const b = await business('Bengkel Zona B');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let moved!: () => void;
      const changed = new Promise<void>((r) => (moved = r));
      const mover = inTenant(b, async (db) => {
        const t = await getTenant(db);
        await updateTenant(db, { name: t.name, businessType: t.businessType, city: t.city, timeZone: 'Asia/Makassar' });
        moved();
        await gate;
      });
      await changed;
      const writer = withTenant(b.tenantId, (tx) => tx.insert(reviews).values(late(b)));
      await Promise.race([writer.then(() => true), sleep(300)]);
      release();
      await mover;
      await writer;
      expect(await rollups(b)).toEqual(await recount(b));
    });
  });

  it("leave the other business's rollups untouched", async () => {
    expect(await rollups(other)).toEqual(otherBefore);
    expect(otherBefore).toEqual(await recount(other));
  });
});
