/**
 * The plans behind a slow dashboard query, on a database left by `scripts/bench-dashboard.ts --keep`:
 * runs each of the dashboard's data queries once (after a warm-up), as jejak_app inside the bench's
 * business (RLS on), with auto_explain sending the plan of every statement slower than --min ms
 * (default 20) back to this client, and prints them under the query's name.
 *
 *   npx tsx scripts/bench/dashboard-explain.ts postgres://postgres@127.0.0.1:5432/jejak_bench_dash_… [--min=20] [--only=stageStats]
 *
 * The URL must be a superuser's (LOAD 'auto_explain'). Nothing is written.
 */
process.env.DB_STATEMENT_CAPTURE = '0';

export {}; // a module: its `main` is its own

const url = process.argv.slice(2).find((a) => /^postgres(ql)?:\/\//.test(a));
const min = Number(process.argv.find((a) => a.startsWith('--min='))?.slice(6) ?? 20);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (!url) {
  console.error('usage: npx tsx scripts/bench/dashboard-explain.ts <superuser URL of the kept bench database> [--min=20] [--only=<name>]');
  process.exit(2);
}

async function main() {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { sql } = await import('drizzle-orm');
  const schema = await import('../../db/schema');
  const notices: string[] = [];
  const client = postgres(url!, { max: 1, onnotice: (n) => notices.push(String(n.message)) });
  const db = drizzle(client, { schema });
  try {
    const [t] = await client<{ tenant_id: string; journey_id: string }[]>`select tenant_id, id as journey_id from journeys limit 1`;
    if (!t) throw new Error('no journey in this database: is it a bench database?');
    const queries: Record<string, (tdb: never) => Promise<unknown>> = {};
    const f90 = { journey: t.journey_id, range: '90d' as const };
    const { stageStats } = await import('../../lib/dashboard/stage-stats');
    queries.stageStats = (d) => stageStats(d, f90);
    const more: [string, string, string, unknown][] = [
      ['reviewTrend', 'trend', 'reviewTrend', f90],
      ['stageThemes', 'themes-query', 'stageThemes', f90],
      ['funnelFor', 'funnel', 'funnelFor', f90],
      ['businessOverview', 'overview', 'businessOverview', {}],
      ['dashboardChoices', 'filters', 'dashboardChoices', { journey: t.journey_id }],
    ];
    for (const [name, file, fn, input] of more) {
      try {
        const mod = (await import(/* @vite-ignore */ `../../lib/dashboard/${file}`)) as Record<string, (d: unknown, i: unknown) => Promise<unknown>>;
        if (typeof mod[fn] === 'function') queries[name] = (d) => mod[fn]!(d, input);
      } catch {
        // not built yet
      }
    }
    for (const [name, run] of Object.entries(queries)) {
      if (only && name !== only) continue;
      const once = () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('app.tenant_id', ${t.tenant_id}, true), set_config('app.user_id', '', true)`);
          await tx.execute(sql.raw(`load 'auto_explain'`));
          await tx.execute(sql.raw(`set local auto_explain.log_min_duration = ${Math.max(0, Math.floor(min))}`));
          await tx.execute(sql.raw(`set local auto_explain.log_analyze = on`));
          await tx.execute(sql.raw(`set local auto_explain.log_buffers = on`));
          await tx.execute(sql.raw(`set local auto_explain.log_nested_statements = on`));
          await tx.execute(sql.raw(`set local auto_explain.log_level = notice`));
          await tx.execute(sql`set local role jejak_app`);
          const t0 = performance.now();
          await run({ tx, tenantId: t.tenant_id, userId: '' } as never);
          return performance.now() - t0;
        });
      await once();
      notices.length = 0;
      const ms = await once();
      console.log(`\n=== ${name}: ${ms.toFixed(1)} ms; ${notices.length} statement(s) over ${min} ms\n`);
      for (const n of notices) console.log(n, '\n');
    }
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
