/**
 * Part 1 of `npm run bench`: review intake through the real public form endpoint (POST /r/<slug>:
 * validation, rate limits, idempotency and rollups all on), against two ceilings measured in the
 * same run:
 *
 * - the framework ceiling: the same bodies posted to an empty route handler in the same server
 *   (app/api/bench/empty, open only with BENCH_ROUTES=1, behind the same scripts/server.ts gate);
 * - the database ceiling: pgbench running the statements the app ran for one captured submission
 *   (log_statement=all on the throwaway cluster for that one request), as a custom script, over
 *   the app's pool size of clients.
 *
 * Load comes from autocannon in a second process (scripts/bench/load.mjs). The peak is the rate at
 * --connections (16) for --seconds (15); then the same at 70 % of that peak (autocannon's
 * overallRate) for the p99 target. Peak RSS of the server is read from /proc (VmHWM) after the run.
 * Where a target is missed, a second server with `node --cpu-prof` takes the intake load for a few
 * seconds and the profile's self time is summed by where it goes.
 *
 *   npx tsx scripts/bench/intake.ts [--dist=.builds/bench] [--seconds=15] [--connections=16] [--profile]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pgbench } from './cluster';
import { formSigner, nextAddress, urlencoded } from './form';
import { flag, isMain, option, runAlone, runJsonScript, type Stack } from './stack';

export interface LoadResult {
  mode: string;
  connections: number;
  seconds: number;
  rate: number | null;
  requests: number;
  ok: number;
  per_s: number;
  latency_ms: { p50: number; p95: number; p99: number; max: number };
  statuses: Record<string, number>;
  errors: number;
}

export function runLoad(config: Record<string, unknown>): Promise<LoadResult> {
  return runJsonScript<LoadResult>('scripts/bench/load.mjs', [JSON.stringify(config)], (out) => out.trim().split('\n').at(-1)!);
}

// ---- the database ceiling: the app's statements, captured, replayed by pgbench ----------------------

interface Captured {
  sql: string;
  params: (string | null)[];
}

/** The login role's statements in the server log since `from` (bytes), in order. */
function readStatements(logFile: string, from: number, role: string): Captured[] {
  const text = fs.readFileSync(logFile, 'utf8').slice(from);
  const entries: { head: string; body: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] (\S*) (LOG|DETAIL|ERROR|STATEMENT|WARNING):\s+(.*)$/.exec(line);
    if (m) entries.push({ head: `${m[1]} ${m[2]}`, body: m[3]! });
    else if (entries.length) entries.at(-1)!.body += `\n${line}`;
  }
  const out: Captured[] = [];
  for (const e of entries) {
    if (!e.head.startsWith(`${role}@`)) continue;
    if (e.head.endsWith('LOG')) {
      const m = /^(?:statement|execute [^:]+): ([\s\S]*)$/.exec(e.body);
      if (m) out.push({ sql: m[1]!.trim(), params: [] });
    } else if (e.head.endsWith('DETAIL') && e.body.startsWith('parameters: ') && out.length) {
      const params: (string | null)[] = [];
      for (const p of e.body.slice('parameters: '.length).matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) params[Number(p[1]) - 1] = p[2] === 'NULL' ? null : p[3]!.replace(/''/g, "'");
      out.at(-1)!.params = params;
    }
  }
  return out;
}

const lockId = (bucket: string, key: string) => createHash('sha256').update(`${bucket}:${key}`).digest().readBigInt64BE(0).toString();
const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * Captures one real submission's statements, builds a pgbench script from them (per-transaction
 * values — business, link, address, key — from two lookup tables, timestamps relative to now()),
 * and runs it. Returns transactions (= submissions) per second and the script.
 */
