/**
 * The console's businesses (issue 12, part 1), on both databases, through the admin door: search by
 * words of the name or city and by the owner's email, filters, the six orders, keyset pages that
 * neither skip nor repeat a row going forward and back, and one business's page (members, counts).
 * The 100,000-business timing is a script: `npx tsx scripts/bench/admin-businesses.ts`.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { journeys, memberships, personas, reviewLinks, reviews, tenants, users } from '@/db/schema';
import { businessOrders, businessListQuery, getBusiness, listBusinesses, searchTerms, type BusinessListQuery } from '@/lib/admin/businesses';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { reactivateBusiness, suspendBusiness } from '@/lib/admin/suspension';
import { NotFoundError } from '@/lib/core/errors';
import { withPlatform, withTenant } from '@/lib/core/tenancy';
import { demo, seed } from '@/lib/demo/seed';
import type { BusinessType } from '@/lib/shared/business';
import { verifiedAdmin } from '../support/admin';

// Files share one database: every business here carries a word no other file uses.
const tag = `zq${randomUUID().slice(0, 6)}`;
let actor: AdminActor;

interface Made {
  id: string;
  name: string;
  city: string;
  type: BusinessType;
  createdAt: Date;
  lastActiveAt: Date;
  ownerEmail: string;
}
const made: Made[] = [];

const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d, 5, 0, 0));
const list = (q: Partial<BusinessListQuery>, pageSize?: number) =>
  withAdmin(actor, { action: 'business.list_viewed', reason: 'view' }, (db) => listBusinesses(db, businessListQuery.parse({ q: tag, ...q }), pageSize));

beforeAll(async () => {
  actor = await verifiedAdmin();
  const specs: [string, string, BusinessType][] = [
    ['Warung Sate Alpha', 'Surabaya', 'warung'],
    ['Kedai Kopi Bravo', 'Makassar', 'cafe'],
    ['Bengkel Charlie Motor', 'Surabaya', 'bengkel'],
    ['Salon Delta', 'Medan', 'salon'],
    ['Laundry Echo Kilat', 'Bandung', 'laundry'],
    ['Kedai Kopi Foxtrot', 'Surabaya', 'cafe'],
    ['Toko Golf Elektronik', 'Jayapura', 'retail'],
  ];
  for (const [i, [base, city, type]] of specs.entries()) {
    const id = randomUUID();
    const ownerId = randomUUID();
    const ownerEmail = `${tag}-owner${i}@contoh.test`;
    // Created in order, active in another order (so the sorts differ).
    const entry: Made = { id, name: `${base} ${tag}`, city, type, createdAt: day(i), lastActiveAt: day(40 + ((i * 3) % 7)), ownerEmail };
    await withPlatform((tx) => tx.insert(users).values({ id: ownerId, email: ownerEmail, name: `Pemilik ${i}`, passwordHash: 'x' }));
    await withTenant(id, async (tx) => {
      await tx.insert(tenants).values({ id, name: entry.name, city, businessType: type, createdAt: entry.createdAt, lastActiveAt: entry.lastActiveAt });
      await tx.insert(memberships).values({ tenantId: id, userId: ownerId, role: 'owner' });
    });
    made.push(entry);
  }
});

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('the businesses list', () => {
  it('searches words of the name and the city by prefix, and the owner email by prefix', async () => {
    expect(names((await list({ q: `kopi ${tag}` })).rows).sort()).toEqual([`Kedai Kopi Bravo ${tag}`, `Kedai Kopi Foxtrot ${tag}`]);
    expect(names((await list({ q: `kedai kop ${tag.slice(0, 5)}` })).rows).sort()).toEqual([`Kedai Kopi Bravo ${tag}`, `Kedai Kopi Foxtrot ${tag}`]);
    expect(names((await list({ q: `surab ${tag}` })).rows).sort()).toEqual([`Bengkel Charlie Motor ${tag}`, `Kedai Kopi Foxtrot ${tag}`, `Warung Sate Alpha ${tag}`]);
    expect(names((await list({ q: `${tag}-owner4@` })).rows)).toEqual([`Laundry Echo Kilat ${tag}`]);
    expect(names((await list({ q: `${tag.toUpperCase()}-OWNER6` })).rows)).toEqual([`Toko Golf Elektronik ${tag}`]);
    expect((await list({ q: `${tag}` })).total).toBe(7);
    // Not in the middle of a word, and LIKE wildcards are plain characters.
    expect((await list({ q: `${tag.slice(1)}` })).total).toBe(0);
    expect((await list({ q: `${tag}-owner%` })).total).toBe(0);
    expect((await list({ q: `${tag}-owner_@` })).total).toBe(0);
    expect((await list({ q: '%' })).total).toBe(0);
    // Punctuation cannot break out of the tsquery.
    expect(searchTerms(`kopi & !(senja) | 'x':*`)).toBe('kopi:* & senja:* & x:*');
    expect((await list({ q: `'):* | ${tag}` })).total).toBe(7);
  });

  it('filters by type and by the day of creation (WIB days)', async () => {
    expect(names((await list({ type: 'cafe' })).rows).sort()).toEqual([`Kedai Kopi Bravo ${tag}`, `Kedai Kopi Foxtrot ${tag}`]);
    // day(i) is 12:00 WIB on 2025-01-(1+i).
    expect(names((await list({ from: '2025-01-02', to: '2025-01-03' })).rows).sort()).toEqual([`Bengkel Charlie Motor ${tag}`, `Kedai Kopi Bravo ${tag}`]);
    expect((await list({ from: '2025-01-07' })).total).toBe(1);
    // Anything malformed in the address is dropped, not an error.
    const q = businessListQuery.parse({ type: 'casino', status: 'deleted', from: '2025-13-45', order: 'evil', after: 'nonsense' });
    expect(JSON.parse(JSON.stringify(q))).toEqual({ order: 'created_desc', after: 'nonsense' });
    // A cursor that does not decode reads as the first page.
    expect(names((await list({ after: 'nonsense' })).rows)).toEqual(names((await list({})).rows));
  });

  it('filters by status: active or suspended', async () => {
    const salon = made.find((m) => m.type === 'salon')!;
    await withAdmin(actor, { action: 'business.suspended', reason: { typed: 'uji filter status' }, tenantId: salon.id }, (db) => suspendBusiness(db, salon.id, 'uji filter status'));
    try {
      expect(names((await list({ status: 'suspended' })).rows)).toEqual([salon.name]);
      expect((await list({ status: 'active' })).total).toBe(6);
      expect(names((await list({ status: 'active' })).rows)).not.toContain(salon.name);
      expect((await list({})).total).toBe(7);
    } finally {
      await withAdmin(actor, { action: 'business.reactivated', reason: { typed: 'uji filter status' }, tenantId: salon.id }, (db) => reactivateBusiness(db, salon.id));
    }
  });

  it('sorts six ways, and its keyset pages neither skip nor repeat a row, forward and back', async () => {
    const expected: Record<(typeof businessOrders)[number], string[]> = {
      created_desc: [...made].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((m) => m.name),
      created_asc: [...made].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((m) => m.name),
      name_asc: [...made].map((m) => m.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
      name_desc: [...made].map((m) => m.name).sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())),
      activity_desc: [...made].sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime()).map((m) => m.name),
      activity_asc: [...made].sort((a, b) => a.lastActiveAt.getTime() - b.lastActiveAt.getTime()).map((m) => m.name),
    };
    for (const order of businessOrders) {
      const p1 = await list({ order }, 3);
      const p2 = await list({ order, after: p1.next }, 3);
      const p3 = await list({ order, after: p2.next }, 3);
      expect([...names(p1.rows), ...names(p2.rows), ...names(p3.rows)], order).toEqual(expected[order]);
      expect([p1.prev, p3.next], order).toEqual([undefined, undefined]);
      expect(p1.total, order).toBe(7);
      // Back from the last page: the middle one again, then the first.
      const back2 = await list({ order, before: p3.prev }, 3);
      expect(names(back2.rows), order).toEqual(names(p2.rows));
      const back1 = await list({ order, before: back2.prev }, 3);
      expect(names(back1.rows), order).toEqual(names(p1.rows));
      expect(back1.prev, order).toBeUndefined();
    }
  });

  it('shows each business with its owner and the dates the sorts use', async () => {
    const { rows } = await list({ q: `golf ${tag}` });
    const golf = made[6]!;
    expect(rows).toEqual([
      { id: golf.id, name: golf.name, businessType: 'retail', city: 'Jayapura', createdAt: golf.createdAt, lastActiveAt: golf.lastActiveAt, ownerName: 'Pemilik 6', ownerEmail: golf.ownerEmail, suspended: false },
    ]);
  });
});

describe("one business's page", () => {
  beforeAll(async () => {
    await seed();
  });

  it('has its details, its members (owner first) and counts that match what the business holds', async () => {
    const b = demo.bengkel;
    const detail = await withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: b.tenant.id }, (db) => getBusiness(db, b.tenant.id));
    const expected = await withTenant(b.tenant.id, async (tx) => {
      const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
      const since = new Date(Date.now() - 30 * 86_400_000);
      return {
        personas: await n(tx.select({ n: count() }).from(personas).where(eq(personas.tenantId, b.tenant.id))),
        journeys: await n(tx.select({ n: count() }).from(journeys).where(eq(journeys.tenantId, b.tenant.id))),
        reviewLinks: await n(tx.select({ n: count() }).from(reviewLinks).where(eq(reviewLinks.tenantId, b.tenant.id))),
        reviews: await n(tx.select({ n: count() }).from(reviews).where(eq(reviews.tenantId, b.tenant.id))),
        reviewsLast30Days: await n(tx.select({ n: count() }).from(reviews).where(and(eq(reviews.tenantId, b.tenant.id), gt(reviews.createdAt, since)))),
      };
    });
    expect(expected.reviews).toBeGreaterThan(expected.reviewsLast30Days);
    expect(expected.reviewsLast30Days).toBeGreaterThan(0);
    expect(detail).toMatchObject({ id: b.tenant.id, name: b.tenant.name, businessType: 'bengkel', city: 'Surabaya', timeZone: 'Asia/Jakarta', counts: expected });
    expect(detail.members.map((m) => [m.role, m.email, m.name])).toEqual([
      ['owner', b.owner.email, b.owner.name],
      ['staff', b.staff.email, b.staff.name],
    ]);
  });

  it('is a 404 for an id that names no business, and the failed look-up leaves no audit entry', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      await expect(withAdmin(actor, { action: 'business.viewed', reason: 'view', tenantId: id }, (db) => getBusiness(db, id))).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
