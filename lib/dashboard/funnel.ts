/**
 * The funnel (issue 10, item 5): the owner records one number per stage and calendar month (reach,
 * inquiries, orders, repeat orders, referrals: table funnel_counts), typed in (`saveFunnelMonth`) or
 * imported from CSV (`importFunnelCsv`), and the dashboard shows, per stage, the number over the
 * months of its period and the conversion from the stage before it (`funnelFor`).
 *
 * Conversion is honest about gaps: stage B's conversion from A (the nearest earlier stage with a
 * number in the period) is Σ B / Σ A over the months where BOTH have a number, and names those
 * months; a month only one of them has is left out rather than dividing unlike periods. Filters by
 * link and touchpoint do not apply (the numbers are per stage); a stage filter keeps that stage's
 * row, its conversion still computed from the stage before it on the map.
 *
 * Every query names the tenant; no function opens a transaction (the caller's unit of work).
 */
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { funnelCounts, journeyStages } from '@/db/schema';
import { audit } from '../core/audit';
import { AppError, NotFoundError } from '../core/errors';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import {
  FUNNEL_MAX_VALUE,
  funnelMetrics,
  monthStart,
  parseFunnelCsv,
  suggestedMetric,
  type FunnelMetric,
  type FunnelProblem,
} from './funnel-csv';
import { neutraliseFormula } from '../reviews/export';
import { journeyClock, periodsOf, stageStatsFilterSchema, type Period, type StageStats, type StageStatsFilter } from './stage-stats';
import { csvNumber, stagesCsvFileName } from './stages-csv';

/** A calendar month, "YYYY-MM" (2000 … 2100). */
export const funnelMonthSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.invalid')
  .refine((m) => m >= '2000-01' && m <= '2100-12', 'validation.invalid');

export const funnelMetricSchema = z.enum(funnelMetrics);

export const funnelRowSchema = z.object({
  stageId: z.uuid(),
  metric: funnelMetricSchema,
  /** null (an empty field): the stage has no number this month (one recorded before is removed). */
  value: z.number().int().min(0).max(FUNNEL_MAX_VALUE).nullable(),
});

export const saveFunnelMonthSchema = z
  .object({
    journeyId: z.uuid(),
    month: funnelMonthSchema,
    rows: z.array(funnelRowSchema).max(100),
  })
  .refine((v) => new Set(v.rows.map((r) => r.stageId)).size === v.rows.length, { message: 'validation.invalid', path: ['rows'] });

export type SaveFunnelMonthInput = z.input<typeof saveFunnelMonthSchema>;

/** The CSV had problems: nothing was saved. Each problem has its line and a `funnel` key. */
export class FunnelImportError extends AppError {
  constructor(public readonly problems: FunnelProblem[]) {
    super('funnel:import.problems');
    this.name = 'FunnelImportError';
  }
}

/** The journey with the business's time zone and today's local date; another business's or unknown: NotFound. */
async function journeyOf(db: TenantDb, journeyId: string) {
  assertUuids(journeyId);
  return { id: journeyId, ...(await journeyClock(db, journeyId)) };
}

async function stagesOf(db: TenantDb, journeyId: string) {
  return db.tx
    .select({ id: journeyStages.id, name: journeyStages.name, position: journeyStages.position, stageKey: journeyStages.stageKey, metric: journeyStages.metric })
    .from(journeyStages)
    .where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.journeyId, journeyId)))
    .orderBy(asc(journeyStages.position));
}

interface WriteRow {
  stageId: string;
  month: string;
  metric: FunnelMetric;
  value: number | null;
}

/** Upserts the numbers and removes the emptied ones, in the caller's transaction. */
async function writeRows(db: TenantDb, journeyId: string, rows: WriteRow[]): Promise<{ saved: number; removed: number }> {
  const put = rows.filter((r) => r.value !== null);
  const drop = rows.filter((r) => r.value === null);
  if (put.length) {
    await db.tx
      .insert(funnelCounts)
      .values(put.map((r) => ({ tenantId: db.tenantId, journeyId, stageId: r.stageId, month: monthStart(r.month), metric: r.metric, value: r.value!, updatedBy: db.userId || null })))
      .onConflictDoUpdate({
        target: [funnelCounts.tenantId, funnelCounts.journeyId, funnelCounts.stageId, funnelCounts.month],
        set: { metric: sql`excluded.metric`, value: sql`excluded.value`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
      });
  }
  let removed = 0;
  const byMonth = new Map<string, string[]>();
  for (const r of drop) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r.stageId]);
  for (const [month, stageIds] of byMonth) {
    const gone = await db.tx
      .delete(funnelCounts)
      .where(and(eq(funnelCounts.tenantId, db.tenantId), eq(funnelCounts.journeyId, journeyId), eq(funnelCounts.month, monthStart(month)), inArray(funnelCounts.stageId, stageIds)))
      .returning({ stageId: funnelCounts.stageId });
    removed += gone.length;
  }
  return { saved: put.length, removed };
}

