/**
 * Part 4 of `npm run bench`: no review lost. Under steady intake (--fault-clients, 8, each posting
 * one review after another to random bench links), the throwaway cluster's postmaster is killed
 * with SIGKILL at random moments (--kills, 10; 1.5–4 s apart) and started again each time with
 * `pg_ctl start` (crash recovery). The app server is never restarted. A client that gets no
 * thank-you (303) — a 503 page, a timeout, a dropped connection — sends the same form again with
 * the same one-time key, as the page's offline queue does, until it is acknowledged.
 *
 * Afterwards: every acknowledged key is stored exactly once (lost = acknowledged but not stored,
 * duplicated = stored more than once), the per-day rollups equal a recount from the reviews and each
 * link's submitted count equals its reviews, and the same server process answers /api/health/ready
 * and takes a review. Per restart: the time from SIGKILL until PostgreSQL accepts connections again,
 * and from then until the app's next acknowledged review (the app's own recovery).
 *
 *   npx tsx scripts/bench/faults.ts [--dist=.builds/bench] [--kills=10] [--fault-clients=8]
 */
import { randomInt } from 'node:crypto';
import { formSigner, nextAddress, urlencoded } from './form';
import { round } from './intake';
import { isMain, option, runAlone, type Stack } from './stack';

interface Restart {
  kill_at_s: number;
  pg_down_ms: number;
  app_recovery_ms: number | null;
}

