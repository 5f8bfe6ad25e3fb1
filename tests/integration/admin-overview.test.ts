/**
 * The console's overview (issue 12, item 7), on both databases: businesses by status and type, new
 * businesses and reviews per WIB week (every week listed, empty ones as 0), the busiest businesses
 * by reviews in the last 30 days. Counts only. Figures are compared before and after adding known
 * rows (the database is shared with other test files), and the view is recorded in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withOwnerDatabase } from '@/db/client';
import { platformAudit, reviews, tenants } from '@/db/schema';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { getOverview, OVERVIEW_WEEKS } from '@/lib/admin/overview';
import { reactivateBusiness, suspendBusiness } from '@/lib/admin/suspension';
import { withTenant } from '@/lib/core/tenancy';
import { verifiedAdmin } from '../support/admin';
import { fullBusiness } from '../support/full-business';

const overview = (actor: AdminActor) => withAdmin(actor, { action: 'overview.viewed', reason: 'view' }, (db) => getOverview(db));

/** The Monday (WIB) of the week holding `at`, as YYYY-MM-DD. */
function wibMonday(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000);
  const day = (wib.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() - day)).toISOString().slice(0, 10);
}

describe('the admin overview', () => {
  it('counts businesses by status and type, new businesses and reviews per week, and the busiest businesses', async () => {
    const admin = await verifiedAdmin();
    const before = await overview(admin);
    expect(before.weeks).toHaveLength(OVERVIEW_WEEKS);
    expect(before.weeks.at(-1)!.week).toBe(wibMonday(new Date()));
    // Consecutive weeks, oldest first.
    for (let i = 1; i < before.weeks.length; i++) {
      expect(Date.parse(before.weeks[i]!.week) - Date.parse(before.weeks[i - 1]!.week)).toBe(7 * 86_400_000);
    }

    // A busy café (40 reviews, 5 of them 20 days old and 3 of them 40 days old), and a suspended salon.
    const busy = await fullBusiness(`Kafe Tersibuk ${randomUUID().slice(0, 6)}`, { reviews: 40 });
    await withTenant(busy.id, (tx) => tx.update(tenants).set({ businessType: 'cafe' }).where(eq(tenants.id, busy.id)));
    const ids = (await withTenant(busy.id, (tx) => tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.tenantId, busy.id)).orderBy(reviews.id))).map((r) => r.id);
    // Moving reviews in time as the owner (the app never does).
    await withOwnerDatabase(async (db) => {
      for (const id of ids.slice(0, 5)) await db.update(reviews).set({ createdAt: sql`now() - interval '20 days'` }).where(and(eq(reviews.tenantId, busy.id), eq(reviews.id, id)));
      for (const id of ids.slice(5, 8)) await db.update(reviews).set({ createdAt: sql`now() - interval '40 days'` }).where(and(eq(reviews.tenantId, busy.id), eq(reviews.id, id)));
    });
    const salon = await fullBusiness(undefined, { reviews: 0 });
    await withTenant(salon.id, (tx) => tx.update(tenants).set({ businessType: 'salon' }).where(eq(tenants.id, salon.id)));
    await withAdmin(admin, { action: 'business.suspended', reason: { typed: 'Uji ringkasan' }, tenantId: salon.id }, (db) => suspendBusiness(db, salon.id, 'Uji ringkasan'));

    const after = await overview(admin);
    // fullBusiness makes its business and a neighbour ("other"), both of type other at first.
    expect(after.total - before.total).toBe(4);
    expect(after.suspended - before.suspended).toBe(1);
    const type = (o: typeof after, t: string) => o.byType.find((b) => b.type === t)!;
    expect(type(after, 'cafe').active - type(before, 'cafe').active).toBe(1);
    expect(type(after, 'salon').suspended - type(before, 'salon').suspended).toBe(1);
    expect(type(after, 'other').active - type(before, 'other').active).toBe(2);
    const week = (o: typeof after, w: string) => o.weeks.find((x) => x.week === w) ?? { businesses: 0, reviews: 0 };
    const thisWeek = wibMonday(new Date());
    expect(week(after, thisWeek).businesses - week(before, thisWeek).businesses).toBe(4);
    const reviewWeeks = [new Date(), new Date(Date.now() - 20 * 86_400_000), new Date(Date.now() - 40 * 86_400_000)].map(wibMonday);
    const added = reviewWeeks.reduce((s, w) => s + week(after, w).reviews - week(before, w).reviews, 0);
    expect(added).toBe(40);

    // 40 reviews, 37 in the last 30 days: the busiest, unless another test made a busier one.
    const top = after.busiest.find((b) => b.id === busy.id);
    if (after.busiest.length < 10 || after.busiest.at(-1)!.reviews30d < 37) expect(top).toMatchObject({ name: busy.name, businessType: 'cafe', suspended: false, reviews30d: 37 });
    expect(after.busiest.map((b) => b.reviews30d)).toEqual([...after.busiest.map((b) => b.reviews30d)].sort((a, b) => b - a));
    expect(JSON.stringify(after)).not.toContain('Ulasan 1'); // counts, not contents

    await withAdmin(admin, { action: 'business.reactivated', reason: { typed: 'Uji ringkasan selesai' }, tenantId: salon.id }, (db) => reactivateBusiness(db, salon.id));
    const views = await withOwnerDatabase((db) => db.select().from(platformAudit).where(and(eq(platformAudit.actorUserId, admin.userId), eq(platformAudit.action, 'overview.viewed'))));
    expect(views).toHaveLength(2);
  });
});
