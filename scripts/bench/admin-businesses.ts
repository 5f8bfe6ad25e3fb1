/**
 * Times the admin console's list of businesses (lib/admin/businesses.ts) at 100,000 businesses:
 * fills a throwaway database with generated businesses, owners and memberships (generate_series),
 * then runs each kind of list query as the console runs it (as jejak_admin) under EXPLAIN ANALYZE,
 * and prints the execution times and the plan's first lines. Needs no seed; reports, asserts nothing.
 *
 *   npx tsx scripts/bench/admin-businesses.ts                 # embedded PGlite, in memory
 *   npx tsx scripts/bench/admin-businesses.ts postgres://postgres@127.0.0.1:5432/postgres
 *
 * With a URL it creates a database of its own on that server (the URL's role must be allowed to),
 * and drops it afterwards. BENCH_N changes the number of businesses (default 100000).
 */
process.env.DATABASE_URL = '';
process.env.MIGRATION_DATABASE_URL = '';
process.env.DB_STATEMENT_CAPTURE = '0';
process.env.PGLITE_DIR = 'memory://';

const serverUrl = process.argv[2];
const N = Number(process.env.BENCH_N ?? 100_000);

async function main() {
  let dropDatabase: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const { default: postgres } = await import('postgres');
    const name = `jejak_bench_${Date.now().toString(36)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  }
  const { sql } = await import('drizzle-orm');
  const { closeConnection, openConnection, queryRows } = await import('../../db/client');
  const { businessListQuery, businessListSql } = await import('../../lib/admin/businesses');
  const conn = await openConnection({ roleCheck: 'warn' });
  try {
    const db = conn.db;
    const t0 = performance.now();
    // As the owner (past row-level security): deterministic ids, names from a few words, 20 cities,
    // creation spread over about two years, last activity after it.
    await db.execute(sql`
      insert into users (id, email, name, password_hash)
      select md5('u' || g)::uuid, 'pemilik' || g || '@usaha' || (g % 97) || '.test', 'Pemilik ' || g, 'x'
      from generate_series(1, ${N}) g`);
    await db.execute(sql`
      insert into tenants (id, name, business_type, city, created_at, last_active_at)
      select md5('t' || g)::uuid,
             (array['Warung','Kedai Kopi','Toko','Bengkel','Salon','Laundry','Depot','Apotek'])[1 + g % 8] || ' ' ||
             (array['Maju','Jaya','Sejahtera','Berkah','Makmur','Sentosa','Abadi','Mandiri','Barokah','Lestari'])[1 + (g / 8) % 10] || ' ' || g,
             (array['warung','cafe','salon','bengkel','laundry','online_shop','retail','other'])[1 + g % 8]::business_type,
             (array['Jakarta','Surabaya','Bandung','Medan','Makassar','Semarang','Palembang','Denpasar','Yogyakarta','Malang',
                    'Padang','Pontianak','Manado','Balikpapan','Jayapura','Kupang','Mataram','Ambon','Banda Aceh','Solo'])[1 + g % 20],
             now() - make_interval(mins => g * 10),
             now() - make_interval(mins => (g * 7919) % (g * 10 + 1))
      from generate_series(1, ${N}) g`);
    await db.execute(sql`
      insert into memberships (tenant_id, user_id, role)
      select md5('t' || g)::uuid, md5('u' || g)::uuid, 'owner' from generate_series(1, ${N}) g`);
    await db.execute(sql`analyze tenants`);
    await db.execute(sql`analyze memberships`);
    await db.execute(sql`analyze users`);
    console.log(`${conn.kind}: ${N} businesses, owners and memberships written in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    // A cursor from the middle of the list, as "next page" after many pages would carry.
    const [mid] = await queryRows<{ k: string; id: string }>(
      db,
      sql`select to_char(last_active_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k, id::text as id from tenants order by last_active_at desc, id desc offset ${Math.floor(N / 2)} limit 1`,
    );
    const deep = Buffer.from(JSON.stringify([mid!.k, mid!.id])).toString('base64url');
    const cases: [string, Record<string, string>][] = [
      ['first page, newest first', {}],
      ['first page, name A–Z', { order: 'name_asc' }],
      ['page after 50,000 rows, most recently active', { order: 'activity_desc', after: deep }],
      ['search a common word ("berkah", 1 in 10)', { q: 'berkah' }],
      ['search two words ("kedai berkah")', { q: 'kedai berkah' }],
      ['search a rare word prefix ("7777")', { q: '7777' }],
      ['search a city prefix ("jayap")', { q: 'jayap' }],
      ['search an owner email prefix ("pemilik4242@")', { q: 'pemilik4242@' }],
      ['type cafe, created in the last 30 days, oldest first', { type: 'cafe', from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), order: 'created_asc' }],
    ];
    const explain = async (statement: ReturnType<typeof businessListSql>['rows']) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local role jejak_admin`);
        const plan = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain (analyze, buffers) ${statement}`);
        return plan.map((p) => p['QUERY PLAN']);
      });
    const ms = (plan: string[]) => Number(/Execution Time: ([\d.]+) ms/.exec(plan.find((l) => l.startsWith('Execution Time')) ?? '')?.[1] ?? NaN);
    console.log('| query | page (ms) | total count (ms) | page plan starts with |');
    console.log('| --- | ---: | ---: | --- |');
    for (const [label, raw] of cases) {
      const statements = businessListSql(businessListQuery.parse(raw));
      await explain(statements.rows); // warm
      const page = await explain(statements.rows);
      const total = await explain(statements.total);
      const shape = page
        .filter((l) => /(Scan|Sort|Limit|Nested Loop|Hash|Bitmap)/.test(l))
        .slice(0, 4)
        .map((l) => l.trim().replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''))
        .join(' → ');
      console.log(`| ${label} | ${ms(page).toFixed(1)} | ${ms(total).toFixed(1)} | ${shape} |`);
      if (process.env.BENCH_PLANS === '1') console.log(`\n${page.join('\n')}\n\n${total.join('\n')}\n`);
    }
  } finally {
    await conn.close();
    await closeConnection();
    await dropDatabase?.();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
