/**
 * Row-level security is the second wall behind the query code: even a query that forgets its
 * tenant filter must not see or change another tenant's rows.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditLog, memberships, tenants } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { withPlatform, withTenant, withUser } from '@/lib/core/tenancy';
import { makeTenant, makeUser } from '../support/factory';

let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  a = await makeTenant('Warung A');
  b = await makeTenant('Warung B');
  await withTenant(b.id, (tx) => tx.insert(auditLog).values({ tenantId: b.id, action: 'test.secret' }));
});

describe('row-level security', () => {
  it('runs as the app role, which owns no table and cannot bypass RLS', async () => {
    const [row] = await withTenant(a.id, (tx) =>
      queryRows<{ who: string; bypass: boolean; super: boolean; owns: number }>(
        tx,
        sql`select current_user as who, r.rolbypassrls as bypass, r.rolsuper as super,
                   (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owns
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(row).toMatchObject({ who: 'jejak_app', bypass: false, super: false, owns: 0 });
  });

  it("a transaction for tenant A reads none of tenant B's rows, even without a WHERE clause", async () => {
    const seen = await withTenant(a.id, async (tx) => ({
      tenants: await tx.select().from(tenants),
      memberships: await tx.select().from(memberships),
      audit: await tx.select().from(auditLog),
    }));
    expect(seen.tenants.map((t) => t.id)).toEqual([a.id]);
    expect(seen.memberships.every((m) => m.tenantId === a.id)).toBe(true);
    expect(seen.memberships.length).toBe(1);
    expect(seen.audit.every((r) => r.tenantId === a.id)).toBe(true);
  });

  it("tenant A cannot insert rows into tenant B", async () => {
    const intruder = await makeUser();
    await expect(
      withTenant(a.id, (tx) => tx.insert(memberships).values({ tenantId: b.id, userId: intruder.id, role: 'owner' })),
    ).rejects.toThrow();
    await expect(withTenant(a.id, (tx) => tx.insert(auditLog).values({ tenantId: b.id, action: 'forged' }))).rejects.toThrow();
    const bMembers = await withTenant(b.id, (tx) => tx.select().from(memberships));
    expect(bMembers.map((m) => m.userId)).toEqual([b.owner.id]);
  });

  it("tenant A cannot update or delete tenant B's rows", async () => {
    // (The audit log cannot be updated or deleted at all: db-role.test.ts.)
    const result = await withTenant(a.id, async (tx) => {
      const updated = await tx.update(tenants).set({ name: 'Hacked' }).where(eq(tenants.id, b.id)).returning();
      const deleted = await tx.delete(memberships).where(eq(memberships.tenantId, b.id)).returning();
      return { updated: updated.length, deleted: deleted.length };
    });
    expect(result).toEqual({ updated: 0, deleted: 0 });
    const [bTenant] = await withTenant(b.id, (tx) => tx.select().from(tenants));
    expect(bTenant?.name).toBe('Warung B');
    const bMembers = await withTenant(b.id, (tx) => tx.select().from(memberships));
    expect(bMembers.map((m) => m.userId)).toEqual([b.owner.id]);
    const bAudit = await withTenant(b.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'test.secret')));
    expect(bAudit).toHaveLength(1);
  });

  it('a row cannot be moved from A into B', async () => {
    await expect(
      withTenant(a.id, (tx) => tx.update(memberships).set({ tenantId: b.id }).where(eq(memberships.userId, a.owner.id))),
    ).rejects.toThrow();
  });

  it('a transaction with no tenant set sees no tenant rows and cannot write any', async () => {
    const seen = await withPlatform(async (tx) => ({
      tenants: await tx.select().from(tenants),
      memberships: await tx.select().from(memberships),
      audit: await tx.select().from(auditLog),
    }));
    expect(seen).toEqual({ tenants: [], memberships: [], audit: [] });
    await expect(withPlatform((tx) => tx.insert(auditLog).values({ tenantId: a.id, action: 'orphan' }))).rejects.toThrow();
  });

  it('a signed-in user sees only their own memberships and businesses', async () => {
    const seen = await withUser(a.owner.id, async (tx) => ({
      tenants: await tx.select({ id: tenants.id }).from(tenants),
      memberships: await tx.select().from(memberships),
    }));
    expect(seen.tenants).toEqual([{ id: a.id }]);
    expect(seen.memberships.map((m) => m.tenantId)).toEqual([a.id]);
  });

  it('a malformed tenant id is refused before reaching the database', async () => {
    await expect(withTenant("' or 1=1 --", async () => 1)).rejects.toBeInstanceOf(NotFoundError);
  });
});
