/**
 * How fast the stage dashboards are at 10k, 100k and 1M reviews in one business (issue 10, "How
 * fast"), on a real PostgreSQL. Reports, asserts nothing.
 *
 *   npm run bench:dashboard                                        # postgres://postgres@127.0.0.1:5432/postgres
 *   npm run bench:dashboard -- postgres://me@db:5432/postgres      # or BENCH_DATABASE_URL=…
 *   npm run bench:dashboard -- --http                              # also the whole pages over HTTP
 *
 * Options: --http (needs a `next build`; --dist=<folder>, else NEXT_DIST_DIR, else .next; --port=3250),
 * --sizes=10000,100000,1000000, --runs=30, --fast-load (load without the per-row rollup triggers and
 * rebuild the rollups once after each load, with jejak_rebuild_review_rollups), --batch=50000 (reviews per
 * loading transaction; the rollups are vacuumed after each, standing in for autovacuum), --keep (leave the
 * database and its login role in place to look into; they are printed), --json=<file> (every figure
 * written there too; `npm run bench` reads it).
 *
 * What it does: creates a throwaway database on the server (the URL's role must be allowed to), migrates
 * it with the app's own migration step, which also creates the app's login role (a member of jejak_app
 * only, as in production); creates one business with a journey of 6 stages and 10 review links through
 * the app's code; then bulk-loads reviews with INSERT … SELECT generate_series (not HTTP) up to each
 * size — spread over about two years, more of them recent, stars skewed per stage (the purchase stage
 * clearly worse), NPS skipped on about a quarter, about 2% spam, Indonesian comments on 40% — with
 * the triggers keeping the rollups as the app's writes do. At each size it times, as the app's login
 * role inside the business (row-level security on, one transaction per call as a page opens it), each
 * of the dashboard's data queries (median and p95 over --runs calls after a warm-up), the baseline —
 * the same per-stage aggregate computed from the raw reviews, as before the rollups — and, with
 * --http, GET /dashboard/stages?journey=…&range=90d and /dashboard. Then the ratio 1M/10k per measure.
 * Drops the database and its login role at the end (also on Ctrl-C).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { findBuild, startPageServer, type PageServer } from './bench/dashboard-http';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const serverUrl = args.find((a) => /^postgres(ql)?:\/\//.test(a)) ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (option('sizes') ?? '10000,100000,1000000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
const runs = Math.max(5, Number(option('runs') ?? 30));
const warmup = 5;
const fastLoad = flag('fast-load');
const http = flag('http');
const distDir = option('dist') ?? process.env.NEXT_DIST_DIR ?? '.next';
const port = Number(option('port') ?? 3250);
const keep = flag('keep');
const batch = Math.max(1000, Number(option('batch') ?? 50_000));
/** --json=<file>: also write every figure there (scripts/bench/dashboard.ts reads it for `npm run bench`). */
const jsonOut = option('json');

const dbName = `jejak_bench_dash_${Date.now().toString(36)}`;
const loginRole = { user: `${dbName}_web`, password: `bench-${randomUUID()}` };
const urlOn = (name: string, role?: { user: string; password: string }) => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  if (role) {
    u.username = encodeURIComponent(role.user);
    u.password = encodeURIComponent(role.password);
  }
  return u.toString();
};
const migrationUrl = urlOn(dbName);
const appUrl = urlOn(dbName, loginRole);

// The app's modules read these when first imported (below, dynamically).
process.env.DATABASE_URL = appUrl;
process.env.MIGRATION_DATABASE_URL = migrationUrl;
process.env.DB_STATEMENT_CAPTURE = '0';
process.env.DB_POOL_MAX = '4';

// ---- numbers --------------------------------------------------------------------------------

