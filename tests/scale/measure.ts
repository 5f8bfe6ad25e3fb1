/**
 * Measures the scale-out stack (tests/scale/stack.ts) for docs/scaling.md: review intake
 * (POST /r/<slug>, a real review each time: its own key and client address, stored through the
 * rate limits and the rollup triggers) and signed-in pages, through nginx to both servers and
 * directly to one server, all on PgBouncer in transaction mode; then what a review costs in rows
 * and bytes. Each phase runs for a fixed time at a fixed number of requests in flight.
 *
 *   NEXT_DIST_DIR=<build> npx tsx tests/scale/measure.ts [--seconds=10] [--concurrency=16]
 *
 * The per-link limit (300 reviews an hour) caps intake at 300 per seeded link: the run stops a
 * phase early rather than measure refusals.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { form, Jar, request, signInOver } from './http';
import { missingBuild, startStack } from './stack';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const seconds = arg('seconds', 10);
const concurrency = arg('concurrency', 16);
const slugs = ['demo-bengkel', 'x7kq3mfp9', 'k7m3wqp9d', 'h4tn8xbe2', 'p3y9gms7c', 'c5wq8hzte', 'u2d7jrn4x', 'm9sx3kfb6'];
const PER_LINK = 280;

type Result = { name: string; n: number; ok: number; statuses: Record<string, number>; elapsed: number; lat: number[] };

async function run(name: string, budget: number, work: (i: number) => Promise<number>, conc = concurrency): Promise<Result> {
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (performance.now() < until && next < budget) {
        const i = next++;
        const s = performance.now();
        const status = await work(i).catch(() => 0);
        lat.push(performance.now() - s);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 400) ok++;
      }
    }),
  );
  return { name, n: lat.length, ok, statuses, elapsed: (performance.now() - t0) / 1000, lat: lat.sort((a, b) => a - b) };
}

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

function print(r: Result) {
  console.log(
    `${r.name.padEnd(52)} ${String(r.n).padStart(6)} req ${(r.ok / r.elapsed).toFixed(1).padStart(7)} ok/s   p50 ${pct(r.lat, 50).toFixed(0).padStart(5)} ms   p95 ${pct(r.lat, 95).toFixed(0).padStart(5)} ms   ${JSON.stringify(r.statuses)}`,
  );
}

const why = missingBuild();
if (why) {
  console.error(why);
  process.exit(1);
}
const stack = await startStack();
try {
  // Forms as the page renders them, with a render time old enough to count as a person's.
  process.env.NEXTAUTH_SECRET = stack.secret;
  const { newFormToken } = await import('@/lib/reviews/page/token');
  const [A, B] = stack.serverUrls;
  const open: string[] = [];
  for (const s of slugs) if ((await request(`${stack.lbUrl}/r/${s}`)).status === 200) open.push(s);
  const addr = (i: number) => `127.${1 + Math.floor(i / 62500)}.${1 + Math.floor(i / 250) % 250}.${1 + (i % 250)}`;
  let review = 0;
  const postReview = (base: string, viaLb: boolean) => () => {
    const i = review++;
    const slug = open[i % open.length]!;
    const token = newFormToken(Date.now() - 10_000);
    return request(`${base}/r/${slug}`, {
      method: 'POST',
      from: viaLb ? addr(i) : undefined,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(viaLb ? {} : { 'x-forwarded-for': addr(i) }) },
      body: form({ stars: String(1 + (i % 5)), comment: 'Pelayanan cepat, harga sesuai.', key: token.key, t: token.renderedAt, sig: token.sig, website: '' }),
    }).then((r) => r.status);
  };
  const budget = Math.floor((open.length * PER_LINK) / 2);

  const jar = new Jar();
  const signedIn = await signInOver(A, jar, 'pemilik@bengkel.test', 'jejak-demo-2026', '192.0.2.50');
  if (signedIn !== null) throw new Error(`sign-in failed: ${signedIn}`);
  const page = (url: string) => () => request(url, { headers: { cookie: jar.header() } }).then((r) => r.status);
  const journey = '0b5e1c00-0000-4000-8000-000000000201';

  console.log(`\n[measure] ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${seconds} s per phase, ${concurrency} in flight; ${open.length} review links\n`);
  const results: Result[] = [];
  const phase = async (name: string, b: number, w: () => Promise<number>, conc?: number) => {
    const r = await run(name, b, w, conc);
    print(r);
    results.push(r);
  };
  await phase('review intake, nginx → 2 servers', budget, postReview(stack.lbUrl, true));
  await phase('review intake, 1 server directly', budget, postReview(B, false));
  await phase('review page GET /r/<slug>, nginx → 2 servers', Infinity, page(`${stack.lbUrl}/r/${open[0]}`));
  await phase('review page GET /r/<slug>, 1 server directly', Infinity, page(`${B}/r/${open[0]}`));
  await phase('overview /dashboard, nginx → 2 servers', Infinity, page(`${stack.lbUrl}/dashboard`), 8);
  await phase('overview /dashboard, 1 server directly', Infinity, page(`${B}/dashboard`), 8);
  await phase('stage dashboard, nginx → 2 servers', Infinity, page(`${stack.lbUrl}/dashboard/stages?journey=${journey}`), 8);

  // The database alone: the intake transaction's statements (its two rate-limit hits under their
  // locks, the duplicate-key check, the insert with its rollup trigger) as the app role, straight
  // to PostgreSQL with pgbench, 8 clients over the seeded links. The app also loads the link and
  // its business in that transaction: this is a floor of the database's work per review.
  const script = path.join(stack.dir, 'intake.sql');
  fs.writeFileSync(
    script,
    [
      '\\set k random(0, 7)',
      '\\set n random(1, 2000000000)',
      '\\set stars random(1, 5)',
      'SELECT tenant_id AS tenant, id AS link, journey_id AS journey, stage_id AS stage FROM review_links ORDER BY id OFFSET :k LIMIT 1 \\gset',
      'BEGIN;',
      "SELECT set_config('app.tenant_id', ':tenant', true), set_config('app.user_id', '', true);",
      'SET LOCAL ROLE jejak_app;',
      'SELECT pg_advisory_xact_lock(:n);',
      "SELECT count(*), min(at) FROM rate_limit_events WHERE bucket = 'review_submit_ip' AND key = md5(':n') AND at > now() - interval '1 hour';",
      "INSERT INTO rate_limit_events (bucket, key, at) VALUES ('review_submit_ip', md5(':n'), now());",
      "SELECT pg_advisory_xact_lock(hashtext(':link'));",
      "SELECT count(*), min(at) FROM rate_limit_events WHERE bucket = 'review_submit_link' AND key = ':link' AND at > now() - interval '1 hour';",
      "INSERT INTO rate_limit_events (bucket, key, at) VALUES ('review_submit_link', ':link', now());",
      "SELECT id FROM reviews WHERE tenant_id = ':tenant' AND submission_key = md5(':n')::uuid;",
      "INSERT INTO reviews (tenant_id, link_id, journey_id, stage_id, stars, submission_key) VALUES (':tenant', ':link', ':journey', ':stage', :stars, md5(':n')::uuid);",
      'COMMIT;',
      '',
    ].join('\n'),
  );
  const owner = new URL(stack.ownerDbUrl);
  const bench = spawnSync('pgbench', ['-n', '-c', '8', '-j', '2', '-T', String(seconds), '-f', script, '-h', owner.hostname, '-p', owner.port || '5432', '-U', decodeURIComponent(owner.username) || 'postgres', owner.pathname.slice(1)], {
    encoding: 'utf8',
  });
  const tps = bench.stdout.match(/tps = ([\d.]+)/)?.[1];
  const latency = bench.stdout.match(/latency average = ([\d.]+) ms/)?.[1];
  const failed = bench.stdout.match(/number of failed transactions: (\d+)/)?.[1];
  console.log(`${'intake transaction, PostgreSQL alone (pgbench, 8 clients)'.padEnd(52)} ${tps ? `${Number(tps).toFixed(0).padStart(6)} tx/s   average ${latency} ms   failed ${failed ?? '?'}` : `pgbench failed: ${bench.stderr.trim()}`}`);

  const db = postgres(stack.ownerDbUrl, { max: 1, onnotice: () => {} });
  try {
    const [size] = await db<{ reviews: number; review_bytes: number; hits: number; hit_bytes: number; rollups: number; rollup_bytes: number }[]>`
      select (select count(*) from reviews)::int as reviews, pg_total_relation_size('reviews')::bigint::float8 as review_bytes,
             (select count(*) from rate_limit_events)::int as hits, pg_total_relation_size('rate_limit_events')::bigint::float8 as hit_bytes,
             (select count(*) from review_stage_days)::int as rollups, pg_total_relation_size('review_stage_days')::bigint::float8 as rollup_bytes`;
    console.log(
      `\n[measure] stored: ${size!.reviews} reviews, ${(size!.review_bytes / size!.reviews).toFixed(0)} bytes each with indexes; ` +
        `${size!.hits} rate-limit events (${(size!.hit_bytes / Math.max(1, size!.hits)).toFixed(0)} bytes each); ${size!.rollups} rollup rows`,
    );
  } finally {
    await db.end();
  }
} finally {
  await stack.stop();
}
