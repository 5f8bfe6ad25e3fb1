/**
 * Deleting a business (issue 12, item 5; UU PDP erasure), on both databases: afterwards not one row
 * of it is left in any table that holds business rows (every table with tenant_id, read from the
 * catalog, the routing tables included; and tenants), nor the accounts of members who belonged to
 * it only, nor their sessions; every other row of every one of those tables, and of users and
 * user_sessions, is byte for byte what it was (a hash per table); the platform audit entry stays.
 * A wrong name deletes nothing and records nothing. Only the admin door may erase, and only in the
 * unit of work that recorded the deletion: the app role cannot call the function at all.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { platformAudit, users, userSessions } from '@/db/schema';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { eraseBusiness } from '@/lib/admin/erasure';
import { createUserSession } from '@/lib/auth/sessions';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { withTenant } from '@/lib/core/tenancy';
import { verifiedAdmin } from '../support/admin';
import { businessTables, fullBusiness, rowsOf } from '../support/full-business';
import { attempt, DENIED } from '../support/sql-attempt';

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const erase = (actor: AdminActor, tenantId: string, confirmName: string, reason = 'Permintaan pemilik lewat email') =>
  withAdmin(actor, { action: 'business.deleted', reason: { typed: reason }, tenantId }, (db) => eraseBusiness(db, { tenantId, confirmName }));

/** A hash per table of every row NOT of `tenantId` (and of users and sessions other than `gone`), as the owner sees them. */
async function othersHashes(tenantId: string, goneUsers: string[]): Promise<Record<string, string>> {
  const tables = await businessTables();
  return withOwnerDatabase(async (db) => {
    const out: Record<string, string> = {};
    const hash = async (name: string, where: ReturnType<typeof sql>) => {
      const [r] = await queryRows<{ h: string | null; n: number }>(
        db,
        sql`select md5(string_agg(x.t, '|' order by x.t)) as h, count(*)::int as n from (select r::text as t from ${sql.identifier(name)} r where ${where}) x`,
      );
      out[name] = `${r!.n}:${r!.h}`;
    };
    for (const t of tables) await hash(t, sql`r.tenant_id <> ${tenantId}`);
    await hash('tenants', sql`r.id <> ${tenantId}`);
    const gone = goneUsers.length ? goneUsers : [randomUUID()];
    await hash('users', sql`r.id not in ${sql`(${sql.join(gone.map((g) => sql`${g}::uuid`), sql`, `)})`}`);
    await hash('user_sessions', sql`r.user_id not in ${sql`(${sql.join(gone.map((g) => sql`${g}::uuid`), sql`, `)})`}`);
    return out;
  });
}

