/**
 * The business-wide overview, the signed-in home (issue 10, item 8): `businessOverview` gives each
 * journey's reviews, average stars and CSAT for the period, equal to a recount of the raw rows (spam
 * out), honest below the minimum sample, with the change against the previous period; ranks only
 * stages with enough reviews (lowest first); lists the reviews needing attention (1–2 stars with a
 * comment, unread, in the period: newest first, at most five, counted all); narrows to a persona's
 * journeys; and never shows another business's journeys, stages or reviews, nor lets it pick a
 * persona of this one.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { personas, reviews } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { ATTENTION_SHOWN, businessOverview, readOverviewQuery, type OverviewFilter } from '@/lib/dashboard/overview';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import { createJourney, getJourney, saveMap } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };
type Setup = { journeyId: string; stageIds: string[]; links: string[] };

const DAY = 86_400_000;
/** An instant `days` days before now (noon-ish offsets keep it well inside a local day's period). */
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * DAY - minutes * 60_000);

async function business(name: string): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

async function persona(ctx: Who, name: string): Promise<string> {
  const id = randomUUID();
  await withTenant(ctx.tenantId, (tx) => tx.insert(personas).values({ tenantId: ctx.tenantId, id, name }));
  return id;
}

async function journey(ctx: Who, name: string, personaId: string | null, designed: (number | null)[] = [null, null, null]): Promise<Setup> {
  return inTenant(ctx, async (db) => {
    const { id: journeyId } = await createJourney(db, {
      name,
      personaId,
      model: 'three_stage',
      stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' },
    });
    const loaded = await getJourney(db, journeyId);
    loaded.stages.forEach((s, i) => (s.emotion = { score: designed[i] ?? null, note: '' }));
    await saveMap(db, journeyId, { revision: loaded.journey.revision, isCycle: loaded.journey.isCycle, stages: loaded.stages });
    const { stages } = await getJourney(db, journeyId);
    const links: string[] = [];
    for (const s of stages) {
      const { id } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId: s.id, touchpoint: 'QR di kasir', title: 'Ulasan' }));
      links.push(id);
    }
    return { journeyId, stageIds: stages.map((s) => s.id!), links };
  });
}

interface Put {
  stars: number;
  at: Date;
  comment?: string;
  status?: 'new' | 'read' | 'spam';
}

/** Reviews written straight into the table at chosen instants (the rollup triggers count them). */
async function put(ctx: Who, j: Setup, stage: number, rows: Put[]): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  await withTenant(ctx.tenantId, (tx) =>
    tx.insert(reviews).values(
      rows.map((r, i) => ({
        tenantId: ctx.tenantId,
        id: ids[i]!,
        linkId: j.links[stage]!,
        journeyId: j.journeyId,
        stageId: j.stageIds[stage]!,
        touchpoint: 'QR di kasir',
        stars: r.stars,
        comment: r.comment ?? '',
        status: r.status ?? 'read',
        spamReason: r.status === 'spam' ? 'too_fast' : null,
        submissionKey: randomUUID(),
        createdAt: r.at,
      })),
    ),
  );
  return ids;
}

const many = (stars: number[], at: (i: number) => Date, extra: Partial<Put> = {}): Put[] => stars.map((s, i) => ({ stars: s, at: at(i), ...extra }));

/** Reviews of a journey counted by hand from its rows, for instants in [from, to). */
async function recount(ctx: Who, journeyId: string, from: Date, to: Date) {
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.select().from(reviews).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.journeyId, journeyId))),
  );
  const kept = rows.filter((r) => r.status !== 'spam' && r.createdAt >= from && r.createdAt < to);
  const n = kept.length;
  return { n, mean: n ? kept.reduce((a, r) => a + r.stars, 0) / n : null, csat: n ? (100 * kept.filter((r) => r.stars >= 4).length) / n : null };
}

const overview = (ctx: Who, f: OverviewFilter = {}) => inTenant(ctx, (db) => businessOverview(db, f));

