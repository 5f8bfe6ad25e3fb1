/**
 * The bench's own businesses, made through the app's code as the app's login role (row-level
 * security on): `--tenants` businesses (default 40), each with an owner, a journey of five stages
 * and `--links` review links (default 20) asking stars, NPS and a comment. Spread like this the
 * intake never meets the per-link limit (300 an hour, lib/rate-limit/limits.ts): 800 links take
 * 240,000 reviews an hour, more than the whole bench sends. Writes the links (slug, ids) as JSON
 * to the file named by the first argument. Run by scripts/bench/stack.ts with the cluster's URLs.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/bench/setup-data.ts <out.json> [--tenants=40] [--links=20]');
const option = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt);
const tenantCount = option('tenants', 40);
const linksPerTenant = option('links', 20);

const { sql } = await import('drizzle-orm');
const { closeConnection } = await import('@/db/client');
const { hashPassword } = await import('@/lib/auth/password');
const { inTenant, withPlatform, withTenant } = await import('@/lib/core/tenancy');
const { createJourney, getJourney } = await import('@/lib/journeys/queries');
const { emptyLanes } = await import('@/lib/journeys/model');
const { createReviewLink } = await import('@/lib/reviews/links');
const { reviewLinkInputSchema } = await import('@/lib/reviews/model');

export interface BenchLink {
  slug: string;
  tenantId: string;
  linkId: string;
  journeyId: string;
  stageId: string;
}

const stageKeys = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'] as const;
const stageNames = ['Tahu dari teman', 'Cari info', 'Servis & bayar', 'Datang lagi', 'Cerita ke orang lain'];
const passwordHash = await hashPassword(`bench-${randomUUID()}`);
const links: BenchLink[] = [];
try {
  for (let t = 0; t < tenantCount; t++) {
    const tenantId = randomUUID();
    const userId = randomUUID();
    await withPlatform((tx) =>
      tx.execute(sql`insert into users (id, email, name, password_hash) values (${userId}, ${`bench-${userId.slice(0, 8)}@bench.test`}, ${`Pemilik ${t + 1}`}, ${passwordHash})`),
    );
    await withTenant(tenantId, async (tx) => {
      await tx.execute(sql`insert into tenants (id, name, business_type, city) values (${tenantId}, ${`Usaha Bench ${t + 1}`}, 'bengkel', 'Bekasi')`);
      await tx.execute(sql`insert into memberships (tenant_id, user_id, role) values (${tenantId}, ${userId}, 'owner')`);
    });
    await inTenant({ tenantId, userId }, async (db) => {
      const { id: journeyId } = await createJourney(db, {
        name: 'Servis mobil',
        model: 'blank',
        stageNames: {},
        stages: stageKeys.map((key, i) => ({ key, name: stageNames[i]!, emotion: { score: 1, note: '' }, metric: '', lanes: emptyLanes() })),
      } as Parameters<typeof createJourney>[1]);
      const stageIds = (await getJourney(db, journeyId)).stages.map((s) => s.id!);
      for (let k = 0; k < linksPerTenant; k++) {
        const stageId = stageIds[k % stageIds.length]!;
        const input = reviewLinkInputSchema.parse({ journeyId, stageId, touchpoint: 'QR di kasir', title: `Ulasan ${k + 1}`, askNps: 'on', askComment: 'on' });
        const { id, slug } = await createReviewLink(db, input);
        links.push({ slug, tenantId, linkId: id, journeyId, stageId });
      }
    });
  }
  fs.writeFileSync(out, JSON.stringify(links));
  console.log(`setup: ${tenantCount} businesses, ${links.length} review links`);
} finally {
  await closeConnection();
}