describe('deleting a business', () => {
  it('leaves no row of it in any table, removes the accounts that belonged to it only (and their sessions), and leaves every other row untouched', async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness();
    const other = await fullBusiness(); // a neighbour with the same kinds of rows
    await createUserSession(b.soleStaff.id);
    await createUserSession(b.owner.id);

    const before = await rowsOf(b.id);
    // Every table that holds business rows had some of this one (else the test proves nothing for it).
    expect(Object.entries(before).filter(([, n]) => n === 0).map(([t]) => t), 'tables the test business has no rows in').toEqual([]);
    expect(Object.keys(before).sort()).toEqual(expect.arrayContaining(['review_link_routes', 'testimonial_pages', 'reviews', 'review_stage_days', 'memberships', 'audit_log', 'tenants']));
    const othersBefore = await othersHashes(b.id, [b.owner.id, b.soleStaff.id]);
    const neighbourBefore = await rowsOf(other.id);

    const { report } = await erase(admin, b.id, `  ${b.name} `);
    expect(report.reviews).toBe(3);
    expect(report.users).toBe(2); // the owner and the staff member who belonged here only
    expect(report.tenants).toBe(1);

    const after = await rowsOf(b.id);
    expect(Object.values(after).every((n) => n === 0), JSON.stringify(after)).toBe(true);
    const accounts = await withOwnerDatabase((db) => db.select({ id: users.id }).from(users).where(inArray(users.id, [b.owner.id, b.soleStaff.id, b.sharedStaff.id])));
    expect(accounts.map((a) => a.id)).toEqual([b.sharedStaff.id]); // the one who belongs elsewhere stays
    const sessions = await withOwnerDatabase((db) => db.select({ id: userSessions.id }).from(userSessions).where(inArray(userSessions.userId, [b.owner.id, b.soleStaff.id])));
    expect(sessions).toEqual([]);

    expect(await othersHashes(b.id, [b.owner.id, b.soleStaff.id])).toEqual(othersBefore);
    expect(await rowsOf(other.id)).toEqual(neighbourBefore);

    // The record outlives the business.
    const entries = await withOwnerDatabase((db) => db.select().from(platformAudit).where(eq(platformAudit.targetTenantId, b.id)));
    expect(entries.map((e) => [e.action, e.reason, e.actorUserId])).toEqual([['business.deleted', 'Permintaan pemilik lewat email', admin.userId]]);

    // Again: nothing to delete.
    expect(await failure(erase(admin, b.id, b.name))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a wrong name, deleting and recording nothing', async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness(undefined, { reviews: 1 });
    const before = await rowsOf(b.id);
    const err = await failure(erase(admin, b.id, `${b.name}x`));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ key: 'admin:erasure.name_mismatch', opts: { field: 'confirmName' } });
    expect(await failure(erase(admin, b.id, b.name, 'abc'))).toMatchObject({ key: 'validation.reason_short' });
    expect(await rowsOf(b.id)).toEqual(before);
    expect(await withOwnerDatabase((db) => db.select().from(platformAudit).where(eq(platformAudit.targetTenantId, b.id)))).toEqual([]);
  });

  it('is for the admin door only, in the unit of work that recorded the deletion: the app role cannot call it', async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness(undefined, { reviews: 1 });
    const before = await rowsOf(b.id);
    const asApp = await withTenant(b.id, async (tx) => ({
      erase: await attempt(tx, sql`select * from jejak_erase_tenant(${b.id}::uuid)`),
      export: await attempt(tx, sql`select * from jejak_export_rows(${b.id}::uuid, 'reviews', null, 10)`),
      tables: await attempt(tx, sql`select * from jejak_tenant_tables()`),
    }));
    expect(asApp).toEqual({ erase: DENIED, export: DENIED, tables: DENIED });
    // In the catalog: owned by the owner, run as it, search_path pinned; nobody but jejak_admin may call them.
    const fns = await withOwnerDatabase((db) =>
      queryRows<{ name: string; definer: boolean; config: string[] | string | null; publicExec: boolean; appExec: boolean; adminExec: boolean }>(
        db,
        sql`select p.proname as name, p.prosecdef as definer, p.proconfig as config,
                   exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x where x.grantee = 0) as "publicExec",
                   has_function_privilege('jejak_app', p.oid, 'EXECUTE') as "appExec",
                   has_function_privilege('jejak_admin', p.oid, 'EXECUTE') as "adminExec"
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'public' and p.proname in ('jejak_erase_tenant', 'jejak_export_rows', 'jejak_tenant_tables') order by 1`,
      ),
    );
    expect(fns.map((f) => [f.name, f.definer, f.publicExec, f.appExec, f.adminExec])).toEqual([
      ['jejak_erase_tenant', true, false, false, true],
      ['jejak_export_rows', true, false, false, true],
      ['jejak_tenant_tables', false, false, false, true],
    ]);
    for (const f of fns) expect(String(f.config), f.name).toMatch(/search_path=pg_catalog, ?pg_temp/);
    // The door, under another entry (a view, or the deletion of another business), is refused by the database.
    const viewing = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: b.id }, (db) => attempt(db.tx, sql`select * from jejak_erase_tenant(${b.id}::uuid)`));
    const otherEntry = await withAdmin(admin, { action: 'business.deleted', reason: { typed: 'Usaha lain yang dihapus' }, tenantId: randomUUID() }, (db) =>
      attempt(db.tx, sql`select * from jejak_erase_tenant(${b.id}::uuid)`),
    );
    const exportEntry = await withAdmin(admin, { action: 'business.exported', reason: { typed: 'Ekspor, bukan hapus' }, tenantId: b.id }, (db) =>
      attempt(db.tx, sql`select * from jejak_erase_tenant(${b.id}::uuid)`),
    );
    expect({ viewing, otherEntry, exportEntry }).toEqual({ viewing: DENIED, otherEntry: DENIED, exportEntry: DENIED });
    // Nor can jejak_admin delete anything itself.
    const direct = await withAdmin(admin, { action: 'business.deleted', reason: { typed: 'Hapus langsung tanpa fungsi' }, tenantId: b.id }, async (db) => ({
      reviews: await attempt(db.tx, sql`delete from reviews where tenant_id = ${b.id}`),
      tenants: await attempt(db.tx, sql`delete from tenants where id = ${b.id}`),
    }));
    expect(direct).toEqual({ reviews: DENIED, tenants: DENIED });
    expect(await rowsOf(b.id)).toEqual(before);
  });

  it('works for an owner that is no superuser: every table with row-level security has the owner policy the functions rely on', async () => {
    const missing = await withOwnerDatabase((db) =>
      queryRows<{ t: string }>(
        db,
        sql`select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relrowsecurity and c.relname in (select table_name from jejak_tenant_tables())
              and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'owner_tenant_work')`,
      ),
    );
    expect(missing.map((m) => m.t), 'add `owner_tenant_work` (migration 0017) to these tables').toEqual([]);
  });
});
