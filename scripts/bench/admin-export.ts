/**
 * Measures the admin export of one business (lib/admin/export.ts) at growing sizes: a business with
 * N reviews (BENCH_SIZES, default 5000,50000) is written to a throwaway database, then exported
 * through the admin door as the route does, the zip read to the end and thrown away, while the
 * process's heap and RSS are sampled every 20 ms. Prints the time, the zip's size and the peak heap
 * above the baseline: flat memory means the peak does not grow with N. Reports, asserts nothing.
 *
 *   node --expose-gc --import tsx scripts/bench/admin-export.ts postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_SIZES=300000 node --max-old-space-size=64 --expose-gc --import tsx scripts/bench/admin-export.ts <url>   # flat: fits a 64 MB heap
 *
 * The URL's role must be allowed to create a database (dropped afterwards; BENCH_KEEP=1 keeps it).
 */
export {};

process.env.DB_STATEMENT_CAPTURE = '0';
process.env.MIGRATION_DATABASE_URL = '';

const serverUrl = process.argv[2] ?? '';
if (!serverUrl) throw new Error('usage: admin-export.ts <postgres admin url>');
const sizes = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);

async function main() {
  const { default: postgres } = await import('postgres');
  const name = `jejak_bench_export_${Date.now().toString(36)}`;
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await server.unsafe(`create database ${name}`);
  await server.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  const { sql } = await import('drizzle-orm');
  const { closeConnection, getConnection, queryRows } = await import('../../db/client');
  const { closeAdminDatabase } = await import('../../db/admin-client');
  const { openBusinessExport } = await import('../../lib/admin/export');
  const { inTenant, withTenant } = await import('../../lib/core/tenancy');
  const { createJourney, getJourney } = await import('../../lib/journeys/queries');
  const { createReviewLink } = await import('../../lib/reviews/links');
  const { reviewLinkInputSchema } = await import('../../lib/reviews/model');
  const { memberships, tenants, users } = await import('../../db/schema');
  const { randomUUID } = await import('node:crypto');
  try {
    const { db } = await getConnection();
    const [adminUser] = await queryRows<{ id: string }>(db, sql`insert into users (email, name, password_hash, is_platform_admin) values ('bench-admin@jejak.test', 'Bench', 'x', true) returning id`);
    const [session] = await queryRows<{ id: string }>(
      db,
      sql`insert into user_sessions (user_id, expires_at, second_factor_at) values (${adminUser!.id}, now() + interval '1 day', now()) returning id`,
    );
    const actor = { userId: adminUser!.id, sessionId: session!.id, ip: '127.0.0.1' };

    for (const n of sizes) {
      const tenantId = randomUUID();
      const ownerId = randomUUID();
      await db.insert(users).values({ id: ownerId, email: `owner-${n}@bench.test`, name: 'Pemilik', passwordHash: 'x' });
      await withTenant(tenantId, async (tx) => {
        await tx.insert(tenants).values({ id: tenantId, name: `Kedai Bench ${n}` });
        await tx.insert(memberships).values({ tenantId, userId: ownerId, role: 'owner' });
      });
      const link = await inTenant({ tenantId, userId: ownerId }, async (tdb) => {
        const { id } = await createJourney(tdb, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'A', purchase: 'B', post_purchase: 'C' } });
        const { stages } = await getJourney(tdb, id);
        const l = await createReviewLink(tdb, reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, title: 'x', thankYou: 'y', askComment: 'on' }));
        return { id: l.id, journeyId: id, stageId: stages[1]!.id! };
      });
      const t0 = performance.now();
      await db.execute(sql`
        insert into reviews (tenant_id, id, link_id, journey_id, stage_id, stars, comment, submission_key, created_at)
        select ${tenantId}::uuid, gen_random_uuid(), ${link.id}::uuid, ${link.journeyId}::uuid, ${link.stageId}::uuid, 1 + g % 5,
               'Ulasan ' || g || ': ' || repeat('kopinya enak, pelayanannya ramah, tempatnya nyaman. ', 4),
               gen_random_uuid(), now() - make_interval(mins => g)
        from generate_series(1, ${n}) g`);
      console.log(`${n} reviews written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      (globalThis as { gc?: () => void }).gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      }, 20);
      const t1 = performance.now();
      const opened = await openBusinessExport(actor, { tenantId, exportReason: 'Pengukuran ekspor' });
      let bytes = 0;
      for await (const chunk of opened.stream) bytes += (chunk as Buffer).length;
      await opened.finished;
      clearInterval(timer);
      const mb = (v: number) => (v / 1024 / 1024).toFixed(1);
      console.log(
        `export of ${n} reviews: ${((performance.now() - t1) / 1000).toFixed(1)} s, zip ${mb(bytes)} MB; ` +
          `heap ${mb(base.heapUsed)} MB before, peak +${mb(peakHeap - base.heapUsed)} MB; RSS ${mb(base.rss)} MB before, peak +${mb(peakRss - base.rss)} MB`,
      );
    }
  } finally {
    await closeAdminDatabase();
    await closeConnection();
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${name}`);
    else {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    }
  }
}

await main();
