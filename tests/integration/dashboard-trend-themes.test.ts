/**
 * The dashboard's trend and comment themes (issue 10, items 4 and 6) on a real database: buckets
 * are local days in the business's time zone (WIB and WIT), weeks start on Monday, gaps are zero,
 * "all time" starts at the first review, the bucket count is bounded; themes come from hand-written
 * Indonesian comments with known themes ("antri lama", "tidak ramah" survive), spam and neutral
 * reviews are left out, the comment window holds per stage (a busy stage does not crowd out a quiet
 * one); another business's journey is NotFound.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviews, tenants } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import type { StageStatsFilter } from '@/lib/dashboard/stage-stats';
import { termsOf, themePattern } from '@/lib/dashboard/themes';
import { COMMENTS_PER_STAGE, stageThemes } from '@/lib/dashboard/themes-query';
import { MAX_BUCKETS, reviewTrend } from '@/lib/dashboard/trend';
import { buildTrendCsv, trendCsvColumns, trendCsvFileName } from '@/lib/dashboard/trend-csv';
import { parse } from 'csv-parse/sync';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import type { TimeZone } from '@/lib/shared/time-zones';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };
type Setup = { journeyId: string; stageIds: string[]; links: string[] };

async function business(name: string, zone: TimeZone = 'Asia/Jakarta'): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  if (zone !== 'Asia/Jakarta') await withTenant(t.id, (tx) => tx.update(tenants).set({ timeZone: zone }).where(eq(tenants.id, t.id)));
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

type Row = { stage: number; at: string; stars: number; comment?: string; spam?: boolean };

/** Reviews written straight into the table (the rollup triggers count them), at chosen instants. */
async function put(ctx: Who, j: Setup, rows: Row[]) {
  await withTenant(ctx.tenantId, (tx) =>
    tx.insert(reviews).values(
      rows.map((r) => ({
        tenantId: ctx.tenantId,
        linkId: j.links[r.stage]!,
        journeyId: j.journeyId,
        stageId: j.stageIds[r.stage]!,
        touchpoint: 'QR di kasir',
        stars: r.stars,
        comment: r.comment ?? '',
        status: r.spam ? ('spam' as const) : ('new' as const),
        spamReason: r.spam ? 'too_fast' : null,
        submissionKey: randomUUID(),
        createdAt: new Date(r.at),
      })),
    ),
  );
}

type F = Omit<StageStatsFilter, 'journey'> & { journey: string };
const trend = (ctx: Who, f: F) => inTenant(ctx, (db) => reviewTrend(db, f));
const themesOf = (ctx: Who, f: F) => inTenant(ctx, (db) => stageThemes(db, f));