export interface FaultsResult {
  restarts: Restart[];
  sent: number;
  attempts: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  rollupRowsDiffering: number;
  linkCountsDiffering: number;
  recovered: boolean;
  statuses: Record<string, number>;
  unexpected: string[];
  /** What the server logged while PostgreSQL went away and came back (distinct first lines). */
  serverLog: string[];
  json: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function faultsPart(stack: Stack, log: (s: string) => void = console.error): Promise<FaultsResult> {
  const kills = Math.max(1, Number(option('kills') ?? 10));
  const clients = Math.max(1, Number(option('fault-clients') ?? 8));
  const signer = formSigner(stack.secret);
  const links = stack.links;
  const acked: { key: string; tenantId: string; at: number }[] = [];
  const statuses: Record<string, number> = {};
  const unexpected: string[] = [];
  let attempts = 0;
  let sent = 0;
  let stopping = false;
  const t0 = performance.now();
  const now = () => performance.now() - t0;

  async function client(): Promise<void> {
    while (!stopping) {
      const link = links[randomInt(links.length)]!;
      const fields = signer.fields({ stars: 1 + randomInt(5), nps: randomInt(11) });
      const ip = nextAddress(13);
      sent++;
      // Until acknowledged; after the run stops, a pending one still gets 60 s to land.
      const deadline = () => (stopping ? stopAt + 60_000 : Infinity);
      for (let attempt = 0; now() < deadline(); attempt++) {
        attempts++;
        let status = 'error';
        try {
          const res = await fetch(`${stack.base}/r/${link.slug}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip, accept: 'text/html' },
            body: urlencoded(fields),
            signal: AbortSignal.timeout(20_000),
          });
          await res.arrayBuffer();
          status = String(res.status);
        } catch (err) {
          status = `error:${(err as Error).name}`;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === '303') {
          acked.push({ key: fields.key!, tenantId: link.tenantId, at: now() });
          break;
        }
        if (!['503', '500', '502', '504'].includes(status) && !status.startsWith('error')) {
          // 422, 429, 404…: not what a healthy intake answers a valid review. Recorded, retried.
          if (unexpected.length < 20) unexpected.push(`${status} for key ${fields.key}`);
        }
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
      }
    }
  }

  let stopAt = Infinity;
  const logBefore = stack.server.log().split('\n').length;
  log(`faults: ${clients} clients posting; ${kills} SIGKILLs of the postmaster at random moments`);
  const running = Array.from({ length: clients }, () => client());
  await sleep(3000);
  const restarts: Restart[] = [];
  for (let k = 0; k < kills; k++) {
    await sleep(1500 + randomInt(2500));
    const killAt = now();
    stack.cluster.kill9();
    await stack.cluster.start();
    const upAt = now();
    const ackedBefore = acked.length;
    // The app's recovery: the first review acknowledged after the database is back.
    const until = now() + 60_000;
    while (now() < until && !acked.slice(ackedBefore).some((a) => a.at >= upAt)) await sleep(20);
    const first = acked.slice(ackedBefore).find((a) => a.at >= upAt);
    restarts.push({ kill_at_s: round(killAt / 1000, 1), pg_down_ms: Math.round(upAt - killAt), app_recovery_ms: first ? Math.round(first.at - upAt) : null });
    log(`faults: kill ${k + 1}: PostgreSQL back after ${Math.round(upAt - killAt)} ms, app's next acknowledged review ${first ? `${Math.round(first.at - upAt)} ms later` : 'not within 60 s'}`);
  }
  await sleep(3000);
  stopping = true;
  stopAt = now();
  await Promise.all(running);

  // Exactly once?
  const keys = acked.map((a) => a.key);
  const found = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await stack.sql<{ key: string; n: number }[]>`select submission_key::text as key, count(*)::int as n from reviews where submission_key in ${stack.sql(keys.slice(i, i + 5000))} group by 1`;
    for (const r of rows) found.set(r.key, r.n);
  }
  const stored = keys.filter((k) => found.has(k)).length;
  const duplicated = [...found.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const tenants = [...new Set(links.map((l) => l.tenantId))];
  const [{ n: total = 0 } = { n: 0 }] = await stack.sql<{ n: number }[]>`select count(*)::int as n from reviews where tenant_id in ${stack.sql(tenants)}`;
  const diff = await rollupDifferences(stack, tenants);
  // The same server process, still answering, and still taking reviews.
  const alive = stack.server.child.exitCode === null && stack.server.child.signalCode === null;
  const ready = await fetch(`${stack.base}/api/health/ready`).then((r) => r.status === 200).catch(() => false);
  const fields = signer.fields();
  const last = await fetch(`${stack.base}/r/${links[0]!.slug}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress(13) },
    body: urlencoded(fields),
  }).then((r) => r.status).catch(() => 0);
  const recovered = alive && ready && last === 303;
  const serverLog = [
    ...new Set(
      stack.server
        .log()
        .split('\n')
        .slice(Math.max(0, logBefore - 400))
        .filter((l) => /error|fail|terminat|timeout|ECONN|closed/i.test(l))
        .map((l) => l.replace(/\[review page [0-9a-f]+\]/, '[review page …]').slice(0, 200)),
    ),
  ].slice(0, 15);
  const result: FaultsResult = {
    restarts,
    sent,
    attempts,
    acknowledged: acked.length,
    stored,
    lost: acked.length - stored,
    duplicated,
    rollupRowsDiffering: diff.rollup,
    linkCountsDiffering: diff.links,
    recovered,
    statuses,
    unexpected,
    serverLog,
    json: {},
  };
  result.json = {
    kills: restarts.length,
    acknowledged: result.acknowledged,
    stored: result.stored,
    lost: result.lost,
    duplicated: result.duplicated,
    rollup_rows_differing: diff.rollup,
    link_counts_differing: diff.links,
    recovered_without_restart: recovered,
    pg_down_ms_median: median(restarts.map((r) => r.pg_down_ms)),
    app_recovery_ms_median: median(restarts.map((r) => r.app_recovery_ms ?? NaN).filter(Number.isFinite)),
    app_recovery_ms_max: Math.max(...restarts.map((r) => r.app_recovery_ms ?? Infinity)),
    restarts,
    statuses,
    reviews_in_bench_businesses: total,
  };
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : null;
};

/** Rollup rows that differ from a recount of the reviews (both ways), and links whose submitted count differs from their reviews. */
export async function rollupDifferences(stack: Stack, tenants: string[]): Promise<{ rollup: number; links: number }> {
  const [r] = await stack.sql<{ differ: number }[]>`
    with recount as (
      select r.tenant_id, r.journey_id, r.stage_id, r.link_id, r.touchpoint, (r.created_at at time zone t.time_zone::text)::date as day,
             count(*) filter (where stars = 1)::int s1, count(*) filter (where stars = 2)::int s2, count(*) filter (where stars = 3)::int s3,
             count(*) filter (where stars = 4)::int s4, count(*) filter (where stars = 5)::int s5,
             count(*) filter (where nps >= 9)::int p, count(*) filter (where nps between 7 and 8)::int pa,
             count(*) filter (where nps <= 6)::int d, count(*) filter (where nps is null)::int sk
      from reviews r join tenants t on t.id = r.tenant_id
      where r.tenant_id in ${stack.sql(tenants)} and r.status <> 'spam' group by 1, 2, 3, 4, 5, 6),
    rollup as (
      select tenant_id, journey_id, stage_id, link_id, touchpoint, day, stars_1, stars_2, stars_3, stars_4, stars_5, promoters, passives, detractors, nps_skipped
      from review_stage_days where tenant_id in ${stack.sql(tenants)} and stars_1 + stars_2 + stars_3 + stars_4 + stars_5 > 0)
    select (select count(*) from ((select * from recount except all select * from rollup) union all (select * from rollup except all select * from recount)) x)::int as differ`;
  const [l] = await stack.sql<{ differ: number }[]>`
    select count(*)::int as differ from review_links l
    where l.tenant_id in ${stack.sql(tenants)}
      and l.submitted_count <> (select count(*) from reviews r where r.tenant_id = l.tenant_id and r.link_id = l.id)`;
  return { rollup: r?.differ ?? -1, links: l?.differ ?? -1 };
}

export function printFaults(r: FaultsResult): void {
  console.log(`## Faults: ${r.restarts.length} SIGKILLs of PostgreSQL under load`);
  console.log('| restart | killed at s | PostgreSQL down ms | app recovered ms after |');
  console.log('| ---: | ---: | ---: | ---: |');
  r.restarts.forEach((x, i) => console.log(`| ${i + 1} | ${x.kill_at_s} | ${x.pg_down_ms} | ${x.app_recovery_ms ?? 'not within 60 s'} |`));
  console.log(`reviews sent ${r.sent} in ${r.attempts} attempts (statuses ${JSON.stringify(r.statuses)}); acknowledged ${r.acknowledged}, stored ${r.stored}, lost ${r.lost}, duplicated ${r.duplicated}`);
  console.log(`rollup rows differing from a recount: ${r.rollupRowsDiffering}; links whose submitted count differs from their reviews: ${r.linkCountsDiffering}; app recovered without a restart: ${r.recovered ? 'yes' : 'NO'}`);
  if (r.unexpected.length) console.log(`unexpected answers: ${r.unexpected.join('; ')}`);
  if (r.serverLog.length) console.log(`the server logged (distinct lines):\n  ${r.serverLog.join('\n  ')}`);
}

if (isMain(import.meta.url)) {
  void runAlone('faults', (s) => faultsPart(s), (r) => {
    printFaults(r);
    console.log(JSON.stringify({ faults: r.json }, null, 2));
  });
}