export async function databaseCeiling(stack: Stack, seconds: number, clients = 10): Promise<{ per_s: number; latency_ms: number; statements: number; script: string; log: string }> {
  const { limitKey } = await import('@/lib/rate-limit/limiter');
  const { limits } = await import('@/lib/rate-limit/limits');
  const { hashSlug } = await import('@/lib/reviews/slug');
  const signer = formSigner(stack.secret);
  const link = stack.links[0]!;
  const post = (ip: string, fields: Record<string, string>) =>
    fetch(`${stack.base}/r/${link.slug}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: urlencoded(fields) });
  await post(nextAddress(11), signer.fields()); // warm: prepared statements exist, as under load
  await stack.sql.unsafe("alter system set log_statement = 'all'");
  await stack.sql.unsafe('select pg_reload_conf()');
  await new Promise((r) => setTimeout(r, 500));
  const from = fs.statSync(stack.cluster.logFile).size;
  const ip = nextAddress(11);
  const fields = signer.fields();
  const res = await post(ip, fields);
  await new Promise((r) => setTimeout(r, 500));
  await stack.sql.unsafe('alter system reset log_statement');
  await stack.sql.unsafe('select pg_reload_conf()');
  if (res.status !== 303) throw new Error(`the captured submission answered ${res.status}`);
  const statements = readStatements(stack.cluster.logFile, from, stack.loginRole);
  if (!statements.length) throw new Error('no statements captured from the server log');

  // What varies per submission, as pgbench variables filled from the lookup tables.
  const ipKey = limitKey(ip, limits.reviewSubmitPerAddress);
  const linkKey = limitKey(link.linkId);
  const vars = new Map<string, string>([
    [link.tenantId, 'tenant'],
    [link.linkId, 'link'],
    [link.journeyId, 'journey'],
    [link.stageId, 'stage'],
    [hashSlug(link.slug), 'slug_hash'],
    [linkKey, 'link_key'],
    [lockId(limits.reviewSubmitPerLink.bucket, linkKey), 'link_lock'],
    [ipKey, 'ip_key'],
    [lockId(limits.reviewSubmitPerAddress.bucket, ipKey), 'ip_lock'],
    [fields.key!, 'key'],
  ]);
  const stamps = statements.flatMap((s) => s.params).filter((p): p is string => !!p && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/.test(p));
  const now = Math.max(...stamps.map((p) => Date.parse(p.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))), 0);
  const replay = statements.map((s) =>
    s.sql.replace(/\$(\d+)/g, (_m, n: string) => {
      const v = s.params[Number(n) - 1];
      if (v === undefined) return `$${n}`;
      if (v === null) return 'NULL';
      const name = vars.get(v);
      if (name) return `:${name}`;
      if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/.test(v)) {
        const ago = now - Date.parse(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
        return ago === 0 ? 'now()' : `(now() - interval '${ago} milliseconds')`;
      }
      return quote(v);
    }),
  );
  if (replay.some((s) => /\$\d/.test(s))) throw new Error('a captured statement kept a parameter without a value');

  // The lookup tables: every bench link, and 100k client addresses, with their derived values.
  const ips = Array.from({ length: 100_000 }, (_, i) => `12.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
  await stack.sql.unsafe('create schema if not exists bench');
  await stack.sql.unsafe('drop table if exists bench.links, bench.ips');
  await stack.sql.unsafe('create table bench.links (n int primary key, tenant uuid, link uuid, journey uuid, stage uuid, slug_hash text, link_key text, link_lock bigint)');
  await stack.sql.unsafe('create table bench.ips (n int primary key, ip_key text, ip_lock bigint)');
  const linkRows = stack.links.map((l, i) => {
    const k = limitKey(l.linkId);
    return [i + 1, l.tenantId, l.linkId, l.journeyId, l.stageId, hashSlug(l.slug), k, lockId(limits.reviewSubmitPerLink.bucket, k)];
  });
  await stack.sql`insert into bench.links ${stack.sql(linkRows.map(([n, tenant, link, journey, stage, slug_hash, link_key, link_lock]) => ({ n, tenant, link, journey, stage, slug_hash, link_key, link_lock })) as never)}`;
  for (let i = 0; i < ips.length; i += 10_000) {
    const rows = ips.slice(i, i + 10_000).map((a, j) => {
      const k = limitKey(a, limits.reviewSubmitPerAddress);
      return { n: i + j + 1, ip_key: k, ip_lock: lockId(limits.reviewSubmitPerAddress.bucket, k) };
    });
    await stack.sql`insert into bench.ips ${stack.sql(rows as never)}`;
  }
  await stack.sql.unsafe(`grant usage on schema bench to ${stack.loginRole}; grant select on all tables in schema bench to ${stack.loginRole}`);
  const script = [
    `\\set li random(1, ${stack.links.length})`,
    `\\set ii random(1, ${ips.length})`,
    'select l.tenant, l.link, l.journey, l.stage, l.slug_hash, l.link_key, l.link_lock, i.ip_key, i.ip_lock, gen_random_uuid() as key from bench.links l, bench.ips i where l.n = :li and i.n = :ii \\gset',
    ...replay.map((s) => `${s.replace(/\s*\n\s*/g, ' ').replace(/;\s*$/, '')};`),
  ].join('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-bench-pgbench-'));
  const file = path.join(dir, 'intake.sql');
  fs.writeFileSync(file, `${script}\n`);
  const url = new URL(stack.appUrl);
  const out = await pgbench(
    ['-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), '-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, 'jejak'],
    { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);
  const lat = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  if (!Number.isFinite(tps)) throw new Error(`pgbench gave no tps:\n${out}`);
  if (failed) console.error(`intake: pgbench reported ${failed} failed transactions`);
  return { per_s: tps, latency_ms: lat, statements: replay.length, script, log: out };
}

// ---- where the time goes -------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time of a .cpuprofile summed by where it is spent (package, the app's bundle, GC, idle) and by function. */
export function summariseProfile(file: string, lastMs = Infinity): { byArea: [string, number][]; byFunction: [string, number][]; totalMs: number } {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  const self = new Map<number, number>();
  // Only the last `lastMs` of the profile: the measured load, not the server's start and warm-up.
  const from = prof.endTime - lastMs * 1000;
  let t = prof.startTime;
  prof.samples.forEach((id, i) => {
    t += prof.timeDeltas[i] ?? 0;
    if (t >= from) self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  });
  const area = (url: string, fn: string) => {
    if (!url) return fn.startsWith('(') ? fn : '(native)';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (url.startsWith('node:')) return 'node internals';
    if (/\/server\/chunks\/|\/server\/app\//.test(url)) return 'app bundle (.builds/…/server)';
    return path.relative(process.cwd(), url.replace('file://', ''));
  };
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const n of prof.nodes) {
    const ms = self.get(n.id) ?? 0;
    totalMs += ms;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + ms);
    const f = `${n.callFrame.functionName || '(anonymous)'} ${a}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(f, (byFunction.get(f) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, k);
  return { byArea: top(byArea, 10), byFunction: top(byFunction, 12), totalMs };
}

async function profileIntake(stack: Stack, seconds: number, connections: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-bench-prof-'));
  const port = stack.server.port + 1;
  const server = await stack.startServer({ port, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const load = { base: server.base, mode: 'intake', connections, secret: stack.secret, slugs: stack.links.map((l) => l.slug) };
  let measuredFrom = Date.now();
  try {
    await runLoad({ ...load, seconds: 5 }); // warm-up, left out of the summary
    measuredFrom = Date.now();
    await runLoad({ ...load, seconds });
  } finally {
    await server.stop();
  }
  const windowMs = Date.now() - measuredFrom;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return ['(no profile written)'];
  // The server's own process wrote the biggest profile (tsx's loader may write a small one).
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const { byArea, byFunction, totalMs } = summariseProfile(biggest, windowMs);
  const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)} %`;
  const keepAt = path.join(os.tmpdir(), 'jejak-bench-intake.cpuprofile');
  fs.copyFileSync(biggest, keepAt);
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    `CPU profile of a second server under the same intake load (${seconds} s after a 5 s warm-up; self time; the whole profile kept at ${keepAt}):`,
    ...byArea.map(([a, ms]) => `  ${pct(ms).padStart(7)}  ${a}`),
    'top functions:',
    ...byFunction.map(([f, ms]) => `  ${pct(ms).padStart(7)}  ${f}`),
  ];
}