describe('reviewTrend', () => {
  let wib: Who;
  let wit: Who;
  let jWib: Setup;
  let jWit: Setup;

  beforeAll(async () => {
    wib = await business('Bengkel Tren');
    wit = await business('Bengkel Jayapura', 'Asia/Jayapura');
    jWib = await setup(wib);
    jWit = await setup(wit);
    // 23:30 WIB on 10 March (16:30 UTC on the 10th) and 00:30 WIB on 11 March (17:30 UTC on the 10th).
    await put(wib, jWib, [
      { stage: 0, at: '2026-03-10T16:30:00Z', stars: 5 },
      { stage: 0, at: '2026-03-10T17:30:00Z', stars: 1 },
      { stage: 1, at: '2026-03-10T17:30:00Z', stars: 3 },
      { stage: 1, at: '2026-03-12T03:00:00Z', stars: 4, spam: true },
      { stage: 2, at: '2026-05-20T03:00:00Z', stars: 2 },
    ]);
    // 23:30 WIT on 10 March (14:30 UTC) and 00:30 WIT on 11 March (15:30 UTC on the 10th).
    await put(wit, jWit, [
      { stage: 0, at: '2026-03-10T14:30:00Z', stars: 4 },
      { stage: 0, at: '2026-03-10T15:30:00Z', stars: 2 },
    ]);
  });

  it('counts a review on its local day in WIB: 23:30 on the 10th is the 10th, 00:30 on the 11th the 11th', async () => {
    const t = await trend(wib, { journey: jWib.journeyId, from: '2026-03-08', to: '2026-03-14' });
    expect(t.bucket).toBe('day');
    expect(t.timeZone).toBe('Asia/Jakarta');
    expect(t.points.map((p) => p.bucket)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14']);
    expect(t.points.map((p) => p.reviews)).toEqual([0, 0, 1, 2, 0, 0, 0]);
    const tenth = t.points[2]!;
    expect(tenth.stars).toEqual([0, 0, 0, 0, 1]);
    expect(tenth.averageStars).toMatchObject({ n: 1, value: 5, enough: false, moreNeeded: 9 });
    expect(t.points[3]!.averageStars.value).toBe(2);
    // Spam on the 12th is not counted; empty days are zero with no average.
    expect(t.points[4]!.averageStars).toMatchObject({ n: 0, value: null });
    expect(t.reviews).toBe(3);
  });

  it('counts a review on its local day in WIT (Asia/Jayapura) as well', async () => {
    const t = await trend(wit, { journey: jWit.journeyId, from: '2026-03-10', to: '2026-03-11' });
    expect(t.timeZone).toBe('Asia/Jayapura');
    expect(t.points.map((p) => [p.bucket, p.stars])).toEqual([
      ['2026-03-10', [0, 0, 0, 1, 0]],
      ['2026-03-11', [0, 1, 0, 0, 0]],
    ]);
  });

  it('uses Monday weeks for a two-month period, partial at the ends, zero in the gaps', async () => {
    const t = await trend(wib, { journey: jWib.journeyId, from: '2026-03-04', to: '2026-05-27' });
    expect(t.bucket).toBe('week');
    expect(t.points[0]).toMatchObject({ bucket: '2026-03-02', start: '2026-03-04', end: '2026-03-08', partial: true, reviews: 0 });
    expect(t.points[1]).toMatchObject({ bucket: '2026-03-09', start: '2026-03-09', end: '2026-03-15', partial: false, reviews: 3 });
    expect(t.points.at(-1)).toMatchObject({ bucket: '2026-05-25', start: '2026-05-25', end: '2026-05-27', partial: true });
    expect(t.points.find((p) => p.bucket === '2026-05-18')!.reviews).toBe(1);
    expect(t.points.every((p, i) => i === 0 || Date.parse(p.bucket) - Date.parse(t.points[i - 1]!.bucket) === 7 * 86_400_000)).toBe(true);
    expect(t.points.reduce((a, p) => a + p.reviews, 0)).toBe(4);
  });

  it('uses months for a long period, and "all time" starts at the first review', async () => {
    const all = await trend(wib, { journey: jWib.journeyId, range: 'all' });
    expect(all.period.from).toBe('2026-03-10');
    expect(all.points[0]!.start).toBe('2026-03-10');
    expect(all.reviews).toBe(4);
    const long = await trend(wib, { journey: jWib.journeyId, from: '2025-12-15', to: '2026-06-30' });
    expect(long.bucket).toBe('month');
    expect(long.points.map((p) => [p.bucket, p.reviews])).toEqual([
      ['2025-12-01', 0],
      ['2026-01-01', 0],
      ['2026-02-01', 0],
      ['2026-03-01', 3],
      ['2026-04-01', 0],
      ['2026-05-01', 1],
      ['2026-06-01', 0],
    ]);
  });

  it('filters by stage, and a journey without reviews has no points for all time', async () => {
    const s = await trend(wib, { journey: jWib.journeyId, stage: jWib.stageIds[0]!, from: '2026-03-10', to: '2026-03-11' });
    expect(s.points.map((p) => p.reviews)).toEqual([1, 1]);
    const empty = await setup(wib);
    const e = await trend(wib, { journey: empty.journeyId });
    expect(e.points).toEqual([]);
    expect(e.period.from).toBeNull();
  });

  it('keeps at most MAX_BUCKETS buckets, the newest', async () => {
    const t = await trend(wib, { journey: jWib.journeyId, from: '1900-01-01', to: '2026-05-31' });
    expect(t.bucket).toBe('month');
    expect(t.points).toHaveLength(MAX_BUCKETS);
    expect(t.clipped).toBe(true);
    expect(t.points.at(-1)!.bucket).toBe('2026-05-01');
    expect(t.reviews).toBe(4);
  });

  it('the CSV has one row per bucket with the trend’s figures, machine-readable', async () => {
    const t = await trend(wib, { journey: jWib.journeyId, from: '2026-03-09', to: '2026-03-11' });
    const csv = buildTrendCsv(t);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const [header, ...rows] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual([...trendCsvColumns]);
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['day', '2026-03-09', '2026-03-09', '2026-03-09', 'false', '0'],
      ['day', '2026-03-10', '2026-03-10', '2026-03-10', 'false', '1'],
      ['day', '2026-03-11', '2026-03-11', '2026-03-11', 'false', '2'],
    ]);
    const col = (r: string[], c: (typeof trendCsvColumns)[number]) => r[trendCsvColumns.indexOf(c)];
    // No reviews: empty average; one review: an average without an interval; 1★ + 3★: 2 with one.
    expect([col(rows[0]!, 'average_stars'), col(rows[1]!, 'average_stars'), col(rows[1]!, 'average_stars_low'), col(rows[2]!, 'average_stars')]).toEqual(['', '5', '', '2']);
    expect(Number(col(rows[2]!, 'average_stars_high'))).toBeCloseTo(t.points[2]!.averageStars.high!, 4);
    expect(rows.map((r) => [col(r, 'stars_1'), col(r, 'stars_3'), col(r, 'stars_5'), col(r, 'enough_reviews'), col(r, 'more_reviews_needed'), col(r, 'time_zone')])).toEqual([
      ['0', '0', '0', 'false', '10', 'Asia/Jakarta'],
      ['0', '0', '1', 'false', '9', 'Asia/Jakarta'],
      ['1', '1', '0', 'false', '8', 'Asia/Jakarta'],
    ]);
    // 23:00 UTC on 29 November is 30 November in Jayapura.
    expect(trendCsvFileName(new Date('2026-11-29T23:00:00Z'), 'Asia/Jayapura')).toBe('tren-2026-11-30.csv');
  });

  it('another business’s journey, or an unknown one, is NotFound', async () => {
    await expect(trend(wib, { journey: jWit.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(trend(wit, { journey: jWib.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(trend(wib, { journey: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('stageThemes', () => {
  let a: Who;
  let b: Who;
  let ja: Setup;
  let jb: Setup;

  const negative = [
    'Antri lama banget, 2 jam baru dipanggil!',
    'antre lama, kasirnya gak ramah',
    'Mekaniknya nggak ramah dan antri lama sekali',
    'Kasir tdk ramah, harga beda dari estimasi',
    'Harga beda dengan estimasi awal. Kecewa.',
  ];
  const positive = ['Pelayanan ramah, hasil servis rapi', 'Mekanik ramah bgt, harga terjangkau', 'pelayanan ramah dan cepat, mantul', 'Harga terjangkau, recomended!'];

  beforeAll(async () => {
    a = await business('Bengkel Topik');
    b = await business('Bengkel Lain');
    ja = await setup(a);
    jb = await setup(b);
    await put(a, ja, [
      ...negative.map((comment, i) => ({ stage: 1, at: `2026-04-0${i + 1}T03:00:00Z`, stars: i % 2 ? 1 : 2, comment })),
      ...positive.map((comment, i) => ({ stage: 1, at: `2026-04-0${i + 1}T04:00:00Z`, stars: i % 2 ? 4 : 5, comment })),
      // Neutral and spam are not themes; a review without a comment is not read.
      { stage: 1, at: '2026-04-02T05:00:00Z', stars: 3, comment: 'tidak ramah tidak ramah antri lama' },
      { stage: 1, at: '2026-04-02T06:00:00Z', stars: 1, comment: 'tidak ramah, antri lama, promo judi', spam: true },
      { stage: 1, at: '2026-04-02T07:00:00Z', stars: 1 },
      // Another stage, and a comment before the period below.
      { stage: 0, at: '2026-04-03T03:00:00Z', stars: 1, comment: 'Telepon tidak diangkat, tidak diangkat terus' },
      { stage: 0, at: '2026-04-04T03:00:00Z', stars: 2, comment: 'WA tidak dibalas, telepon tidak diangkat' },
      { stage: 0, at: '2026-03-01T03:00:00Z', stars: 1, comment: 'lokasi susah dicari, lokasi susah' },
    ]);
    await put(b, jb, [{ stage: 1, at: '2026-04-01T03:00:00Z', stars: 1, comment: 'tidak ramah tidak ramah' }]);
  });

  it('finds the known themes per stage and side: "antri lama", "tidak ramah", "harga beda"; "harga terjangkau"', async () => {
    const t = await themesOf(a, { journey: ja.journeyId, from: '2026-04-01', to: '2026-04-30' });
    expect(t.stages.map((s) => s.name)).toEqual(['Cari bengkel', 'Servis', 'Balik lagi']);
    const servis = t.stages[1]!;
    expect(servis.negative.comments).toBe(5);
    expect(servis.positive.comments).toBe(4);
    const neg = Object.fromEntries(servis.negative.phrases.map((p) => [p.term, p.count]));
    expect(neg).toMatchObject({ 'antri lama': 3, 'tidak ramah': 3, 'harga beda': 2, 'beda estimasi': 2 });
    expect(servis.negative.words.map((w) => w.term)).not.toContain('tidak');
    expect(servis.negative.words[0]).toEqual({ term: 'antri', count: 3 });
    const pos = Object.fromEntries(servis.positive.phrases.map((p) => [p.term, p.count]));
    expect(pos).toMatchObject({ 'harga terjangkau': 2, 'pelayanan ramah': 2 });
    expect(pos).not.toHaveProperty('tidak ramah');
    expect(servis.positive.words[0]).toEqual({ term: 'ramah', count: 3 });
    // Stage 0 in April only: "tidak diangkat" twice; the March comment is outside the period.
    const cari = t.stages[0]!;
    expect(cari.negative.phrases).toEqual([{ term: 'telepon tidak', count: 2 }, { term: 'tidak diangkat', count: 2 }].sort((x, y) => (x.term < y.term ? -1 : 1)));
    expect(cari.negative.words.map((w) => w.term)).not.toContain('lokasi');
    expect(t.stages[2]).toMatchObject({ negative: { comments: 0, phrases: [], words: [] }, positive: { comments: 0 } });
    // Read: 5 + 4 + 1 neutral in Servis, 2 in Cari bengkel; spam and empty comments are not.
    expect(t).toMatchObject({ read: 12, windowHit: false, window: COMMENTS_PER_STAGE, timeZone: 'Asia/Jakarta' });
    expect(t.stages.map((s) => [s.read, s.windowHit, s.oldestDay])).toEqual([
      [2, false, '2026-04-03'],
      [10, false, '2026-04-01'],
      [0, false, null],
    ]);
  });

  it('filters by stage, and all time includes the older comment', async () => {
    const t = await themesOf(a, { journey: ja.journeyId, stage: ja.stageIds[0]! });
    expect(t.stages).toHaveLength(1);
    expect(t.stages[0]!.negative.comments).toBe(3);
    expect(t.stages[0]!.negative.words.map((w) => w.term)).toContain('lokasi');
    expect(t.read).toBe(3);
  });

  it('reads the newest COMMENTS_PER_STAGE comments of each stage: a busy stage does not crowd out a quiet one', async () => {
    const c = await business('Bengkel Ramai');
    const jc = await setup(c);
    const min = 60_000;
    const rows: Row[] = [];
    // Quiet "Cari bengkel": 3 comments, older than every comment of the busy stages.
    for (let i = 0; i < 3; i++) rows.push({ stage: 0, at: `2025-12-0${i + 1}T03:00:00Z`, stars: 1, comment: 'Telepon tidak diangkat' });
    // Busy "Servis": its 5 oldest (January) say "parkir sempit"; its newest COMMENTS_PER_STAGE (from
    // 1 March 07:00 WIB, one every 10 minutes) say "servis cepat" (5★) or "antri lama" (1★).
    for (let i = 0; i < 5; i++) rows.push({ stage: 1, at: `2026-01-1${i}T03:00:00Z`, stars: 1, comment: 'parkir sempit, parkir sempit' });
    const march = Date.parse('2026-03-01T00:00:00Z');
    for (let i = 0; i < COMMENTS_PER_STAGE; i++) rows.push({ stage: 1, at: new Date(march + i * 10 * min).toISOString(), stars: i % 3 ? 5 : 1, comment: i % 3 ? 'servis cepat' : 'antri lama' });
    // Busy "Balik lagi": COMMENTS_PER_STAGE + 2, interleaved in time with "Servis".
    for (let i = 0; i < COMMENTS_PER_STAGE + 2; i++) rows.push({ stage: 2, at: new Date(march + i * 10 * min + min).toISOString(), stars: 4, comment: 'mekanik teliti' });
    await put(c, jc, rows);

    const t = await themesOf(c, { journey: jc.journeyId });
    const [cari, servis, balik] = t.stages;
    // The quiet stage is read in full, though both busy stages have newer comments than a window holds.
    expect(cari).toMatchObject({ read: 3, windowHit: false, oldestDay: '2025-12-01' });
    expect(cari!.negative.comments).toBe(3);
    expect(cari!.negative.phrases).toContainEqual({ term: 'tidak diangkat', count: 3 });
    // Each busy stage: exactly its newest COMMENTS_PER_STAGE, the window hit, since its oldest one read.
    expect(servis).toMatchObject({ read: COMMENTS_PER_STAGE, windowHit: true, oldestDay: '2026-03-01' });
    expect(servis!.negative.comments + servis!.positive.comments).toBe(COMMENTS_PER_STAGE);
    const servisTerms = [...servis!.negative.words, ...servis!.negative.phrases, ...servis!.positive.words].map((w) => w.term);
    expect(servisTerms).toContain('antri lama');
    expect(servisTerms).not.toContain('parkir');
    expect(balik).toMatchObject({ read: COMMENTS_PER_STAGE, windowHit: true, oldestDay: '2026-03-01' });
    expect(balik!.positive.comments).toBe(COMMENTS_PER_STAGE);
    expect(balik!.positive.phrases).toEqual([{ term: 'mekanik teliti', count: COMMENTS_PER_STAGE }]);
    // The bound is per stage; the totals add the stages up.
    expect(t).toMatchObject({ window: COMMENTS_PER_STAGE, read: 3 + 2 * COMMENTS_PER_STAGE, windowHit: true });
    // A period in which "Servis" has fewer comments than its window: read in full, window not hit.
    const first = await themesOf(c, { journey: jc.journeyId, from: '2026-03-01', to: '2026-03-01' });
    expect(first.stages[1]).toMatchObject({ windowHit: false, oldestDay: '2026-03-01' });
    expect(first.stages[1]!.read).toBeLessThan(COMMENTS_PER_STAGE);
  });

  it('another business’s journey is NotFound, and its comments are never read', async () => {
    await expect(themesOf(a, { journey: jb.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(themesOf(b, { journey: ja.journeyId })).rejects.toBeInstanceOf(NotFoundError);
    const own = await themesOf(b, { journey: jb.journeyId });
    expect(own.read).toBe(1);
  });
});

describe('themePattern on the database', () => {
  // Each comment with the terms it must (and must not) be found by, as termsOf counts them.
  const comments = [
    'Kasirnya gak ramah.',
    'mekanik TIDAK ramah sama sekali!!',
    'Tdk begitu ramah, tapi cepat',
    'tidak enak, tapi ramah',
    'ramah banget, nggak antri',
    'Ngantri lama bgt... 2 jam',
    'antre-lama, parkir sempit',
    'antrian panjang, lama',
    'harga beda dari estimasi awal',
    'Harga berbeda, estimasinya salah',
    'pelayanan ramah dan cepat',
    'ramahnya kurang',
    'Pelayanan: ramah; harga: terjangkau 👍',
  ];
  let who: Who;
  let ids: string[];

  beforeAll(async () => {
    who = await business('Bengkel Pola');
    const j = await setup(who);
    await put(who, j, comments.map((comment, i) => ({ stage: 0, at: `2026-04-01T0${i % 10}:00:00Z`, stars: 1 + (i % 5), comment })));
    const rows = await withTenant(who.tenantId, (tx) => tx.select({ id: reviews.id, comment: reviews.comment }).from(reviews).where(eq(reviews.tenantId, who.tenantId)));
    ids = comments.map((c) => rows.find((r) => r.comment === c)!.id);
  });

  const found = async (term: string) => {
    const pattern = themePattern(term)!;
    const rows = await withTenant(who.tenantId, (tx) =>
      tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.tenantId, who.tenantId), sql`${reviews.comment} ~* ${pattern}`)),
    );
    return rows.map((r) => comments[ids.indexOf(r.id)]).sort();
  };

  it('finds exactly the comments whose terms include the theme, for every term of every comment', async () => {
    const terms = new Set(comments.flatMap((c) => { const t = termsOf(c); return [...t.words, ...t.phrases]; }));
    expect(terms.size).toBeGreaterThan(30);
    for (const term of terms) {
      const expected = comments.filter((c) => { const t = termsOf(c); return t.words.has(term) || t.phrases.has(term); }).sort();
      expect({ term, found: await found(term) }).toEqual({ term, found: expected });
    }
  });

  it('"tidak ramah" finds the casual spellings, not "tidak enak, tapi ramah" or "ramahnya kurang"', async () => {
    expect(await found('tidak ramah')).toEqual(['Kasirnya gak ramah.', 'Tdk begitu ramah, tapi cepat', 'mekanik TIDAK ramah sama sekali!!'].sort());
    expect(await found('antri lama')).toEqual(['Ngantri lama bgt... 2 jam', 'antre-lama, parkir sempit'].sort());
    expect(themePattern('yang dan')).toBeNull();
    expect(themePattern('parkir sempit lama')).toBeNull();
  });
});
