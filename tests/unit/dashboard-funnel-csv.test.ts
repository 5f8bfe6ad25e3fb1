/**
 * The funnel's text formats (lib/dashboard/funnel-csv.ts): numbers as owners type them (12.000,
 * 12000, 12,000; no decimals, no negatives), months in several spellings, metrics in either
 * language (every label the UI shows is read back), the CSV reader's quotes and line numbers, and
 * the import's per-line problems.
 */
import { describe, expect, it } from 'vitest';
import { funnelMetrics as schemaMetrics } from '@/db/schema';
import { formatMonthList, formatRate } from '@/components/dashboard/funnel/format';
import {
  FUNNEL_CSV_MAX_ROWS,
  funnelMetrics,
  metricFromText,
  parseCount,
  parseFunnelCsv,
  parseMetric,
  parseMonth,
  readCsv,
  suggestedMetric,
} from '@/lib/dashboard/funnel-csv';
import en from '@/locales/en/funnel.json';
import id from '@/locales/id/funnel.json';

describe('parseCount', () => {
  it.each([
    ['12000', 12000],
    ['12.000', 12000],
    ['1.234.567', 1234567],
    ['12,000', 12000],
    [' 12 000 ', 12000],
    ['12\u00a0000', 12000],
    ['0', 0],
    ['2000000000', 2000000000],
    ['2.000.000.000', 2000000000],
  ])('reads %j as %d', (raw, value) => {
    expect(parseCount(raw)).toEqual({ ok: true, value });
  });

  it('reads an empty field as no number', () => {
    expect(parseCount('')).toEqual({ ok: true, value: null });
    expect(parseCount('   ')).toEqual({ ok: true, value: null });
  });

  it.each(['1,5', '12.5', '-3', '12.00', '1.2345', 'dua belas', '12k', '1e5', '.5', '12.'])('refuses %j as not a whole number', (raw) => {
    expect(parseCount(raw)).toEqual({ ok: false, key: 'problems.not_whole' });
  });

  it('refuses more than 2,000,000,000', () => {
    expect(parseCount('2000000001')).toEqual({ ok: false, key: 'problems.too_big' });
    expect(parseCount('99999999999999999999')).toEqual({ ok: false, key: 'problems.too_big' });
  });
});

describe('parseMonth', () => {
  it.each([
    ['2026-11', '2026-11'],
    ['2026-1', '2026-01'],
    ['2026-11-01', '2026-11'],
    ['11/2026', '2026-11'],
    ['November 2026', '2026-11'],
    ['nopember 2026', '2026-11'],
    ['Agustus 2026', '2026-08'],
    ['Okt 2026', '2026-10'],
    ['Des. 2026', '2026-12'],
    ['May 2026', '2026-05'],
    ['Mei 2026', '2026-05'],
  ])('reads %j', (raw, month) => {
    expect(parseMonth(raw)).toBe(month);
  });

  it.each(['2026-13', '2026-00', '2026-11-15', '1999-12', 'besok', '', '2026', 'Nov'])('refuses %j', (raw) => {
    expect(parseMonth(raw)).toBeNull();
  });
});

describe('metrics', () => {
  it('are the schema enum, in order', () => {
    expect([...funnelMetrics]).toEqual([...schemaMetrics]);
  });

  it('reads every label the UI shows, in both languages, and the keys', () => {
    for (const m of funnelMetrics) {
      expect(parseMetric(m)).toBe(m);
      expect(parseMetric(id.metrics[m])).toBe(m);
      expect(parseMetric(en.metrics[m])).toBe(m);
      expect(parseMetric(` ${id.metrics[m].toUpperCase()} `)).toBe(m);
    }
    expect(parseMetric('repeat-orders')).toBe('repeat_orders');
    expect(parseMetric('cuaca')).toBeNull();
  });

  it("suggests a stage's metric from its map text, else its model stage", () => {
    expect(metricFromText('Pesanan ulang: pelanggan yang kembali dalam 6 bulan')).toBe('repeat_orders');
    expect(metricFromText('Pesanan: jumlah servis per minggu')).toBe('orders');
    expect(metricFromText('Rujukan dan kepuasan: pelanggan dari rekomendasi')).toBe('referrals');
    expect(metricFromText('Kepuasan: rating toko')).toBeNull();
    expect(suggestedMetric({ stageKey: 'retention', metric: 'Kepuasan: rating toko' })).toBe('repeat_orders');
    expect(suggestedMetric({ stageKey: null, metric: '' })).toBe('reach');
  });
});

