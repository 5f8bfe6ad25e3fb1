/**
 * The funnel's text formats (issue 10, item 5), pure (no database): reading the numbers an owner
 * types ("12.000" the Indonesian way, "12000", "12,000" the English way), months ("2026-11",
 * "November 2026", "Nov 2026"), metrics in either language ("jangkauan" / "reach"), and the CSV file
 * `month,stage,metric,value` (or `bulan,tahap,metrik,jumlah`) into rows, each problem with its line.
 *
 * The CSV reader is a small RFC 4180 one (quotes, doubled quotes, CRLF or LF) that keeps the line
 * each record starts on, so a problem names the line the owner sees in a text editor. The delimiter
 * is the header's: a comma, or a semicolon or a tab (a spreadsheet set to Indonesian saves CSV with
 * semicolons, since the comma is its decimal mark).
 */
import type { FunnelMetric } from '@/db/schema';

export type { FunnelMetric };

/**
 * The metrics, in the funnel's usual order (the schema's enum, `funnel_metric`; a unit test keeps
 * the two equal). Listed here too so that this module stays free of database code: the browser's
 * forms may use it.
 */
export const funnelMetrics = ['reach', 'inquiries', 'orders', 'repeat_orders', 'referrals'] as const satisfies readonly FunnelMetric[];

/** The largest number a stage may hold (the table's check: 0 … 2,000,000,000). */
export const FUNNEL_MAX_VALUE = 2_000_000_000;
/** Data lines one import may carry (12 months × 12 stages is 144). */
export const FUNNEL_CSV_MAX_ROWS = 2000;
/** The text one import may carry. */
export const FUNNEL_CSV_MAX_BYTES = 200 * 1024;

/** A problem with what was typed: a key of the `funnel` namespace (`problems.*`) and its values. */
export interface FunnelProblem {
  /** The line of the file (1 = the header); absent for the whole file. */
  line?: number;
  key: string;
  params?: Record<string, string | number>;
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; key: 'problems.not_whole' | 'problems.too_big' };

/**
 * A count as an owner types it: digits, with thousands grouped by dots (id: 12.000) or commas
 * (en: 12,000) or spaces; empty = no number (null). Decimals and negative numbers are refused: a
 * funnel counts people and orders.
 */
export function parseCount(raw: string): ParsedNumber {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { ok: true, value: null };
  let digits: string | null = null;
  if (/^\d+$/.test(text)) digits = text;
  else if (/^\d{1,3}(\.\d{3})+$/.test(text)) digits = text.replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+$/.test(text)) digits = text.replace(/,/g, '');
  if (digits === null) return { ok: false, key: 'problems.not_whole' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > FUNNEL_MAX_VALUE) return { ok: false, key: 'problems.too_big' };
  return { ok: true, value };
}

const monthNames: Record<string, number> = {};
for (const [i, names] of [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb', 'pebruari'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'december', 'des', 'dec'],
].entries()) {
  for (const n of names) monthNames[n] = i + 1;
}

const monthKey = (year: number, month: number): string | null =>
  year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : null;

/**
 * A calendar month as "YYYY-MM", from "2026-11", "2026-11-01" (the first day only), "11/2026",
 * "November 2026", "Nov 2026" or "nopember 2026"; null when it is none of these.
 */