describe('businessOverview', () => {
  let a: Who;
  let b: Who;
  let nadia: string;
  let servis: Setup;
  let kopi: Setup;
  let other: Setup;
  let attentionIds: string[];
  let bReviewIds: string[];

  beforeAll(async () => {
    a = await business('Bengkel Ringkasan');
    b = await business('Bengkel Seberang');
    nadia = await persona(a, 'Nadia');
    // Journey 1 (no persona): the purchase stage drawn as +2.
    servis = await journey(a, 'Servis motor', null, [-1, 2, 1]);
    // Journey 2 (persona Nadia).
    kopi = await journey(a, 'Ngopi sore', nadia);
    other = await journey(b, 'Servis mobil', null);

    // Servis, stage 1 "Servis": 12 low reviews this period (mean 1.5), 12 fives the period before.
    await put(a, servis, 1, many([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2], (i) => ago(2, i)));
    await put(a, servis, 1, many(Array(12).fill(5), (i) => ago(40, i)));
    // Stage 0: 10 reviews, mean 4.5 (ranked best); stage 2: 5 reviews (too few to rank), and spam.
    await put(a, servis, 0, many([5, 4, 5, 4, 5, 4, 5, 4, 5, 4], (i) => ago(3, i)));
    await put(a, servis, 2, many([3, 3, 4, 4, 5], (i) => ago(5, i)));
    await put(a, servis, 2, many([1, 1, 1], (i) => ago(1, i), { status: 'spam', comment: 'slot gacor' }));
    // Kopi, stage 0: 11 reviews mean 3.
    await put(a, kopi, 0, many(Array(11).fill(3), (i) => ago(4, i)));
    // A review 10 days ago: in the 30 days, not in the 7.
    await put(a, kopi, 1, [{ stars: 4, at: ago(10) }]);

    // Attention: unread 1–2 stars with a comment in the period, newest first…
    attentionIds = [
      ...(await put(a, servis, 1, [{ stars: 1, at: ago(0, 30), comment: 'Antri lama banget', status: 'new' }])),
      ...(await put(a, kopi, 0, [{ stars: 2, at: ago(1), comment: 'Wifi gak nyambung', status: 'new' }])),
      ...(await put(a, servis, 1, [{ stars: 2, at: ago(6), comment: 'Harga beda dari perkiraan', status: 'new' }])),
      ...(await put(a, servis, 2, [{ stars: 1, at: ago(8), comment: 'Tidak dikabari', status: 'new' }])),
      ...(await put(a, servis, 0, [{ stars: 2, at: ago(12), comment: 'Kurang ramah', status: 'new' }])),
      ...(await put(a, kopi, 1, [{ stars: 1, at: ago(20), comment: 'Kopinya dingin', status: 'new' }])),
      ...(await put(a, servis, 1, [{ stars: 1, at: ago(25), comment: 'Lama', status: 'new' }])),
    ];
    // …and what is not: 3 stars, no comment, already read, spam, before the period.
    await put(a, servis, 1, [
      { stars: 3, at: ago(1), comment: 'Biasa saja', status: 'new' },
      { stars: 1, at: ago(1), comment: '', status: 'new' },
      { stars: 1, at: ago(1), comment: 'Sudah ditelepon balik', status: 'read' },
      { stars: 1, at: ago(1), comment: 'PINJAMAN ONLINE', status: 'spam' },
      { stars: 1, at: ago(45), comment: 'Dulu pernah kecewa', status: 'new' },
    ]);

    // Business B: plenty of angry unread reviews and high stars of its own.
    bReviewIds = await put(b, other, 1, many(Array(20).fill(1), (i) => ago(0, i + 1), { comment: 'Parah', status: 'new' }));
    await put(b, other, 0, many(Array(15).fill(5), (i) => ago(2, i)));
  });

  it('gives each journey its period’s reviews, average stars and CSAT, equal to a recount (spam out)', async () => {
    const o = await overview(a);
    expect(o.range).toBe('30d');
    expect(o.journeys.map((j) => j.name).sort()).toEqual(['Ngopi sore', 'Servis motor']);
    // The period is 30 local days ending today (WIB): count from the start of its first day.
    const from = new Date(Date.parse(`${o.period.from}T00:00:00+07:00`));
    const to = new Date(Date.parse(`${o.period.to}T00:00:00+07:00`) + DAY);
    for (const j of o.journeys) {
      const r = await recount(a, j.journeyId, from, to);
      expect(j.reviews).toBe(r.n);
      expect(j.averageStars.n).toBe(r.n);
      expect(j.averageStars.value).toBeCloseTo(r.mean!, 10);
      expect(j.csat.value).toBeCloseTo(r.csat!, 10);
      expect(j.averageStars.low).toBeLessThan(j.averageStars.value!);
    }
    const servisRow = o.journeys.find((j) => j.journeyId === servis.journeyId)!;
    expect(servisRow.previousReviews).toBe(13); // the twelve fives and the one from 45 days ago
    expect(servisRow.change.averageStars.direction).toBe('down');
    expect(servisRow.change.csat.direction).toBe('down');
    expect(o.reviews).toBe(o.journeys.reduce((s, j) => s + j.reviews, 0));
  });

  it('is honest below the minimum sample: no bold figure, how many more are needed, no change claimed', async () => {
    const o = await overview(a, { range: '7d' });
    const kopiRow = o.journeys.find((j) => j.journeyId === kopi.journeyId)!;
    // 7 days: 11 threes and the one unread 2 → 12; the 4 from 10 days ago is out.
    expect(kopiRow.reviews).toBe(12);
    const thirty = (await overview(a, { range: '30d' })).journeys.find((j) => j.journeyId === kopi.journeyId)!;
    expect(thirty.reviews).toBe(14); // + the 4 from 10 days ago and the unread 1 from 20 days ago
    // One review in the previous 7 days (the 4 from 10 days ago): too few to call a change.
    expect(kopiRow.previousReviews).toBe(1);
    expect(kopiRow.change.averageStars.direction).toBe('uncertain');
    // A journey with five reviews in 7 days: figures present but not enough.
    const c = await business('Warung Sepi');
    const warung = await journey(c, 'Makan siang', null);
    await put(c, warung, 0, many([5, 4, 5, 4, 5], (i) => ago(1, i)));
    const w = (await overview(c, { range: '7d' })).journeys[0]!;
    expect(w.reviews).toBe(5);
    expect(w.averageStars).toMatchObject({ n: 5, enough: false, moreNeeded: MIN_SAMPLE - 5 });
    expect(w.csat).toMatchObject({ n: 5, value: 100, enough: false, moreNeeded: MIN_SAMPLE - 5 });
    expect((await overview(c, { range: '7d' })).worst).toEqual([]);
  });

  it('ranks only stages with enough reviews, lowest average first, never one stage as both best and worst', async () => {
    const o = await overview(a);
    const all = [...o.worst, ...o.best];
    for (const s of all) expect(s.reviews).toBeGreaterThanOrEqual(MIN_SAMPLE);
    expect(new Set(all.map((s) => s.stageId)).size).toBe(all.length);
    // Worst: Servis motor's purchase stage: 12 lows, 3 unread lows, and a 3, a 1 without a
    // comment and a read 1 in the period (spam and the 45-day-old one out).
    expect(o.worst[0]).toMatchObject({ journeyName: 'Servis motor', stageId: servis.stageIds[1], stageName: 'Servis', designedEmotion: 2 });
    const worst = o.worst[0]!;
    expect(worst.reviews).toBe(18);
    expect(worst.averageStars.value).toBeCloseTo((6 * 1 + 6 * 2 + (1 + 2 + 1) + (3 + 1 + 1)) / 18, 10);
    // Its measured emotion is stars − 3 with the same interval shifted.
    expect(worst.measuredEmotion.value).toBeCloseTo(worst.averageStars.value! - 3, 10);
    expect(worst.measuredEmotion.high).toBeCloseTo(worst.averageStars.high! - 3, 10);
    // Best: stage 0 of Servis motor (ten 4–5 stars, one unread 2); Kopi's first stage is between.
    expect(o.best[0]).toMatchObject({ stageId: servis.stageIds[0], reviews: 11 });
    const ranked = [...o.worst, ...[...o.best].reverse()].map((s) => s.averageStars.value!);
    expect(ranked).toEqual([...ranked].sort((x, y) => x - y));
    // Servis's third stage (5 + one unread 1 = 6 reviews) and Kopi's second (2) are not ranked.
    expect(all.map((s) => s.stageId)).not.toContain(servis.stageIds[2]);
    expect(o.unranked).toBe(2);
  });

  it('lists the reviews needing attention: unread 1–2 stars with a comment in the period, newest first, five at most, all counted', async () => {
    const o = await overview(a);
    expect(o.attention.total).toBe(attentionIds.length);
    expect(o.attention.windowFull).toBe(false);
    expect(o.attention.items.map((r) => r.id)).toEqual(attentionIds.slice(0, ATTENTION_SHOWN));
    expect(o.attention.items[0]).toMatchObject({ stars: 1, comment: 'Antri lama banget', journeyName: 'Servis motor', stageName: 'Servis', stageId: servis.stageIds[1] });
    expect(o.attention.items[0]!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 7 days: only the three newest.
    const week = await overview(a, { range: '7d' });
    expect(week.attention.total).toBe(3);
    expect(week.attention.items.map((r) => r.id)).toEqual(attentionIds.slice(0, 3));
    // The read is bounded: only the period's newest N reviews are looked at; past them the count is a floor.
    const narrow = await inTenant(a, (db) => businessOverview(db, {}, { attentionWindow: 2 }));
    expect(narrow.attention).toMatchObject({ total: 1, windowFull: true });
    expect(narrow.attention.items.map((r) => r.id)).toEqual(attentionIds.slice(0, 1));
    const wide = await inTenant(a, (db) => businessOverview(db, {}, { attentionWindow: 500 }));
    expect(wide.attention).toMatchObject({ total: attentionIds.length, windowFull: false });
  });

  it('narrows to a persona’s journeys, their stages and their reviews', async () => {
    const o = await overview(a, { persona: nadia });
    expect(o.persona).toBe(nadia);
    expect(o.personas).toEqual([{ id: nadia, name: 'Nadia' }]);
    expect(o.journeys.map((j) => j.journeyId)).toEqual([kopi.journeyId]);
    expect([...o.worst, ...o.best].every((s) => s.journeyId === kopi.journeyId)).toBe(true);
    expect(o.attention.items.map((r) => r.journeyId)).toEqual([kopi.journeyId, kopi.journeyId]);
    expect(o.attention.total).toBe(2);
  });

  it('answers NotFound for an unknown persona or another business’s, and reads the address leniently', async () => {
    await expect(overview(a, { persona: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await persona(b, 'Pak Hendra');
    await expect(overview(a, { persona: theirs })).rejects.toBeInstanceOf(NotFoundError);
    expect(readOverviewQuery({ range: '90d', persona: nadia })).toEqual({ range: '90d', persona: nadia, badId: false });
    expect(readOverviewQuery({ range: 'forever' })).toEqual({ range: '30d', persona: undefined, badId: false });
    expect(readOverviewQuery({ persona: 'bukan-uuid' }).badId).toBe(true);
  });

  it('never shows another business’s journeys, stages or reviews, and B sees only its own', async () => {
    const mine = await overview(a, { range: '12m' });
    expect(mine.journeys.map((j) => j.journeyId)).not.toContain(other.journeyId);
    expect([...mine.worst, ...mine.best].map((s) => s.journeyId)).not.toContain(other.journeyId);
    expect(mine.attention.items.map((r) => r.id).some((id) => bReviewIds.includes(id))).toBe(false);
    expect(mine.attention.total).toBe(attentionIds.length + 1); // + the one from 45 days ago

    const theirs = await overview(b);
    expect(theirs.journeys.map((j) => j.journeyId)).toEqual([other.journeyId]);
    expect(theirs.journeys[0]!.reviews).toBe(35);
    expect(theirs.attention.total).toBe(20);
    expect(theirs.attention.items.every((r) => bReviewIds.includes(r.id))).toBe(true);
    expect(theirs.worst.map((s) => s.stageId)).toEqual([other.stageIds[1]]);
    expect(theirs.best.map((s) => s.stageId)).toEqual([other.stageIds[0]]);
  });
});
