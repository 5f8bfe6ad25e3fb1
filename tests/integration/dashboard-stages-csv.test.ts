/**
 * The per-stage CSV (GET /api/journeys/<id>/stages.csv, issue 10 item 7): the same figures as
 * `stageStats` for the same filters, machine-readable (stable column names, dot decimals, empty
 * cells for no figure), a byte-order mark, formula cells neutralised, and the query string read
 * with the dashboard's filters (none: all time, every link; invalid: refused).
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviews } from '@/db/schema';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { buildStagesCsv, csvNumber, readStagesCsvQuery, stagesCsvColumns, stagesCsvFileName } from '@/lib/dashboard/stages-csv';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant } from '../support/factory';

describe('the stages CSV', () => {
  let ctx: { tenantId: string; userId: string };
  let journeyId: string;
  let stageIds: string[];

  beforeAll(async () => {
    const t = await makeTenant(`Bengkel CSV ${randomUUID().slice(0, 6)}`);
    ctx = { tenantId: t.id, userId: t.owner.id };
    let linkId = '';
    ({ journeyId, stageIds } = await inTenant(ctx, async (db) => {
      const { id } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: { pre_purchase: '=HYPERLINK("x")', purchase: 'Servis, cepat', post_purchase: 'Balik lagi' } });
      const { stages } = await getJourney(db, id);
      ({ id: linkId } = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, title: 'Ulasan', askNps: true })));
      return { journeyId: id, stageIds: stages.map((s) => s.id!) };
    }));
    // 12 reviews on stage 2 on 2026-03-02: stars 1…5 cycling, NPS 10, 7, 3 and one skipped in four.
    for (let i = 0; i < 12; i++) {
      await withTenant(t.id, (tx) =>
        tx.insert(reviews).values({
          tenantId: t.id, linkId, journeyId, stageId: stageIds[1]!, stars: (i % 5) + 1, nps: [10, 7, 3, null][i % 4]!, submissionKey: randomUUID(), createdAt: new Date('2026-03-02T03:00:00Z'),
        }),
      );
    }
  });

  const table = (csv: string) => parse(csv.slice(1)) as string[][];

  it('has the figures of stageStats, one row per stage, machine-readable', async () => {
    const stats = await inTenant(ctx, (db) => stageStats(db, { journey: journeyId }));
    const csv = buildStagesCsv(stats);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const [header, ...rows] = table(csv);
    expect(header).toEqual([...stagesCsvColumns]);
    expect(rows).toHaveLength(3);
    const at = (row: string[], col: (typeof stagesCsvColumns)[number]) => row[stagesCsvColumns.indexOf(col)];
    expect(rows.map((r) => at(r, 'stage_id'))).toEqual(stageIds);
    const s = stats.stages[1]!.current;
    const r = rows[1]!;
    expect(at(r, 'stage_name')).toBe('Servis, cepat');
    expect(at(r, 'reviews')).toBe('12');
    expect(Number(at(r, 'average_stars'))).toBeCloseTo(s.averageStars.value!, 4);
    expect(at(r, 'average_stars')).toBe('2.75'); // 1+2+3+4+5 twice, then 1+2: 33/12
    expect(at(r, 'csat_pct')).toBe('33.3333'); // 4 of 12, dot decimal, 4 places
    expect(at(r, 'csat_pct')).toBe(csvNumber(s.csat.value));
    expect(at(r, 'csat_low')).toBe(csvNumber(s.csat.low));
    expect(at(r, 'csat_high')).toBe(csvNumber(s.csat.high));
    expect(at(r, 'csat_n')).toBe('12');
    expect(at(r, 'nps')).toBe(csvNumber(s.nps.value));
    expect(at(r, 'nps_n')).toBe('9');
    expect(at(r, 'nps_skipped')).toBe('3');
    expect([at(r, 'nps_promoters'), at(r, 'nps_passives'), at(r, 'nps_detractors')]).toEqual(['3', '3', '3']);
    expect(at(r, 'enough_reviews')).toBe('true');
    expect(at(r, 'measured_emotion')).toBe('-0.25'); // a negative number stays a number, not neutralised text
    expect(at(r, 'period_from')).toBe('');
    expect(at(r, 'change_csat')).toBe('');
    // A stage without reviews: counts 0, no figure.
    expect(at(rows[2]!, 'reviews')).toBe('0');
    expect(at(rows[2]!, 'average_stars')).toBe('');
    expect(at(rows[2]!, 'enough_reviews')).toBe('false');
    expect(at(rows[2]!, 'more_reviews_needed')).toBe('10');
    // A stage name a spreadsheet would run as a formula is shown as text.
    expect(at(rows[0]!, 'stage_name')).toBe('\'=HYPERLINK("x")');
  });

  it('applies the filters, with the previous period and its changes', async () => {
    const filter = readStagesCsvQuery(journeyId, new URLSearchParams('from=2026-03-02&to=2026-03-02&stage=' + stageIds[1]))!;
    const stats = await inTenant(ctx, (db) => stageStats(db, filter));
    const [, ...rows] = table(buildStagesCsv(stats));
    expect(rows).toHaveLength(1);
    const at = (col: (typeof stagesCsvColumns)[number]) => rows[0]![stagesCsvColumns.indexOf(col)];
    expect([at('period_from'), at('period_to'), at('previous_from'), at('previous_to')]).toEqual(['2026-03-02', '2026-03-02', '2026-03-01', '2026-03-01']);
    expect(at('previous_reviews')).toBe('0');
    expect(at('change_csat')).toBe('uncertain');
    const before = await inTenant(ctx, (db) => stageStats(db, { journey: journeyId, to: '2026-03-01' }));
    expect(before.stages.map((x) => x.current.reviews)).toEqual([0, 0, 0]);
  });

  it('reads the query string: none = all time, empty values ignored, invalid refused', () => {
    expect(readStagesCsvQuery(journeyId, new URLSearchParams(''))).toEqual({ journey: journeyId });
    expect(readStagesCsvQuery(journeyId, new URLSearchParams('stage=&range=30d'))).toEqual({ journey: journeyId, range: '30d' });
    expect(readStagesCsvQuery(journeyId, new URLSearchParams('from=2026-02-30'))).toBeNull();
    expect(readStagesCsvQuery(journeyId, new URLSearchParams('from=2026-03-05&to=2026-03-01'))).toBeNull();
    expect(readStagesCsvQuery(journeyId, new URLSearchParams('range=1y'))).toBeNull();
    expect(readStagesCsvQuery(journeyId, new URLSearchParams('link=abc'))).toBeNull();
    expect(readStagesCsvQuery('not-a-uuid', new URLSearchParams(''))).toBeNull();
  });

  it('names the file with today in the business’s zone', () => {
    expect(stagesCsvFileName(new Date('2026-03-10T16:30:00Z'), 'Asia/Jakarta')).toBe('tahapan-2026-03-10.csv');
    expect(stagesCsvFileName(new Date('2026-03-10T16:30:00Z'), 'Asia/Makassar')).toBe('tahapan-2026-03-11.csv');
  });
});