// ---- the part --------------------------------------------------------------------------------------

export interface IntakeResult {
  framework: LoadResult;
  peak: LoadResult;
  at70: LoadResult;
  database: { per_s: number; latency_ms: number; statements: number };
  storedAsSpam: number;
  peakRssMb: number;
  idleRssMb: number;
  profile: string[];
  json: { per_s: number; framework_ratio: number; db_ratio: number; p99_ms: number; errors: number; [k: string]: unknown };
}

export async function intakePart(stack: Stack, log: (s: string) => void = console.error): Promise<IntakeResult> {
  const seconds = Number(option('seconds') ?? 15);
  const connections = Number(option('connections') ?? 16);
  const slugs = stack.links.map((l) => l.slug);
  const common = { base: stack.base, secret: stack.secret, slugs, connections };
  const idleRssMb = stack.server.memory().rssMb;
  log(`intake: warm-up 5 s, then ${seconds} s each: empty route, intake at ${connections} connections, intake at 70 % of that peak; then pgbench`);
  await runLoad({ ...common, mode: 'intake', seconds: 5 });
  const framework = await runLoad({ ...common, mode: 'empty', seconds });
  log(`intake: empty route ${framework.per_s.toFixed(0)}/s`);
  const peak = await runLoad({ ...common, mode: 'intake', seconds });
  log(`intake: peak ${peak.per_s.toFixed(0)}/s, p99 ${peak.latency_ms.p99} ms, statuses ${JSON.stringify(peak.statuses)}`);
  const at70 = await runLoad({ ...common, mode: 'intake', seconds, rate: Math.max(1, Math.round(peak.per_s * 0.7)) });
  log(`intake: at 70 % (${Math.round(peak.per_s * 0.7)}/s asked) ${at70.per_s.toFixed(0)}/s, p99 ${at70.latency_ms.p99} ms`);
  const peakRssMb = stack.server.memory().peakMb;
  const [spam] = await stack.sql<{ n: string }[]>`select count(*)::text as n from reviews where status = 'spam' and tenant_id in ${stack.sql([...new Set(stack.links.map((l) => l.tenantId))])}`;
  const database = await databaseCeiling(stack, seconds);
  log(`intake: pgbench ${database.per_s.toFixed(0)} submissions/s (${database.statements} statements each)`);
  const errors = peak.errors + at70.errors;
  const frameworkRatio = peak.per_s / framework.per_s;
  const short = frameworkRatio < 0.5 || at70.latency_ms.p99 >= 100 || errors > 0;
  const profile = short || flag('profile') ? await profileIntake(stack, Math.min(seconds, 10), connections) : [];
  return {
    framework,
    peak,
    at70,
    database,
    storedAsSpam: Number(spam?.n ?? 0),
    peakRssMb,
    idleRssMb,
    profile,
    json: {
      per_s: round(peak.per_s),
      framework_ratio: round(frameworkRatio, 3),
      db_ratio: round(peak.per_s / database.per_s, 3),
      p99_ms: round(at70.latency_ms.p99),
      errors,
      framework_per_s: round(framework.per_s),
      db_per_s: round(database.per_s),
      p50_ms_peak: round(peak.latency_ms.p50),
      p95_ms_peak: round(peak.latency_ms.p95),
      p99_ms_peak: round(peak.latency_ms.p99),
      p50_ms_70: round(at70.latency_ms.p50),
      p95_ms_70: round(at70.latency_ms.p95),
      rate_70_per_s: round(at70.per_s),
      stored_as_spam: Number(spam?.n ?? 0),
      connections,
      seconds,
    },
  };
}

