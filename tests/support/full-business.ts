/**
 * A business with rows in every table that holds business rows (for the export and erasure tests):
 * written through the app's own functions where it has them, else as the app's role (or, for what
 * only the admin door writes, the owner). Also a staff member who belongs only to it, and one who
 * belongs to another business too.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { funnelCounts, memberships } from '@/db/schema';
import { audit } from '@/lib/core/audit';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createPersona } from '@/lib/personas/queries';
import { createJourney, getJourney, saveVersion } from '@/lib/journeys/queries';
import { createShareLink } from '@/lib/journeys/sharing';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { claimTestimonialPage } from '@/lib/reviews/testimonials';
import { createInvite } from '@/lib/team/team';
import { makeTenant, makeUser } from './factory';

export async function fullBusiness(name = `Toko Lengkap ${randomUUID().slice(0, 6)}`, opts: { reviews?: number } = {}) {
  const t = await makeTenant(name);
  const ctx = { tenantId: t.id, userId: t.owner.id };
  const soleStaff = await makeUser({ name: 'Staf Satu Usaha' });
  const sharedStaff = await makeUser({ name: 'Staf Dua Usaha' });
  const elsewhere = await makeTenant(`Usaha Lain ${randomUUID().slice(0, 6)}`);
  await withTenant(t.id, (tx) =>
    tx.insert(memberships).values([
      { tenantId: t.id, userId: soleStaff.id, role: 'staff' },
      { tenantId: t.id, userId: sharedStaff.id, role: 'staff' },
    ]),
  );
  await withTenant(elsewhere.id, (tx) => tx.insert(memberships).values({ tenantId: elsewhere.id, userId: sharedStaff.id, role: 'staff' }));

  const { linkId, journeyId } = await inTenant(ctx, async (db) => {
    await createPersona(db, { name: 'Bu Sari' });
    const { id } = await createJourney(db, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
    const { stages } = await getJourney(db, id);
    await saveVersion(db, id, { name: 'Versi awal', note: '=SUM(A1)' });
    await createShareLink(db, id);
    const link = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, title: 'Bagaimana kopinya?', thankYou: 'Terima kasih!', askComment: 'on' }));
    await claimTestimonialPage(db, `lengkap-${randomUUID().slice(0, 8)}`);
    await createInvite(db, 'staff');
    await audit(db.tx, { tenantId: t.id, actorUserId: t.owner.id, action: 'funnel.saved', meta: { note: 'uji' } });
    await db.tx.insert(funnelCounts).values({ tenantId: t.id, journeyId: id, stageId: stages[0]!.id!, month: '2026-01-01', metric: 'reach', value: 120 });
    await db.tx.execute(sql`insert into form_submissions (tenant_id, id) values (${t.id}, ${randomUUID()})`);
    return { linkId: link.id, journeyId: id };
  });
  for (let i = 0; i < (opts.reviews ?? 3); i++) {
    const input = reviewSubmissionSchema.parse({ stars: String((i % 5) + 1), comment: i === 0 ? '=HYPERLINK("x")' : `Ulasan ${i}, "enak"\nsekali` });
    await inTenant({ tenantId: t.id, userId: '' }, (db) => submitReview(db, linkId, input, { key: randomUUID(), locale: 'id', spamReason: null }));
  }
  // The plan (only the admin door writes it in the app; the owner here).
  await withOwnerDatabase((db) => db.execute(sql`insert into business_plans (tenant_id, plan, notes) values (${t.id}, 'uji', 'catatan') on conflict do nothing`));
  return { ...t, ctx, soleStaff, sharedStaff, elsewhere, linkId, journeyId };
}

/** The tables holding business rows, from the catalog (every table with tenant_id, and tenants). */
export async function businessTables(): Promise<string[]> {
  return withOwnerDatabase(async (db) =>
    (
      await queryRows<{ t: string }>(
        db,
        sql`select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
              and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            order by 1`,
      )
    ).map((r) => r.t),
  );
}

/** Rows of `tenantId` per table (tenants: its own row), counted as the owner (past row-level security). */
export async function rowsOf(tenantId: string): Promise<Record<string, number>> {
  const tables = await businessTables();
  return withOwnerDatabase(async (db) => {
    const out: Record<string, number> = {};
    for (const t of tables) {
      const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t)} where tenant_id = ${tenantId}`);
      out[t] = r!.n;
    }
    const [own] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from tenants where id = ${tenantId}`);
    out.tenants = own!.n;
    return out;
  });
}
