/**
 * The funnel (issue 10, item 5) on the real database: a month's numbers saved and saved again (an
 * upsert, an emptied number removed, audited), a CSV imported all-or-nothing with each problem at
 * its line, the conversion maths over the months both stages have, the months of a period, the
 * CSV download's table, and the walls: another business's journey is NotFound, a stage of another
 * journey is refused, and nothing is written either way.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, funnelCounts, reviews } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { demoFunnelRows } from '@/lib/demo/seed-funnel';
import { buildFunnelCsv, funnelCsvColumns, funnelEditor, funnelFor, FunnelImportError, importFunnelCsv, saveFunnelMonth } from '@/lib/dashboard/funnel';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name: string): Promise<Who> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

async function journey(ctx: Who, names = { awareness: 'Kenal', consideration: 'Menimbang', purchase: 'Beli', retention: 'Balik', advocacy: 'Rekomendasi' }) {
  return inTenant(ctx, async (db) => {
    const { id } = await createJourney(db, { name: 'Servis mobil', model: 'five_stage', stageNames: names });
    const { stages } = await getJourney(db, id);
    return { journeyId: id, stageIds: stages.map((s) => s.id!) };
  });
}

const stored = (ctx: Who, journeyId: string) =>
  withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ stageId: funnelCounts.stageId, month: funnelCounts.month, metric: funnelCounts.metric, value: funnelCounts.value, updatedBy: funnelCounts.updatedBy })
      .from(funnelCounts)
      .where(and(eq(funnelCounts.tenantId, ctx.tenantId), eq(funnelCounts.journeyId, journeyId))),
  );

describe('saving a month', () => {
  let ctx: Who;
  let j: { journeyId: string; stageIds: string[] };
  beforeAll(async () => {
    ctx = await business('Bengkel Corong');
    j = await journey(ctx);
  });

  it('stores one number per stage, again as an upsert, and an emptied one is removed', async () => {
    const [a, b, c] = j.stageIds;
    const rows = [
      { stageId: a!, metric: 'reach' as const, value: 12000 },
      { stageId: b!, metric: 'inquiries' as const, value: 900 },
      { stageId: c!, metric: 'orders' as const, value: null },
    ];
    expect(await inTenant(ctx, (db) => saveFunnelMonth(db, { journeyId: j.journeyId, month: '2026-10', rows }))).toEqual({ saved: 2, removed: 0 });
    // The same form twice: the same two rows, not four.
    await inTenant(ctx, (db) => saveFunnelMonth(db, { journeyId: j.journeyId, month: '2026-10', rows }));
    let got = await stored(ctx, j.journeyId);
    expect(got.map((r) => [r.stageId, r.month, r.metric, r.value]).sort()).toEqual(
      [
        [a, '2026-10-01', 'reach', 12000],
        [b, '2026-10-01', 'inquiries', 900],
      ].sort(),
    );
    expect(got.every((r) => r.updatedBy === ctx.userId)).toBe(true);
    // Changed and emptied.
    const again = await inTenant(ctx, (db) =>
      saveFunnelMonth(db, { journeyId: j.journeyId, month: '2026-10', rows: [{ stageId: a!, metric: 'reach', value: 15000 }, { stageId: b!, metric: 'inquiries', value: null }] }),
    );
    expect(again).toEqual({ saved: 1, removed: 1 });
    got = await stored(ctx, j.journeyId);
    expect(got.map((r) => [r.stageId, r.value])).toEqual([[a, 15000]]);
    const audits = await withTenant(ctx.tenantId, (tx) =>
      tx.select({ action: auditLog.action, meta: auditLog.meta }).from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'funnel.saved'))),
    );
    expect(audits).toHaveLength(3);
    expect(audits.map((x) => x.meta)).toContainEqual({ month: '2026-10', saved: 1, removed: 1 });
  });

  it('refuses a stage of another journey, and saves nothing of the form', async () => {
    const other = await journey(ctx);
    const before = await stored(ctx, j.journeyId);
    await expect(
      inTenant(ctx, (db) =>
        saveFunnelMonth(db, {
          journeyId: j.journeyId,
          month: '2026-09',
          rows: [
            { stageId: j.stageIds[0]!, metric: 'reach', value: 1 },
            { stageId: other.stageIds[1]!, metric: 'reach', value: 2 },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await stored(ctx, j.journeyId)).toEqual(before);
    expect(await stored(ctx, other.journeyId)).toEqual([]);
  });

  it("answers another business's journey as not found, and writes nothing there", async () => {
    const intruder = await business('Kopi Penyusup');
    await expect(inTenant(intruder, (db) => saveFunnelMonth(db, { journeyId: j.journeyId, month: '2026-09', rows: [{ stageId: j.stageIds[0]!, metric: 'reach', value: 1 }] }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(intruder, (db) => importFunnelCsv(db, j.journeyId, 'bulan,tahap,metrik,jumlah\n2026-09,1,jangkauan,5'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(intruder, (db) => funnelFor(db, { journey: j.journeyId }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(intruder, (db) => funnelEditor(db, j.journeyId))).rejects.toBeInstanceOf(NotFoundError);
    expect((await stored(ctx, j.journeyId)).some((r) => r.month === '2026-09-01')).toBe(false);
  });

  it('refuses bad input before any write (a month that is not one, a negative number, the same stage twice)', async () => {
    const s = j.stageIds[0]!;
    for (const input of [
      { journeyId: j.journeyId, month: '2026-13', rows: [] },
      { journeyId: j.journeyId, month: '2026-09', rows: [{ stageId: s, metric: 'reach' as const, value: -1 }] },
      { journeyId: j.journeyId, month: '2026-09', rows: [{ stageId: s, metric: 'reach' as const, value: 2_000_000_001 }] },
      { journeyId: j.journeyId, month: '2026-09', rows: [{ stageId: s, metric: 'reach' as const, value: 1 }, { stageId: s, metric: 'reach' as const, value: 2 }] },
    ]) {
      await expect(inTenant(ctx, (db) => saveFunnelMonth(db, input))).rejects.toThrow();
    }
    expect((await stored(ctx, j.journeyId)).some((r) => r.month === '2026-09-01')).toBe(false);
  });
});

describe('importing a CSV', () => {
  let ctx: Who;
  let j: { journeyId: string; stageIds: string[] };
  beforeAll(async () => {
    ctx = await business('Bengkel Impor');
    j = await journey(ctx);
  });

  it('reads Indonesian headers, names or positions, metrics in either language and 12.000-style numbers', async () => {
    const csv = ['\uFEFFbulan;tahap;metrik;jumlah', '2026-11;1;jangkauan;12.000', '2026-11;menimbang;Pertanyaan masuk;850', '"Nov 2026";"Beli";orders;"1.200"', ''].join('\r\n');
    const result = await inTenant(ctx, (db) => importFunnelCsv(db, j.journeyId, csv));
    expect(result).toEqual({ rows: 3, months: ['2026-11'] });
    const got = await stored(ctx, j.journeyId);
    expect(got.map((r) => [r.stageId, r.metric, r.value]).sort()).toEqual(
      [
        [j.stageIds[0], 'reach', 12000],
        [j.stageIds[1], 'inquiries', 850],
        [j.stageIds[2], 'orders', 1200],
      ].sort(),
    );
    // English headers, columns in another order; importing again updates (an upsert), an empty value removes.
    await inTenant(ctx, (db) => importFunnelCsv(db, j.journeyId, 'stage,month,value,metric\nKenal,2026-11,13000,reach\n3,2026-11,,orders\n'));
    const after = await stored(ctx, j.journeyId);
    expect(after.map((r) => [r.stageId, r.value]).sort()).toEqual([[j.stageIds[0], 13000], [j.stageIds[1], 850]].sort());
  });

  it('saves nothing when one line is wrong, and names every bad line', async () => {
    const before = await stored(ctx, j.journeyId);
    const csv = [
      'month,stage,metric,value',
      '2026-12,1,reach,500', // fine
      '2026-12,Gudang,reach,5', // line 3: no such stage
      '2026-12,2,inquiries,"1,5"', // line 4: a decimal
      '2026-12,1,reach,600', // line 5: stage 1 again for the month
      'Desember 2026,4,cuaca,3', // line 6: unknown metric
      '2026-31,4,orders,3', // line 7: not a month
      '2026-12,4,orders,12,000', // line 8: a comma in a number, unquoted
    ].join('\n');
    const err = await inTenant(ctx, (db) => importFunnelCsv(db, j.journeyId, csv)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FunnelImportError);
    const problems = (err as FunnelImportError).problems;
    expect(problems.map((p) => [p.line, p.key])).toEqual([
      [3, 'problems.stage_unknown'],
      [4, 'problems.not_whole'],
      [5, 'problems.duplicate'],
      [6, 'problems.metric'],
      [7, 'problems.month'],
      [8, 'problems.columns'],
    ]);
    expect(problems.find((p) => p.line === 5)?.params).toEqual({ first: 2 });
    expect(await stored(ctx, j.journeyId)).toEqual(before);
  });

  it('refuses a file without the header, and a stage name two stages share', async () => {
    const e1 = await inTenant(ctx, (db) => importFunnelCsv(db, j.journeyId, '2026-11,1,reach,5')).catch((e: unknown) => e);
    expect((e1 as FunnelImportError).problems).toEqual([{ line: 1, key: 'problems.header' }]);
    const twins = await journey(ctx, { awareness: 'Sama', consideration: 'Sama', purchase: 'Beli', retention: 'Balik', advocacy: 'Rekomendasi' });
    const e2 = await inTenant(ctx, (db) => importFunnelCsv(db, twins.journeyId, 'month,stage,metric,value\n2026-11,sama,reach,5')).catch((e: unknown) => e);
    expect((e2 as FunnelImportError).problems.map((p) => p.key)).toEqual(['problems.stage_ambiguous']);
    expect(await stored(ctx, twins.journeyId)).toEqual([]);
  });
});

describe('the funnel of a period', () => {
  let ctx: Who;
  let j: { journeyId: string; stageIds: string[] };
  beforeAll(async () => {
    ctx = await business('Bengkel Hitung');
    j = await journey(ctx);
    const [a, b, c, d] = j.stageIds;
    // Reach and inquiries in Sep–Nov; orders only Oct–Nov; repeat orders: nothing; referrals in Nov.
    const csv = [
      'month,stage,metric,value',
      `2026-09,1,reach,1000`,
      `2026-10,1,reach,2000`,
      `2026-11,1,reach,3000`,
      `2026-09,2,inquiries,100`,
      `2026-10,2,inquiries,200`,
      `2026-11,2,inquiries,300`,
      `2026-10,3,orders,50`,
      `2026-11,3,orders,0`,
      `2026-11,5,referrals,7`,
    ].join('\n');
    await inTenant(ctx, (db) => importFunnelCsv(db, j.journeyId, csv));
    void [a, b, c, d];
  });

  it('sums every month recorded for all time, with conversion over the months both stages have', async () => {
    const f = await inTenant(ctx, (db) => funnelFor(db, { journey: j.journeyId }));
    expect(f.fromMonth).toBeNull();
    expect(f.toMonth).toBeNull();
    expect(f.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(f.hasNumbers).toBe(true);
    const [s1, s2, s3, s4, s5] = f.stages;
    expect([s1, s2, s3, s4, s5].map((s) => s!.value)).toEqual([6000, 600, 50, null, 7]);
    expect(s1!.conversion).toBeNull();
    expect(s2!.conversion).toMatchObject({ fromStageId: j.stageIds[0], rate: 0.1, value: 600, previousValue: 6000, months: ['2026-09', '2026-10', '2026-11'] });
    // Orders exist only in Oct–Nov: divided by inquiries of those months only (500), not all 600.
    expect(s3!.conversion).toMatchObject({ fromStageId: j.stageIds[1], rate: 0.1, value: 50, previousValue: 500, months: ['2026-10', '2026-11'] });
    expect(s3!.months).toEqual(['2026-10', '2026-11']);
    expect(s3!.metric).toBe('orders');
    expect(s4!.conversion).toBeNull();
    // Referrals skip the stage without a number: from orders, whose November is 0, so no rate.
    expect(s5!.conversion).toMatchObject({ fromStageId: j.stageIds[2], rate: null, value: 7, previousValue: 0, months: ['2026-11'] });
  });

  it('takes the calendar months that overlap the period', async () => {
    const f = await inTenant(ctx, (db) => funnelFor(db, { journey: j.journeyId, from: '2026-10-20', to: '2026-11-05' }));
    expect([f.fromMonth, f.toMonth]).toEqual(['2026-10', '2026-11']);
    expect(f.stages.map((s) => s.value)).toEqual([5000, 500, 50, null, 7]);
    const sept = await inTenant(ctx, (db) => funnelFor(db, { journey: j.journeyId, from: '2026-09-01', to: '2026-09-30' }));
    expect(sept.stages.map((s) => s.value)).toEqual([1000, 100, null, null, null]);
    expect(sept.stages[2]!.conversion).toBeNull();
    const none = await inTenant(ctx, (db) => funnelFor(db, { journey: j.journeyId, from: '2025-01-01', to: '2025-03-31' }));
    expect(none.hasNumbers).toBe(false);
    expect(none.stages).toHaveLength(5);
    // A stage filter keeps that stage, its conversion still from the stage before it.
    const one = await inTenant(ctx, (db) => funnelFor(db, { journey: j.journeyId, stage: j.stageIds[1] }));
    expect(one.stages.map((s) => [s.stageId, s.value, s.conversion?.rate])).toEqual([[j.stageIds[1], 600, 0.1]]);
  });

  it("the editor shows a month's numbers, the metric to offer, and the months recorded", async () => {
    const e = await inTenant(ctx, (db) => funnelEditor(db, j.journeyId, '2026-10'));
    expect(e.month).toBe('2026-10');
    expect(e.currentMonth).toMatch(/^\d{4}-\d{2}$/);
    expect(e.stages.map((s) => [s.metric, s.value])).toEqual([
      ['reach', 2000],
      ['inquiries', 200],
      ['orders', 50],
      ['repeat_orders', null], // never recorded: the one its model stage (retention) suggests
      ['referrals', null], // recorded in another month: that month's metric
    ]);
    expect(e.recorded.map((r) => [r.month, r.stages])).toEqual([
      ['2026-11', 4],
      ['2026-10', 3],
      ['2026-09', 2],
    ]);
    const now = await inTenant(ctx, (db) => funnelEditor(db, j.journeyId));
    expect(now.month).toBe(now.currentMonth);
  });

  it('the CSV download has the funnel and each stage’s satisfaction, machine-readable', async () => {
    // 12 reviews on the orders stage: enough for CSAT.
    const linkId = await inTenant(ctx, async (db) => (await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId: j.journeyId, stageId: j.stageIds[2]!, title: 'Ulasan', askNps: false }))).id);
    for (let i = 0; i < 12; i++) {
      await withTenant(ctx.tenantId, (tx) =>
        tx.insert(reviews).values({ tenantId: ctx.tenantId, linkId, journeyId: j.journeyId, stageId: j.stageIds[2]!, stars: i < 3 ? 5 : 2, submissionKey: randomUUID(), createdAt: new Date('2026-10-10T03:00:00Z') }),
      );
    }
    const filter = { journey: j.journeyId };
    const [f, stats] = await inTenant(ctx, (db) => Promise.all([funnelFor(db, filter), stageStats(db, filter)]));
    const csv = buildFunnelCsv(f, stats);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual([...funnelCsvColumns]);
    const at = (row: string[], col: (typeof funnelCsvColumns)[number]) => row[funnelCsvColumns.indexOf(col)];
    expect(rows.map((r) => at(r, 'value'))).toEqual(['6000', '600', '50', '', '7']);
    expect(at(rows[2]!, 'conversion_pct')).toBe('10');
    expect(at(rows[2]!, 'conversion_months')).toBe('2026-10 2026-11');
    expect(at(rows[2]!, 'reviews')).toBe('12');
    expect(at(rows[2]!, 'csat_pct')).toBe('25');
    expect(at(rows[2]!, 'enough_reviews')).toBe('true');
    expect(at(rows[0]!, 'enough_reviews')).toBe('false');
    expect(at(rows[0]!, 'more_reviews_needed')).toBe('10');
    expect(at(rows[4]!, 'conversion_pct')).toBe('');
  });
});

describe('the demo funnel (for the seed)', () => {
  it('fills the three months before this one, and tells its story: a third of orders come back', async () => {
    const ctx = await business('Bengkel Demo');
    const { journeyId, stageIds } = await journey(ctx);
    const keys = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'];
    const rows = demoFunnelRows({ tenantId: ctx.tenantId, journeyId, ownerId: ctx.userId, stageIds: Object.fromEntries(keys.map((k, i) => [k, stageIds[i]!])) }, new Date('2026-11-29T12:00:00Z'));
    expect(rows).toHaveLength(15);
    expect([...new Set(rows.map((r) => r.month))].sort()).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    await withTenant(ctx.tenantId, (tx) => tx.insert(funnelCounts).values(rows).onConflictDoNothing());
    const f = await inTenant(ctx, (db) => funnelFor(db, { journey: journeyId }));
    const rate = (i: number) => f.stages[i]!.conversion!.rate!;
    expect(rate(2)).toBeCloseTo(615 / 2100, 6); // orders from inquiries: about 29 %
    expect(rate(3)).toBeCloseTo(206 / 615, 6); // repeat orders from orders: about a third
    expect(f.stages.map((s) => s.metric)).toEqual(['reach', 'inquiries', 'orders', 'repeat_orders', 'referrals']);
  });
});