const median = (xs: number[]) => quantile(xs, 0.5);
/** Nearest-rank quantile. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const fmtMs = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const fmtN = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

interface Measure {
  label: string;
  run: () => Promise<unknown>;
}
type Result = { median: number; p95: number } | { skipped: string };

async function time(m: Measure): Promise<Result> {
  try {
    for (let i = 0; i < warmup; i++) await m.run();
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await m.run();
      xs.push(performance.now() - t0);
    }
    return { median: median(xs), p95: quantile(xs, 0.95) };
  } catch (err) {
    return { skipped: (err as Error).message.split('\n')[0]!.slice(0, 120) };
  }
}

// ---- the data -------------------------------------------------------------------------------

const stageNames = ['Tahu dari teman', 'Cari info', 'Bandingkan harga', 'Servis & bayar', 'Ambil mobil', 'Cerita ke orang lain'];
const stageKeys = ['awareness', 'consideration', 'research', 'purchase', 'retention', 'advocacy'] as const;
/** Cumulative share of 1, ≤2, ≤3, ≤4 stars per stage (the rest are 5): the purchase stage (4th) averages about 2.9. */
const starCuts = [
  [0.03, 0.07, 0.17, 0.45],
  [0.05, 0.1, 0.25, 0.55],
  [0.05, 0.12, 0.3, 0.6],
  [0.15, 0.35, 0.6, 0.82],
  [0.04, 0.09, 0.22, 0.5],
  [0.02, 0.05, 0.12, 0.4],
];
const touchpoints = ['QR di kasir', 'WhatsApp', 'Instagram', 'Google Maps', 'Brosur'];
const goodComments = ['Pelayanan ramah dan cepat', 'Mekaniknya jujur, harga masuk akal', 'Tempatnya bersih, ruang tunggu nyaman', 'Mantap, mobil jadi enak lagi', 'Adminnya sigap balas WA', 'Hasil servis rapi banget'];
const badComments = ['Antri lama banget, gak ada kabar', 'Harga tidak sesuai dengan yang dijanjikan', 'Kasirnya kurang ramah', 'Nunggu sparepart terlalu lama', 'Tdk dikasih nota rincian', 'Mobil belum selesai padahal sudah dijanjikan'];

