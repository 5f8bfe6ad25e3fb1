/**
 * Part 3 of `npm run bench`: the dashboards at scale, through the existing bench
 * (scripts/bench-dashboard.ts) pointed at the throwaway cluster (it makes its own database there,
 * migrates it, loads the reviews with the rollup triggers on, and drops it). Sizes are
 * --dashboard-sizes (default 10000,100000: loading 1M reviews with the per-row triggers takes
 * longer than the whole 15-minute budget on this machine — the run prints what it ran, and
 * `--dashboard-sizes=10000,100000,1000000` or `npm run bench:dashboard` measures 1M), --dashboard-runs
 * (15). The figure is the stage dashboard's data (its queries in one transaction, as the page opens
 * it) at the largest size, p95, and its ratio to the smallest; the baseline is the same per-stage
 * aggregate computed from the raw reviews.
 *
 *   npx tsx scripts/bench/dashboard.ts [--dist=.builds/bench] [--dashboard-sizes=10000,100000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './intake';
import { isMain, option, runAlone, type Stack } from './stack';

type Measure = { median: number; p95: number } | { skipped: string };

export interface DashboardResult {
  sizes: number[];
  runs: number;
  loadSeconds: Record<string, number>;
  rollupsEqual: Record<string, boolean>;
  measures: Record<string, Record<string, Measure>>;
  seconds: number;
  output: string;
  json: Record<string, unknown>;
}

const PAGE = /^stages page data/;
const BASELINE = 'baseline: raw reviews 90d';

export async function dashboardPart(stack: Stack, log: (s: string) => void = console.error): Promise<DashboardResult> {
  const sizes = option('dashboard-sizes') ?? '10000,100000';
  const runs = Number(option('dashboard-runs') ?? 15);
  const file = path.join(os.tmpdir(), `jejak-bench-dashboard-${process.pid}.json`);
  log(`dashboard: scripts/bench-dashboard.ts --sizes=${sizes} --runs=${runs} on the throwaway cluster …`);
  const t0 = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-dashboard.ts', stack.cluster.superUrl('postgres'), `--sizes=${sizes}`, `--runs=${runs}`, `--json=${file}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench-dashboard exited ${code}:\n${out.split('\n').slice(-30).join('\n')}`))));
  });
  const seconds = (performance.now() - t0) / 1000;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { sizes: number[]; runs: number; load_seconds: Record<string, number>; rollups_equal_recount: Record<string, boolean>; measures: Record<string, Record<string, Measure>> };
  fs.rmSync(file, { force: true });
  const lo = String(Math.min(...data.sizes));
  const hi = String(Math.max(...data.sizes));
  const pick = (size: string, match: (label: string) => boolean) => {
    const entry = Object.entries(data.measures[size] ?? {}).find(([label]) => match(label))?.[1];
    return entry && 'p95' in entry ? entry : null;
  };
  const pageHi = pick(hi, (l) => PAGE.test(l));
  const pageLo = pick(lo, (l) => PAGE.test(l));
  const baseHi = pick(hi, (l) => l === BASELINE);
  const baseLo = pick(lo, (l) => l === BASELINE);
  const has1m = data.sizes.includes(1_000_000);
  return {
    sizes: data.sizes,
    runs: data.runs,
    loadSeconds: data.load_seconds,
    rollupsEqual: data.rollups_equal_recount,
    measures: data.measures,
    seconds,
    output,
    json: {
      p95_ms_1m: has1m ? round(pick('1000000', (l) => PAGE.test(l))?.p95 ?? NaN, 2) : null,
      ratio_1m_10k: has1m && data.sizes.includes(10_000) ? round((pick('1000000', (l) => PAGE.test(l))?.p95 ?? NaN) / (pick('10000', (l) => PAGE.test(l))?.p95 ?? NaN), 2) : null,
      sizes_run: data.sizes,
      largest: Number(hi),
      p95_ms_largest: round(pageHi?.p95 ?? NaN, 2),
      ratio_largest_smallest: round((pageHi?.p95 ?? NaN) / (pageLo?.p95 ?? NaN), 2),
      baseline_p95_ms_largest: round(baseHi?.p95 ?? NaN, 2),
      baseline_ratio_largest_smallest: round((baseHi?.p95 ?? NaN) / (baseLo?.p95 ?? NaN), 2),
      rollups_equal_recount: Object.values(data.rollups_equal_recount).every(Boolean),
      load_seconds: data.load_seconds,
      seconds: Math.round(seconds),
    },
  };
}

export function printDashboard(r: DashboardResult): void {
  const fmt = (m: Measure | undefined) => (!m ? '—' : 'skipped' in m ? `— (${m.skipped})` : `${m.p95.toFixed(1)} (${m.median.toFixed(1)})`);
  const labels = Object.keys(r.measures[String(r.sizes[0])] ?? {});
  console.log(`## Dashboard at ${r.sizes.map((s) => s.toLocaleString('en')).join(' / ')} reviews (p95 (median) ms over ${r.runs} runs; loads took ${Object.entries(r.loadSeconds).map(([s, v]) => `${Number(s).toLocaleString('en')}: ${v.toFixed(0)} s`).join(', ')}; part ${r.seconds.toFixed(0)} s)`);
  console.log(`| measure | ${r.sizes.map((s) => s.toLocaleString('en')).join(' | ')} | ratio p95 largest/smallest |`);
  console.log(`| --- | ${r.sizes.map(() => '---:').join(' | ')} | ---: |`);
  const lo = String(Math.min(...r.sizes));
  const hi = String(Math.max(...r.sizes));
  for (const label of labels) {
    const a = r.measures[lo]?.[label];
    const b = r.measures[hi]?.[label];
    const ratio = a && b && 'p95' in a && 'p95' in b ? (b.p95 / a.p95).toFixed(2) : '—';
    console.log(`| ${label} | ${r.sizes.map((s) => fmt(r.measures[String(s)]?.[label])).join(' | ')} | ${ratio} |`);
  }
  console.log(`rollups equal a full recount at every size: ${Object.values(r.rollupsEqual).every(Boolean) ? 'yes' : 'NO'}`);
}

if (isMain(import.meta.url)) {
  void runAlone('dashboard', (s) => dashboardPart(s), (r) => {
    printDashboard(r);
    console.log(JSON.stringify({ dashboard: r.json }, null, 2));
  });
}
