/**
 * Part 6 of `npm run bench`: memory. The server's peak RSS during the intake run (VmHWM from
 * /proc, read by the intake part; target < 300 MB), and a soak: review intake at 50 % of the
 * intake part's peak rate for --soak-minutes (10) while the server's RSS is sampled every 5 s.
 * Growth is the mean RSS of the soak's last minute against its first minute after a 30-s warm-up
 * (target ≤ 10 %); the baseline is the server's idle RSS before the soak.
 *
 *   npx tsx scripts/bench/memory.ts [--dist=.builds/bench] [--soak-minutes=10] [--soak-rate=<reviews/s>]
 *
 * Alone (no intake part before it), the peak rate is measured first (10 s at 16 connections).
 */
import { round, runLoad, type LoadResult } from './intake';
import { isMain, option, runAlone, type Stack } from './stack';

export interface MemoryResult {
  peakRssMb: number | null;
  idleRssMb: number;
  soakMinutes: number;
  soakRate: number;
  soak: LoadResult;
  samples: { s: number; rssMb: number }[];
  firstMinuteMb: number;
  lastMinuteMb: number;
  growthPct: number;
  json: Record<string, unknown>;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export async function memoryPart(stack: Stack, opts: { peakRate?: number; peakRssMb?: number } = {}, log: (s: string) => void = console.error): Promise<MemoryResult> {
  const minutes = Math.max(0.5, Number(option('soak-minutes') ?? 10));
  const slugs = stack.links.map((l) => l.slug);
  let peakRate = opts.peakRate;
  if (!peakRate) {
    const peak = await runLoad({ base: stack.base, mode: 'intake', connections: 16, seconds: 10, secret: stack.secret, slugs });
    peakRate = peak.per_s;
    log(`memory: peak intake measured first: ${peak.per_s.toFixed(1)}/s`);
  }
  const rate = Number(option('soak-rate') ?? Math.max(1, Math.round(peakRate * 0.5)));
  const idleRssMb = stack.server.memory().rssMb;
  log(`memory: soak at ${rate} reviews/s (50 % of ${peakRate.toFixed(1)}/s) for ${minutes} min; RSS every 5 s …`);
  const samples: { s: number; rssMb: number }[] = [];
  const t0 = performance.now();
  const timer = setInterval(() => samples.push({ s: (performance.now() - t0) / 1000, rssMb: stack.server.memory().rssMb }), 5000);
  let soak: LoadResult;
  try {
    soak = await runLoad({ base: stack.base, mode: 'intake', connections: 16, seconds: Math.round(minutes * 60), rate, secret: stack.secret, slugs });
  } finally {
    clearInterval(timer);
  }
  const total = minutes * 60;
  const warm = Math.min(30, total / 4);
  const window = Math.min(60, (total - warm) / 2);
  const first = samples.filter((x) => x.s >= warm && x.s < warm + window).map((x) => x.rssMb);
  const last = samples.filter((x) => x.s >= total - window).map((x) => x.rssMb);
  const firstMinuteMb = mean(first);
  const lastMinuteMb = mean(last);
  const growthPct = (100 * (lastMinuteMb - firstMinuteMb)) / firstMinuteMb;
  const peakRssMb = opts.peakRssMb ?? null;
  return {
    peakRssMb,
    idleRssMb,
    soakMinutes: minutes,
    soakRate: rate,
    soak,
    samples,
    firstMinuteMb,
    lastMinuteMb,
    growthPct,
    json: {
      peak_rss_mb: peakRssMb === null ? null : round(peakRssMb),
      soak_growth_pct: round(growthPct, 2),
      idle_rss_mb: round(idleRssMb),
      soak_minutes: minutes,
      soak_rate_per_s: rate,
      soak_achieved_per_s: round(soak.per_s),
      soak_p99_ms: round(soak.latency_ms.p99),
      soak_errors: soak.errors,
      soak_first_minute_mb: round(firstMinuteMb),
      soak_last_minute_mb: round(lastMinuteMb),
      soak_max_rss_mb: round(Math.max(...samples.map((x) => x.rssMb))),
    },
  };
}

export function printMemory(r: MemoryResult): void {
  console.log(`## Memory`);
  console.log(`server RSS idle before the soak ${r.idleRssMb.toFixed(0)} MB; peak during the intake run ${r.peakRssMb === null ? '— (intake part not run)' : `${r.peakRssMb.toFixed(0)} MB`}`);
  console.log(
    `soak: ${r.soakMinutes} min at ${r.soakRate}/s asked (${r.soak.per_s.toFixed(1)}/s done, p99 ${r.soak.latency_ms.p99.toFixed(0)} ms, errors ${r.soak.errors}); ` +
      `RSS first minute ${r.firstMinuteMb.toFixed(0)} MB, last minute ${r.lastMinuteMb.toFixed(0)} MB → growth ${r.growthPct.toFixed(1)} %; max ${Math.max(...r.samples.map((x) => x.rssMb)).toFixed(0)} MB`,
  );
  const every = Math.max(1, Math.floor(r.samples.length / 12));
  console.log(`RSS samples (s: MB): ${r.samples.filter((_, i) => i % every === 0).map((x) => `${x.s.toFixed(0)}: ${x.rssMb.toFixed(0)}`).join(', ')}`);
}

if (isMain(import.meta.url)) {
  void runAlone('memory', (s) => memoryPart(s), (r) => {
    printMemory(r);
    console.log(JSON.stringify({ memory: r.json }, null, 2));
  });
}