const sqlText = (xs: string[]) => `array[${xs.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

/** Reviews numbered from+1 … to (deterministic per number: md5 of it), as the owner, past RLS. */
function loadSql(from: number, to: number): string {
  const cuts = `array[${starCuts.map((r) => `array[${r.join(',')}]`).join(',')}]::float8[]`;
  return `
    insert into reviews (tenant_id, link_id, journey_id, stage_id, touchpoint, stars, nps, comment, status, spam_reason, submission_key, locale, created_at)
    select l.tenant_id, l.id, l.journey_id, l.stage_id, l.touchpoint, x.stars,
           case when x.v < 0.25 or not l.ask_nps then null else least(10, greatest(0, x.stars * 2 - 1 + floor(x.w * 3)::int)) end,
           case when x.w < 0.4 then (case when x.stars >= 4 then ${sqlText(goodComments)} else ${sqlText(badComments)} end)[1 + floor(x.v * 6)::int] else '' end,
           (case when x.s < 0.02 then 'spam' when x.created_at > now() - interval '7 days' then 'new' else 'read' end)::review_status,
           case when x.s < 0.02 then 'too_fast' end,
           md5('bench-review-' || x.g)::uuid, 'id', x.created_at
    from (
      select r.g, r.v, r.w, r.s, r.k, r.created_at,
             (1 + (r.u > (${cuts})[p.pos + 1][1])::int + (r.u > (${cuts})[p.pos + 1][2])::int
                + (r.u > (${cuts})[p.pos + 1][3])::int + (r.u > (${cuts})[p.pos + 1][4])::int)::smallint as stars
      from (
        select g, random() as u, random() as v, random() as w, random() as s, g % 10 as k,
               -- about two years back, more of them recent (a growing business)
               now() - make_interval(secs => 730 * 86400 * power(random(), 1.6)) as created_at
        from generate_series(${from + 1}, ${to}) g
      ) r join bench_links p on p.k = r.k
    ) x join bench_links l on l.k = x.k`;
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let owner: postgres.Sql | undefined;
  let server: PageServer | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await server?.stop().catch(() => {});
    const { closeConnection } = await import('../db/client');
    await closeConnection().catch(() => {});
    await owner?.end({ timeout: 5 }).catch(() => {});
    if (keep) console.log(`--keep: database ${dbName} and login role ${loginRole.user} left in place (${appUrl}); drop them by hand.`);
    else {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error('drop database:', e));
      await admin.unsafe(`drop role if exists ${loginRole.user}`).catch((e: unknown) => console.error('drop role:', e));
    }
    await admin.end({ timeout: 5 });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: cleaning up ${dbName} …`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const [{ version } = { version: '?' }] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
    await admin.unsafe(`create database ${dbName}`);
    const { getConnection } = await import('../db/client');
    await getConnection(); // migrates, creates the login role
    owner = postgres(migrationUrl, { max: 1, onnotice: () => {} });

    const { hashPassword } = await import('../lib/auth/password');
    const { inTenant, withTenant } = await import('../lib/core/tenancy');
    const { createJourney, getJourney } = await import('../lib/journeys/queries');
    const { emptyLanes } = await import('../lib/journeys/model');
    const { createReviewLink } = await import('../lib/reviews/links');
    const { reviewLinkInputSchema } = await import('../lib/reviews/model');
    const { stageStats } = await import('../lib/dashboard/stage-stats');
    const { sql } = await import('drizzle-orm');
    type Db = Parameters<typeof stageStats>[0];
    type Query = (db: Db, input: Record<string, unknown>) => Promise<unknown>;
    /** The dashboard's other queries, while they are being built: a missing one is reported as such. */
    const optional = async (file: string, name: string): Promise<Query | null> => {
      try {
        const mod = (await import(/* @vite-ignore */ `../lib/dashboard/${file}`)) as Record<string, unknown>;
        return typeof mod[name] === 'function' ? (mod[name] as Query) : null;
      } catch {
        return null;
      }
    };

    // One business, its owner (who signs in for --http), a journey of 6 stages, 10 links.
    const tenantId = randomUUID();
    const userId = randomUUID();
    const email = `pemilik-${userId.slice(0, 8)}@bench.test`;
    const password = `bench-${randomUUID()}`;
    await owner`insert into users (id, email, name, password_hash) values (${userId}, ${email}, 'Pemilik Bench', ${await hashPassword(password)})`;
    await withTenant(tenantId, async (tx) => {
      await tx.execute(sql`insert into tenants (id, name, business_type, city) values (${tenantId}, 'Bengkel Bench Jaya', 'bengkel', 'Bekasi')`);
      await tx.execute(sql`insert into memberships (tenant_id, user_id, role) values (${tenantId}, ${userId}, 'owner')`);
    });
    const ctx = { tenantId, userId };
    const journeyId = await inTenant(ctx, async (db) => {
      const { id } = await createJourney(db, {
        name: 'Servis mobil',
        model: 'blank',
        stageNames: {},
        stages: stageKeys.map((key, i) => ({ key, name: stageNames[i]!, emotion: { score: [1, 1, 0, 2, 1, 2][i]!, note: '' }, metric: '', lanes: emptyLanes() })),
      } as Parameters<typeof createJourney>[1]);
      const stageIds = (await getJourney(db, id)).stages.map((s) => s.id!);
      for (let k = 0; k < 10; k++) {
        await createReviewLink(
          db,
          reviewLinkInputSchema.parse({ journeyId: id, stageId: stageIds[k % 6], touchpoint: touchpoints[k % 5], title: `Ulasan ${k + 1}`, askNps: k === 9 ? undefined : 'on', askComment: 'on' }),
        );
      }
      return id;
    });
    await owner.unsafe(`
      create table bench_links as
      select (row_number() over (order by l.created_at, l.id) - 1)::int as k, l.tenant_id, l.id, l.journey_id, l.stage_id, l.touchpoint, l.ask_nps, (dense_rank() over (order by s.position) - 1)::int as pos
      from review_links l join journey_stages s on s.tenant_id = l.tenant_id and s.id = l.stage_id`);
    // Two years of funnel numbers, one per stage and month.
    await owner.unsafe(`
      insert into funnel_counts (tenant_id, journey_id, stage_id, month, metric, value)
      select s.tenant_id, s.journey_id, s.id, (date_trunc('month', now()) - make_interval(months => m))::date,
             (array['reach','inquiries','inquiries','orders','repeat_orders','referrals'])[s.pos + 1]::funnel_metric,
             (array[12000, 3000, 1500, 600, 240, 90])[s.pos + 1] + (m * 37) % 100
      from (select distinct tenant_id, journey_id, stage_id as id, pos from bench_links) s cross join generate_series(0, 23) m`);

    const measures: Measure[] = [];
    const add = (label: string, run: (() => Promise<unknown>) | null, why = 'not built yet') =>
      measures.push({ label, run: run ?? (() => Promise.reject(new Error(why))) });
    const f90 = { journey: journeyId, range: '90d' };
    const fAll = { journey: journeyId };
    const reviewTrend = await optional('trend', 'reviewTrend');
    const stageThemes = await optional('themes-query', 'stageThemes');
    const funnelFor = await optional('funnel', 'funnelFor');
    const businessOverview = await optional('overview', 'businessOverview');
    const dashboardChoices = await optional('filters', 'dashboardChoices');
    add('stageStats 90d', () => inTenant(ctx, (db) => stageStats(db, { journey: journeyId, range: '90d' })));
    add('stageStats all time', () => inTenant(ctx, (db) => stageStats(db, { journey: journeyId })));
    add('reviewTrend 90d', reviewTrend && (() => inTenant(ctx, (db) => reviewTrend(db, f90))));
    add('reviewTrend all time', reviewTrend && (() => inTenant(ctx, (db) => reviewTrend(db, fAll))));
    add('stageThemes 90d', stageThemes && (() => inTenant(ctx, (db) => stageThemes(db, f90))));
    add('funnelFor 90d', funnelFor && (() => inTenant(ctx, (db) => funnelFor(db, f90))));
    add('dashboardChoices (the filter bar)', dashboardChoices && (() => inTenant(ctx, (db) => dashboardChoices(db, { journey: journeyId }))));
    add('businessOverview 30d', businessOverview && (() => inTenant(ctx, (db) => businessOverview(db, {}))));
    add('businessOverview 12m', businessOverview && (() => inTenant(ctx, (db) => businessOverview(db, { range: '12m' }))));
    const parts = [dashboardChoices && ((db: Db) => dashboardChoices(db, { journey: journeyId })), (db: Db) => stageStats(db, { journey: journeyId, range: '90d' }), reviewTrend && ((db: Db) => reviewTrend(db, f90)), stageThemes && ((db: Db) => stageThemes(db, f90)), funnelFor && ((db: Db) => funnelFor(db, f90))].filter(
      (p): p is (db: Db) => Promise<unknown> => Boolean(p),
    );
    add(`stages page data, 90d (${parts.length} queries, one transaction)`, () => inTenant(ctx, async (db) => { for (const p of parts) await p(db); }));
    // The baseline: the same per-stage counts (this period and the one before) from the raw reviews.
    const raw = (days: number | null) => () =>
      withTenant(tenantId, (tx) =>
        tx.execute(sql`
          select stage_id, ${days === null ? sql`true` : sql`created_at >= now() - make_interval(days => ${days})`} as current,
                 count(*) filter (where stars = 1) s1, count(*) filter (where stars = 2) s2, count(*) filter (where stars = 3) s3,
                 count(*) filter (where stars = 4) s4, count(*) filter (where stars = 5) s5,
                 count(*) filter (where nps >= 9) promoters, count(*) filter (where nps between 7 and 8) passives,
                 count(*) filter (where nps <= 6) detractors, count(*) filter (where nps is null) skipped
          from reviews
          where tenant_id = ${tenantId} and journey_id = ${journeyId} and status <> 'spam'
            ${days === null ? sql`` : sql`and created_at >= now() - make_interval(days => ${days * 2})`}
          group by 1, 2`),
      );
    add('baseline: raw reviews 90d', raw(90));
    add('baseline: raw reviews all time', raw(null));

    const pages = [
      ['GET /dashboard/stages?journey=…&range=90d', `/dashboard/stages?journey=${journeyId}&range=90d`],
      ['GET /dashboard', '/dashboard'],
    ] as const;
    let httpNote = http ? '' : 'whole pages over HTTP: not measured (pass --http)';
    if (http) {
      const build = findBuild(distDir);
      if (!build.ok) httpNote = `whole pages over HTTP: skipped — ${build.why}`;
      else {
        try {
          server = await startPageServer({ distDir: build.dir, port, databaseUrl: appUrl, migrationUrl, email, password });
          console.log(`HTTP: production server from ${path.relative(process.cwd(), build.dir) || '.'} at ${server.base}, signed in as the owner`);
        } catch (err) {
          httpNote = `whole pages over HTTP: skipped — ${(err as Error).message}`;
        }
      }
      for (const [label, p] of pages) add(label, server ? () => server!.get(p) : null, httpNote.replace(/^.*skipped — /, ''));
    }

    console.log(`PostgreSQL ${version}, database ${dbName}; ${runs} timed runs per measure after ${warmup} warm-up runs; as the app's login role (jejak_app) inside the business, RLS on.`);
    console.log(`Loading in transactions of ${batch.toLocaleString('en')} reviews with ${fastLoad ? 'the rollup triggers disabled, then jejak_rebuild_review_rollups(tenant) once per load (--fast-load)' : 'the per-row rollup triggers on (as the app writes), VACUUM of review_stage_days after each (as autovacuum would)'}.\n`);

    const all: Record<number, Record<string, Result>> = {};
    const loadSeconds: Record<number, number> = {};
    const rollupsEqual: Record<number, boolean> = {};
    let loaded = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      if (fastLoad) await owner.unsafe('alter table reviews disable trigger reviews_rollup_insert');
      // In batches (each its own transaction), the rollups vacuumed after each as autovacuum does
      // between bursts in production: one 900k-row transaction would leave a dead version of a
      // rollup row per review (148 MB for 7,310 rows) that no real business accumulates.
      for (let from = loaded; from < size; from += batch) {
        await owner.unsafe(loadSql(from, Math.min(size, from + batch)));
        if (!fastLoad) await owner.unsafe('vacuum review_stage_days');
      }
      if (fastLoad) {
        await owner.unsafe('alter table reviews enable trigger reviews_rollup_insert');
        await owner.unsafe(`select jejak_rebuild_review_rollups('${tenantId}')`);
      }
      const loadS = (performance.now() - t0) / 1000;
      loadSeconds[size] = loadS;
      // Measured once as loaded, then after VACUUM (ANALYZE) of both tables for the table below.
      const rollupSize = async () =>
        (await owner!.unsafe<{ size: string }[]>(`select pg_size_pretty(pg_total_relation_size('review_stage_days')) as size`))[0]!.size;
      await owner.unsafe('analyze reviews');
      await owner.unsafe('analyze review_stage_days');
      const sizeLoaded = await rollupSize();
      const beforeVacuum = await time(measures[0]!);
      const v0 = performance.now();
      await owner.unsafe('vacuum (analyze) reviews, review_stage_days');
      const vacuumS = (performance.now() - v0) / 1000;
      const sizeVacuumed = await rollupSize();
      const added = size - loaded;
      loaded = size;
      // The rollups equal a recount (rows that differ, both ways), and how many rows the dashboard reads.
      const [check] = await owner.unsafe<{ differ: string; rollup_rows: string; counted: string; spam: string }[]>(`
        with recount as (
          select r.journey_id, r.stage_id, r.link_id, r.touchpoint, (r.created_at at time zone t.time_zone::text)::date as day,
                 count(*) filter (where stars = 1)::int s1, count(*) filter (where stars = 2)::int s2, count(*) filter (where stars = 3)::int s3,
                 count(*) filter (where stars = 4)::int s4, count(*) filter (where stars = 5)::int s5,
                 count(*) filter (where nps >= 9)::int p, count(*) filter (where nps between 7 and 8)::int pa,
                 count(*) filter (where nps <= 6)::int d, count(*) filter (where nps is null)::int sk
          from reviews r join tenants t on t.id = r.tenant_id
          where r.tenant_id = '${tenantId}' and r.status <> 'spam' group by 1, 2, 3, 4, 5),
        rollup as (
          select journey_id, stage_id, link_id, touchpoint, day, stars_1, stars_2, stars_3, stars_4, stars_5, promoters, passives, detractors, nps_skipped
          from review_stage_days where tenant_id = '${tenantId}' and stars_1 + stars_2 + stars_3 + stars_4 + stars_5 > 0)
        select (select count(*) from ((select * from recount except all select * from rollup) union all (select * from rollup except all select * from recount)) x) as differ,
               (select count(*) from review_stage_days where tenant_id = '${tenantId}') as rollup_rows,
               (select count(*) from reviews where tenant_id = '${tenantId}' and status <> 'spam') as counted,
               (select count(*) from reviews where tenant_id = '${tenantId}' and status = 'spam') as spam`);
      console.log(
        `## ${fmtN(size)} reviews (${Number(check!.counted).toLocaleString('en')} counted, ${Number(check!.spam).toLocaleString('en')} spam): ` +
          `${added.toLocaleString('en')} loaded in ${loadS.toFixed(1)} s (${Math.round(added / loadS).toLocaleString('en')} reviews/s); ` +
          `${Number(check!.rollup_rows).toLocaleString('en')} rollup rows; rollups vs a full recount: ${check!.differ === '0' ? 'equal' : `${check!.differ} rows differ`}\n`,
      );
      console.log(
        `review_stage_days after the load: ${sizeLoaded}, ${measures[0]!.label} ${'skipped' in beforeVacuum ? '—' : `${fmtMs(beforeVacuum.median)} ms median, ${fmtMs(beforeVacuum.p95)} ms p95`}; ` +
          `VACUUM (ANALYZE) of reviews and review_stage_days took ${vacuumS.toFixed(1)} s; review_stage_days after it: ${sizeVacuumed}. After the vacuum:\n`,
      );
      rollupsEqual[size] = check!.differ === '0';
      const results: Record<string, Result> = {};
      console.log('| measure | median ms | p95 ms |');
      console.log('| --- | ---: | ---: |');
      for (const m of measures) {
        const r = await time(m);
        results[m.label] = r;
        console.log(`| ${m.label} | ${'skipped' in r ? `— (${r.skipped})` : fmtMs(r.median)} | ${'skipped' in r ? '—' : fmtMs(r.p95)} |`);
      }
      if (httpNote) console.log(`\n(${httpNote})`);
      console.log('');
      all[size] = results;
    }

    if (sizes.length > 1) {
      const lo = sizes[0]!;
      const hi = sizes[sizes.length - 1]!;
      console.log(`## Summary: p95 (median) in ms per size, and the ratio ${fmtN(hi)}/${fmtN(lo)} of each\n`);
      console.log(`| measure | ${sizes.map((s) => fmtN(s)).join(' | ')} | ratio p95 | ratio median | p95 < 100 ms at ${fmtN(hi)} |`);
      console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: | :---: |`);
      for (const m of measures) {
        const cells = sizes.map((s) => {
          const r = all[s]![m.label]!;
          return 'skipped' in r ? '—' : `${fmtMs(r.p95)} (${fmtMs(r.median)})`;
        });
        const a = all[lo]![m.label]!;
        const b = all[hi]![m.label]!;
        const ok = !('skipped' in a) && !('skipped' in b);
        const baseline = m.label.startsWith('baseline');
        console.log(
          `| ${m.label} | ${cells.join(' | ')} | ${ok ? (b.p95 / a.p95).toFixed(2) : '—'} | ${ok ? (b.median / a.median).toFixed(2) : '—'} | ${ok && !baseline ? (b.p95 < 100 ? 'yes' : 'no') : '—'} |`,
        );
      }
      console.log(`\nTarget (reported, not asserted): the dashboard's p95 under 100 ms at ${fmtN(hi)} and a ratio ${fmtN(hi)}/${fmtN(lo)} under 1.5; the baseline shows what the rollups save.`);
    }
    if (jsonOut) {
      const fs = await import('node:fs');
      fs.writeFileSync(jsonOut, JSON.stringify({ version, sizes, runs, load_seconds: loadSeconds, rollups_equal_recount: rollupsEqual, measures: all }, null, 2));
    }
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