export const round = (n: number, d = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : null) as number;

export function printIntake(r: IntakeResult): void {
  const l = (x: LoadResult) => `${x.per_s.toFixed(1)}/s, p50 ${x.latency_ms.p50} ms, p95 ${x.latency_ms.p95} ms, p99 ${x.latency_ms.p99} ms, statuses ${JSON.stringify(x.statuses)}, errors ${x.errors}`;
  console.log('## Review intake (POST /r/<slug>)');
  console.log(`empty route (framework ceiling): ${l(r.framework)}`);
  console.log(`intake at peak:                   ${l(r.peak)}`);
  console.log(`intake at 70 % of peak:           ${l(r.at70)}`);
  console.log(`pgbench (database ceiling):       ${r.database.per_s.toFixed(1)} submissions/s, ${r.database.statements} statements each, latency avg ${r.database.latency_ms} ms`);
  console.log(`intake / framework ${r.json.framework_ratio}, intake / database ${r.json.db_ratio}; reviews stored as spam ${r.storedAsSpam} (0: the bench's forms are real)`);
  console.log(`server RSS: idle ${r.idleRssMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB`);
  for (const line of r.profile) console.log(line);
}

if (isMain(import.meta.url)) {
  void runAlone('intake', (s) => intakePart(s), (r) => {
    printIntake(r);
    console.log(JSON.stringify({ intake: r.json }, null, 2));
  });
}