/**
 * Saves one month's numbers of a journey (one row per stage; an empty value removes that stage's
 * number). Every stage must be a stage of this journey (else NotFound, nothing saved). Saving the
 * same form twice stores the same numbers (an upsert).
 */
export async function saveFunnelMonth(db: TenantDb, input: SaveFunnelMonthInput): Promise<{ saved: number; removed: number }> {
  const v = saveFunnelMonthSchema.parse(input);
  await journeyOf(db, v.journeyId);
  const live = new Set((await stagesOf(db, v.journeyId)).map((s) => s.id));
  if (v.rows.some((r) => !live.has(r.stageId))) throw new NotFoundError('stage');
  const result = await writeRows(db, v.journeyId, v.rows.map((r) => ({ ...r, month: v.month })));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'funnel.saved', targetType: 'journey', targetId: v.journeyId, ip: db.ip, meta: { month: v.month, ...result } });
  return result;
}

const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Imports a CSV (`month,stage,metric,value`, or `bulan,tahap,metrik,jumlah`) into a journey: all
 * lines or none. A stage is named as on the map (case and spacing aside) or by its position (1 =
 * the first stage); an empty value removes that stage's number for that month. Any problem (a bad
 * month, number or metric, an unknown or ambiguous stage, the same stage and month twice): a
 * FunnelImportError listing each with its line, and nothing saved.
 */