export function parseMonth(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(text);
  if (m) return monthKey(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return monthKey(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\.? (\d{4})$/.exec(text);
  if (m && monthNames[m[1]!]) return monthKey(Number(m[2]), monthNames[m[1]!]!);
  return null;
}

/** "YYYY-MM" → its first day "YYYY-MM-01" (the table's month). */
export const monthStart = (month: string) => `${month}-01`;

/**
 * Words that name each metric, in Indonesian and English (the UI's labels among them: a test checks
 * every label of both locales is read back). Compared lowercased, with `_`, `-` and spaces alike.
 */
const metricWords: Record<FunnelMetric, string[]> = {
  reach: ['reach', 'jangkauan', 'tayangan', 'views', 'impressions', 'pengunjung', 'visitors'],
  inquiries: ['inquiries', 'inquiry', 'enquiries', 'pertanyaan', 'pertanyaan masuk', 'tanya', 'chat masuk', 'leads'],
  orders: ['orders', 'order', 'pesanan', 'pembelian', 'transaksi', 'penjualan', 'sales', 'purchases'],
  repeat_orders: ['repeat orders', 'repeat order', 'repeat', 'pesanan ulang', 'order ulang', 'pembelian ulang', 'pelanggan kembali', 'repeat purchases'],
  referrals: ['referrals', 'referral', 'rujukan', 'referensi', 'rekomendasi', 'referal'],
};
const metricLookup = new Map<string, FunnelMetric>();
const norm = (s: string) => s.trim().toLowerCase().replace(/[_\-\s]+/g, ' ');
for (const m of funnelMetrics) {
  metricLookup.set(norm(m), m);
  for (const w of metricWords[m]) metricLookup.set(norm(w), m);
}

/** A metric from its key or a word for it in either language; null when unknown. */
export function parseMetric(raw: string): FunnelMetric | null {
  return metricLookup.get(norm(raw)) ?? null;
}

/**
 * The metric a stage's map text suggests ("Pesanan ulang: pelanggan yang kembali…" → repeat_orders):
 * the words before the first colon, or the longest known phrase it starts with.
 */
export function metricFromText(text: string): FunnelMetric | null {
  const head = norm(text.split(/[:(]/, 1)[0] ?? '');
  const direct = metricLookup.get(head);
  if (direct) return direct;
  let best: { len: number; m: FunnelMetric } | null = null;
  for (const [word, m] of metricLookup) {
    if ((head === word || head.startsWith(`${word} `)) && (!best || word.length > best.len)) best = { len: word.length, m };
  }
  return best?.m ?? null;
}

/** What a stage of a known model usually counts, for a stage that has no number yet. */
const metricByStageKey: Record<string, FunnelMetric> = {
  awareness: 'reach',
  pre_purchase: 'reach',
  consideration: 'inquiries',
  research: 'inquiries',
  purchase: 'orders',
  retention: 'repeat_orders',
  post_purchase: 'repeat_orders',
  advocacy: 'referrals',
  review: 'referrals',
};

/** The metric to offer a stage with no number: its map text's, else its model stage's, else reach. */
export function suggestedMetric(stage: { stageKey: string | null; metric: string }): FunnelMetric {
  return metricFromText(stage.metric) ?? (stage.stageKey ? metricByStageKey[stage.stageKey] : undefined) ?? 'reach';
}

/** One record of a CSV text, with the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Reads CSV text (RFC 4180) with the given delimiter; an unclosed quote is reported at its line. */
export function readCsv(text: string, delimiter: string): { records: CsvRecord[]; unclosedQuoteAt: number | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let any = false;
  const endRecord = () => {
    cells.push(cell);
    if (any || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
      any = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += c;
    }
  }
  if (quoted) return { records, unclosedQuoteAt: quoteLine };
  endRecord();
  return { records, unclosedQuoteAt: null };
}

/** The four columns, by their English or Indonesian header. */
const columnNames: Record<'month' | 'stage' | 'metric' | 'value', string[]> = {
  month: ['month', 'bulan'],
  stage: ['stage', 'tahap'],
  metric: ['metric', 'metrik', 'ukuran'],
  value: ['value', 'jumlah', 'angka', 'nilai'],
};
type Column = keyof typeof columnNames;

/** A data line as read: the month, the stage as written (name or position), the metric and the number (null = remove). */
export interface FunnelCsvRow {
  line: number;
  month: string;
  stage: string;
  metric: FunnelMetric | null;
  value: number | null;
}

/**
 * The rows of a funnel CSV, or every problem found (each with its line). Stages are left as
 * written: the caller matches them against the journey's map.
 */
export function parseFunnelCsv(input: string): { rows: FunnelCsvRow[]; problems: FunnelProblem[] } {
  const text = input.replace(/^\uFEFF/, '');
  const problems: FunnelProblem[] = [];
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const { records, unclosedQuoteAt } = readCsv(text, delimiter);
  if (unclosedQuoteAt !== null) return { rows: [], problems: [{ line: unclosedQuoteAt, key: 'problems.unclosed_quote' }] };
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ key: 'problems.empty' }] };

  const at: Partial<Record<Column, number>> = {};
  header.cells.forEach((name, i) => {
    const n = name.trim().toLowerCase();
    for (const col of Object.keys(columnNames) as Column[]) if (columnNames[col].includes(n) && at[col] === undefined) at[col] = i;
  });
  const missing = (Object.keys(columnNames) as Column[]).filter((c) => at[c] === undefined);
  if (missing.length) return { rows: [], problems: [{ line: header.line, key: 'problems.header' }] };
  if (data.length === 0) return { rows: [], problems: [{ key: 'problems.no_rows' }] };
  if (data.length > FUNNEL_CSV_MAX_ROWS) return { rows: [], problems: [{ key: 'problems.too_many_rows', params: { max: FUNNEL_CSV_MAX_ROWS } }] };

  const rows: FunnelCsvRow[] = [];
  for (const r of data) {
    // A blank line (or one of only delimiters) is skipped, like a spreadsheet's empty row.
    if (r.cells.every((c) => c.trim() === '')) continue;
    // More cells than the header names: most likely a number written with a comma ("1,5" or
    // "12,000" in a comma file), which would otherwise be read as something else.
    if (r.cells.length > header.cells.length && r.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      problems.push({ line: r.line, key: 'problems.columns', params: { count: header.cells.length } });
      continue;
    }
    const cell = (col: Column) => (r.cells[at[col]!] ?? '').trim();
    const before = problems.length;
    const month = parseMonth(cell('month'));
    if (!month) problems.push({ line: r.line, key: 'problems.month', params: { text: cell('month') } });
    const stage = cell('stage');
    if (!stage) problems.push({ line: r.line, key: 'problems.stage_empty' });
    const number = parseCount(cell('value'));
    if (!number.ok) problems.push({ line: r.line, key: number.key, params: { text: cell('value') } });
    const metric = parseMetric(cell('metric'));
    // The metric matters only for a number (an empty value removes the stage's number).
    if (!metric && number.ok && number.value !== null) problems.push({ line: r.line, key: 'problems.metric', params: { text: cell('metric') } });
    if (problems.length === before) rows.push({ line: r.line, month: month!, stage, metric, value: number.ok ? number.value : null });
  }
  return { rows, problems };
}
