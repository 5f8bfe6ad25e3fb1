/**
 * The business's logo for its public review page (served small by serve.ts `getReviewLogo`):
 * the stored data URL and its version, read inside the business as an anonymous visitor.
 */
import { eq, sql } from 'drizzle-orm';
import { tenants } from '@/db/schema';
import type { TenantDb } from '@/lib/core/tenancy';

/** The logo (a data URL) and its version (as in `loadPublicReviewLink`'s `logoVersion`); null when there is none. */
export async function loadBusinessLogo(db: TenantDb): Promise<{ dataUrl: string; version: string } | null> {
  const [row] = await db.tx
    .select({
      dataUrl: tenants.logoUrl,
      version: sql<string>`(extract(epoch from ${tenants.updatedAt}) * 1000)::bigint::text`,
    })
    .from(tenants)
    .where(eq(tenants.id, db.tenantId));
  return row?.dataUrl ? { dataUrl: row.dataUrl, version: row.version } : null;
}
