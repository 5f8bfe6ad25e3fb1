/**
 * GET /api/journeys/<id>/stages.csv: the stage table of the dashboard as a CSV file, for
 * spreadsheets and scripts. Like the review export (lib/reviews/export.ts): UTF-8 with a byte-order
 * mark, quoting by csv-stringify, formula cells neutralised, a dated file name in the business's
 * time zone. Unlike it, the file is machine-readable: stable snake_case column names (not
 * translated), numbers with a dot decimal and no thousands separator (rounded to 4 decimals),
 * true/false, up/down/uncertain, and an empty cell where there is no figure (no reviews, no interval).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../reviews/export';
import type { StageStats, StageStatsFilter } from './stage-stats';
import { stageStatsFilterSchema } from './stage-stats';

export const stagesCsvColumns = [
  'stage_position',
  'stage_id',
  'stage_name',
  'removed',
  'period_from',
  'period_to',
  'reviews',
  'stars_1',
  'stars_2',
  'stars_3',
  'stars_4',
  'stars_5',
  'average_stars',
  'average_stars_low',
  'average_stars_high',
  'designed_emotion',
  'measured_emotion',
  'measured_emotion_low',
  'measured_emotion_high',
  'csat_pct',
  'csat_low',
  'csat_high',
  'csat_n',
  'nps',
  'nps_low',
  'nps_high',
  'nps_n',
  'nps_promoters',
  'nps_passives',
  'nps_detractors',
  'nps_skipped',
  'positive_pct',
  'neutral_pct',
  'negative_pct',
  'enough_reviews',
  'more_reviews_needed',
  'previous_from',
  'previous_to',
  'previous_reviews',
  'previous_average_stars',
  'previous_csat_pct',
  'previous_nps',
  'change_average_stars',
  'change_csat',
  'change_nps',
] as const;

/** A number as the file writes it: dot decimal, at most 4 decimals; null → empty cell. */
export function csvNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return String(Math.round(v * 10_000) / 10_000);
}

/** The CSV text (with its BOM): one row per stage, in the order of `stageStats`. */
export function buildStagesCsv(s: StageStats): string {
  const body = s.stages.map((r) => {
    const c = r.current;
    const p = r.previous;
    const cells: string[] = [
      csvNumber(r.position),
      r.stageId,
      neutraliseFormula(r.name ?? ''),
      String(r.removed),
      s.period.from ?? '',
      s.period.to,
      String(c.reviews),
      ...c.stars.map(String),
      csvNumber(c.averageStars.value),
      csvNumber(c.averageStars.low),
      csvNumber(c.averageStars.high),
      csvNumber(r.designedEmotion),
      csvNumber(c.emotion.value),
      csvNumber(c.emotion.low),
      csvNumber(c.emotion.high),
      csvNumber(c.csat.value),
      csvNumber(c.csat.low),
      csvNumber(c.csat.high),
      String(c.csat.n),
      csvNumber(c.nps.value),
      csvNumber(c.nps.low),
      csvNumber(c.nps.high),
      String(c.nps.n),
      String(c.npsCounts.promoters),
      String(c.npsCounts.passives),
      String(c.npsCounts.detractors),
      String(c.npsCounts.skipped),
      csvNumber(c.sentiment.positiveShare),
      csvNumber(c.sentiment.neutralShare),
      csvNumber(c.sentiment.negativeShare),
      String(c.csat.enough),
      String(c.csat.moreNeeded),
      s.previousPeriod?.from ?? '',
      s.previousPeriod?.to ?? '',
      p ? String(p.reviews) : '',
      csvNumber(p?.averageStars.value),
      csvNumber(p?.csat.value),
      csvNumber(p?.nps.value),
      r.change?.averageStars.direction ?? '',
      r.change?.csat.direction ?? '',
      r.change?.nps.direction ?? '',
    ];
    // Only the stage name is free text; numbers stay numbers (a negative NPS is not a formula).
    return cells;
  });
  return `\uFEFF${stringify([[...stagesCsvColumns], ...body], { record_delimiter: 'windows' })}`;
}

/**
 * The file's filters from the query string (the same names as `stageStatsFilterSchema`; empty values
 * are ignored). None: all time, every link. Invalid values: null (answered 400).
 */
export function readStagesCsvQuery(journeyId: string, search: URLSearchParams): StageStatsFilter | null {
  const raw: Record<string, string> = { journey: journeyId };
  for (const k of ['stage', 'link', 'touchpoint', 'from', 'to', 'range'] as const) {
    const v = search.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = stageStatsFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** "tahapan-2026-11-29.csv": today's date in the business's time zone. */
export function stagesCsvFileName(now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `tahapan-${day}.csv`;
}