export async function importFunnelCsv(db: TenantDb, journeyId: string, text: string): Promise<{ rows: number; months: string[] }> {
  await journeyOf(db, journeyId);
  const stages = await stagesOf(db, journeyId);
  const { rows, problems } = parseFunnelCsv(text);
  const byName = new Map<string, string[]>();
  for (const s of stages) byName.set(squash(s.name), [...(byName.get(squash(s.name)) ?? []), s.id]);
  const seen = new Map<string, number>();
  const out: WriteRow[] = [];
  for (const r of rows) {
    const named = byName.get(squash(r.stage));
    let stageId: string | null = null;
    if (named && named.length > 1) problems.push({ line: r.line, key: 'problems.stage_ambiguous', params: { text: r.stage } });
    else if (named) stageId = named[0]!;
    else if (/^\d{1,3}$/.test(r.stage) && Number(r.stage) >= 1 && Number(r.stage) <= stages.length) stageId = stages[Number(r.stage) - 1]!.id;
    else problems.push({ line: r.line, key: 'problems.stage_unknown', params: { text: r.stage, count: stages.length } });
    if (!stageId) continue;
    const key = `${r.month}/${stageId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line: r.line, key: 'problems.duplicate', params: { first } });
      continue;
    }
    seen.set(key, r.line);
    out.push({ stageId, month: r.month, metric: r.metric ?? 'reach', value: r.value });
  }
  if (problems.length) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new FunnelImportError(problems);
  }
  const result = await writeRows(db, journeyId, out);
  const months = [...new Set(out.map((r) => r.month))].sort();
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'funnel.imported', targetType: 'journey', targetId: journeyId, ip: db.ip, meta: { months, ...result } });
  return { rows: out.length, months };
}

/** A stage's number for the month being edited, and the metric to offer. */
export interface FunnelFormStage {
  stageId: string;
  name: string;
  position: number;
  stageKey: string | null;
  metric: FunnelMetric;
  value: number | null;
}

export interface FunnelMonthSummary {
  /** "YYYY-MM". */
  month: string;
  stages: number;
  updatedAt: Date;
}

export interface FunnelEditor {
  journeyId: string;
  journeyName: string;
  timeZone: string;
  /** The business's current month ("YYYY-MM", its time zone). */
  currentMonth: string;
  month: string;
  stages: FunnelFormStage[];
  /** Every month with a number, newest first. */
  recorded: FunnelMonthSummary[];
}

/**
 * What the funnel page shows for one journey and month (default: the business's current month):
 * each stage of the map with its number, and the metric recorded (else the one recorded latest for
 * the stage, else the one its map text or model suggests); and the months recorded so far.
 */
export async function funnelEditor(db: TenantDb, journeyId: string, month?: string | null): Promise<FunnelEditor> {
  const j = await journeyOf(db, journeyId);
  const currentMonth = j.today.slice(0, 7);
  const m = month ?? currentMonth;
  const stages = await stagesOf(db, journeyId);
  const f = funnelCounts;
  const rows = await db.tx
    .select({ stageId: f.stageId, month: sql<string>`to_char(${f.month}, 'YYYY-MM')`, metric: f.metric, value: f.value, updatedAt: f.updatedAt })
    .from(f)
    .where(and(eq(f.tenantId, db.tenantId), eq(f.journeyId, journeyId)))
    .orderBy(desc(f.month));
  const recorded = new Map<string, FunnelMonthSummary>();
  const latestMetric = new Map<string, FunnelMetric>();
  const here = new Map<string, { metric: FunnelMetric; value: number }>();
  for (const r of rows) {
    const s = recorded.get(r.month);
    if (!s) recorded.set(r.month, { month: r.month, stages: 1, updatedAt: r.updatedAt });
    else {
      s.stages += 1;
      if (r.updatedAt > s.updatedAt) s.updatedAt = r.updatedAt;
    }
    if (!latestMetric.has(r.stageId)) latestMetric.set(r.stageId, r.metric);
    if (r.month === m) here.set(r.stageId, { metric: r.metric, value: r.value });
  }
  return {
    journeyId,
    journeyName: j.name,
    timeZone: j.timeZone,
    currentMonth,
    month: m,
    stages: stages.map((s) => ({
      stageId: s.id,
      name: s.name,
      position: s.position,
      stageKey: s.stageKey,
      metric: here.get(s.id)?.metric ?? latestMetric.get(s.id) ?? suggestedMetric(s),
      value: here.get(s.id)?.value ?? null,
    })),
    recorded: [...recorded.values()].sort((a, b) => (a.month < b.month ? 1 : -1)),
  };
}

export interface FunnelConversion {
  /** The nearest earlier stage with a number in the period. */
  fromStageId: string;
  fromName: string;
  /** value / previous value over `months` (1 = 100 %); null when the earlier stage's sum is 0. */
  rate: number | null;
  value: number;
  previousValue: number;
  /** The months both stages have a number in ("YYYY-MM"), the only ones the rate divides. */
  months: string[];
}

export interface FunnelStage {
  stageId: string;
  /** null for a stage removed from the map (its numbers stay). */
  name: string | null;
  position: number | null;
  removed: boolean;
  /** The sum over the period's months; null when the stage has no number in them. */
  value: number | null;
  /** The metric of the latest month with a number. */
  metric: FunnelMetric | null;
  /** The months with a number ("YYYY-MM", ascending). */
  months: string[];
  /** From the stage before; null for the first stage with a number, a stage without one, or a removed stage. */
  conversion: FunnelConversion | null;
}

export interface Funnel {
  journeyId: string;
  journeyName: string;
  timeZone: string;
  /** The filter's period (local days, as stageStats has it). */
  period: Period;
  /** The calendar months that overlap it ("YYYY-MM"); null ends: every month recorded. */
  fromMonth: string | null;
  toMonth: string | null;
  /** The months that have any number in the period, ascending. */
  months: string[];
  stages: FunnelStage[];
  /** Whether any stage has a number in the period. */
  hasNumbers: boolean;
}

/**
 * Per stage of a journey, the numbers of the calendar months that overlap the filter's period (the
 * preset or from/to in the business's time zone, as `periodsOf`; all time = every month recorded),
 * and the conversion from the stage before. Another business's journey, or an unknown one: NotFound.
 */
export async function funnelFor(db: TenantDb, filter: StageStatsFilter): Promise<Funnel> {
  const fl = stageStatsFilterSchema.parse(filter);
  const j = await journeyOf(db, fl.journey);
  const { period } = periodsOf(fl, j.today);
  const fromMonth = period.from ? period.from.slice(0, 7) : null;
  const toMonth = period.from || fl.to ? period.to.slice(0, 7) : null;
  const stages = await stagesOf(db, fl.journey);
  const f = funnelCounts;
  const where: SQL[] = [eq(f.tenantId, db.tenantId), eq(f.journeyId, fl.journey)];
  if (fromMonth) where.push(gte(f.month, monthStart(fromMonth)));
  if (toMonth) where.push(lte(f.month, monthStart(toMonth)));
  const rows = await db.tx
    .select({ stageId: f.stageId, month: sql<string>`to_char(${f.month}, 'YYYY-MM')`, metric: f.metric, value: f.value })
    .from(f)
    .where(and(...where))
    .orderBy(asc(f.month));

  // stage → month → number (months ascending, so the last metric seen is the latest month's).
  const byStage = new Map<string, { months: Map<string, number>; metric: FunnelMetric }>();
  for (const r of rows) {
    const s = byStage.get(r.stageId) ?? { months: new Map<string, number>(), metric: r.metric };
    s.months.set(r.month, Number(r.value));
    s.metric = r.metric;
    byStage.set(r.stageId, s);
  }
  const sum = (ms: Map<string, number>, only?: string[]) => (only ?? [...ms.keys()]).reduce((a, m) => a + (ms.get(m) ?? 0), 0);

  const out: FunnelStage[] = [];
  let prev: { id: string; name: string; months: Map<string, number> } | null = null;
  for (const s of stages) {
    const n = byStage.get(s.id);
    let conversion: FunnelConversion | null = null;
    if (n && prev) {
      const months = [...n.months.keys()].filter((m) => prev!.months.has(m)).sort();
      if (months.length) {
        const value = sum(n.months, months);
        const previousValue = sum(prev.months, months);
        conversion = { fromStageId: prev.id, fromName: prev.name, rate: previousValue > 0 ? value / previousValue : null, value, previousValue, months };
      }
    }
    out.push({
      stageId: s.id,
      name: s.name,
      position: s.position,
      removed: false,
      value: n ? sum(n.months) : null,
      metric: n?.metric ?? null,
      months: n ? [...n.months.keys()].sort() : [],
      conversion,
    });
    if (n) prev = { id: s.id, name: s.name, months: n.months };
  }
  const live = new Set(stages.map((s) => s.id));
  for (const [id, n] of byStage) {
    if (live.has(id)) continue;
    out.push({ stageId: id, name: null, position: null, removed: true, value: sum(n.months), metric: n.metric, months: [...n.months.keys()].sort(), conversion: null });
  }
  const shown = fl.stage ? out.filter((s) => s.stageId === fl.stage) : out;
  return {
    journeyId: fl.journey,
    journeyName: j.name,
    timeZone: j.timeZone,
    period,
    fromMonth,
    toMonth,
    months: [...new Set(rows.filter((r) => !fl.stage || r.stageId === fl.stage).map((r) => r.month))].sort(),
    stages: shown,
    hasNumbers: shown.some((s) => s.value !== null),
  };
}

export const funnelCsvColumns = [
  'stage_position',
  'stage_id',
  'stage_name',
  'removed',
  'months_from',
  'months_to',
  'metric',
  'value',
  'months_recorded',
  'conversion_from_stage_id',
  'conversion_pct',
  'conversion_value',
  'conversion_previous_value',
  'conversion_months',
  'reviews',
  'csat_pct',
  'csat_low',
  'csat_high',
  'csat_n',
  'average_stars',
  'enough_reviews',
  'more_reviews_needed',
] as const;

/**
 * The funnel beside satisfaction as CSV (GET /api/journeys/<id>/funnel.csv), machine-readable like
 * the stages file (lib/dashboard/stages-csv.ts): UTF-8 with BOM, stable snake_case columns, dot
 * decimals (4 places), months as YYYY-MM (a list joined by spaces), empty cells where there is no
 * figure; the stage name, the one free text, neutralised against formulas.
 */
export function buildFunnelCsv(f: Funnel, stats: StageStats): string {
  const figures = new Map(stats.stages.map((s) => [s.stageId, s.current]));
  const body = f.stages.map((s) => {
    const c = figures.get(s.stageId);
    return [
      csvNumber(s.position),
      s.stageId,
      neutraliseFormula(s.name ?? ''),
      String(s.removed),
      f.fromMonth ?? '',
      f.toMonth ?? '',
      s.metric ?? '',
      s.value === null ? '' : String(s.value),
      s.months.join(' '),
      s.conversion?.fromStageId ?? '',
      csvNumber(s.conversion?.rate === null || s.conversion === null ? null : s.conversion.rate * 100),
      s.conversion ? String(s.conversion.value) : '',
      s.conversion ? String(s.conversion.previousValue) : '',
      s.conversion?.months.join(' ') ?? '',
      c ? String(c.reviews) : '0',
      csvNumber(c?.csat.value),
      csvNumber(c?.csat.low),
      csvNumber(c?.csat.high),
      c ? String(c.csat.n) : '0',
      csvNumber(c?.averageStars.value),
      String(c?.csat.enough ?? false),
      String(c?.csat.moreNeeded ?? 10),
    ];
  });
  return `\uFEFF${stringify([[...funnelCsvColumns], ...body], { record_delimiter: 'windows' })}`;
}

/** "corong-2026-11-29.csv": today's date in the business's time zone. */
export function funnelCsvFileName(now: Date, timeZone: string): string {
  return stagesCsvFileName(now, timeZone).replace(/^tahapan-/, 'corong-');
}