describe('readCsv', () => {
  it('keeps the line each record starts on, through quoted line breaks and doubled quotes', () => {
    const { records, unclosedQuoteAt } = readCsv('a,b\r\n"x\ny","say ""hi"""\n\n3,4', ',');
    expect(unclosedQuoteAt).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'say "hi"'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('reports an unclosed quote at its line', () => {
    expect(readCsv('a,b\n1,"oops\n2,3', ',').unclosedQuoteAt).toBe(2);
  });
});

describe('parseFunnelCsv', () => {
  it('takes Indonesian or English headers in any order, a comma, semicolon or tab, and skips blank lines', () => {
    for (const text of [
      'bulan,tahap,metrik,jumlah\n2026-11,1,jangkauan,12.000\n\n',
      'Month;Stage;Metric;Value\r\n2026-11;1;reach;12000\r\n;;;\r\n',
      'jumlah\tbulan\ttahap\tmetrik\n12000\t2026-11\t1\treach',
    ]) {
      const { rows, problems } = parseFunnelCsv(text);
      expect(problems).toEqual([]);
      expect(rows).toEqual([{ line: 2, month: '2026-11', stage: '1', metric: 'reach', value: 12000 }]);
    }
  });

  it('lets an empty value through without a metric (it removes the number)', () => {
    expect(parseFunnelCsv('month,stage,metric,value\n2026-11,Beli,,').rows).toEqual([{ line: 2, month: '2026-11', stage: 'Beli', metric: null, value: null }]);
  });

  it('names each bad line, with the text it could not read', () => {
    const { rows, problems } = parseFunnelCsv(['month,stage,metric,value', 'kemarin,1,reach,5', '2026-11,,reach,5', '2026-11,2,cuaca,5', '2026-11,3,orders,1.5', '2026-11,4,orders,7'].join('\n'));
    expect(problems).toEqual([
      { line: 2, key: 'problems.month', params: { text: 'kemarin' } },
      { line: 3, key: 'problems.stage_empty' },
      { line: 4, key: 'problems.metric', params: { text: 'cuaca' } },
      { line: 5, key: 'problems.not_whole', params: { text: '1.5' } },
    ]);
    expect(rows.map((r) => r.line)).toEqual([6]);
  });

  it('refuses a file without its header, without rows, or with too many', () => {
    expect(parseFunnelCsv('').problems).toEqual([{ key: 'problems.empty' }]);
    expect(parseFunnelCsv('2026-11,1,reach,5\n').problems).toEqual([{ line: 1, key: 'problems.header' }]);
    expect(parseFunnelCsv('month,stage,metric,value\n').problems).toEqual([{ key: 'problems.no_rows' }]);
    const many = ['month,stage,metric,value', ...Array.from({ length: FUNNEL_CSV_MAX_ROWS + 1 }, () => '2026-11,1,reach,5')].join('\n');
    expect(parseFunnelCsv(many).problems).toEqual([{ key: 'problems.too_many_rows', params: { max: FUNNEL_CSV_MAX_ROWS } }]);
  });

  it('every problem key has its sentence in both languages', () => {
    const keys = ['empty', 'header', 'no_rows', 'too_many_rows', 'unclosed_quote', 'month', 'stage_empty', 'stage_unknown', 'stage_ambiguous', 'not_whole', 'too_big', 'metric', 'duplicate', 'columns'];
    for (const k of keys) {
      expect(id.problems).toHaveProperty(k);
      expect(en.problems).toHaveProperty(k);
    }
  });

  it("reads the page's own sample", () => {
    expect(parseFunnelCsv(id.import.sample).problems).toEqual([]);
    expect(parseFunnelCsv(en.import.sample).problems).toEqual([]);
    expect(parseFunnelCsv(id.import.sample).rows.map((r) => r.value)).toEqual([12000, 850]);
  });
});

describe('formatting', () => {
  it('joins consecutive months and writes rates the id-ID way', () => {
    expect(formatMonthList(['2026-11', '2026-09', '2026-12'], 'id')).toBe('Sep 2026, Nov 2026 – Des 2026');
    expect(formatRate(0.255, 'id')).toBe('25,5%');
    expect(formatRate(0.1, 'en')).toBe('10%');
    expect(formatRate(1.5, 'id')).toBe('150%');
  });
});
