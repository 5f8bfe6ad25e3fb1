/**
 * Rules every table must keep, read from the live catalog after migrations: a new table that
 * breaks one fails here. Tenant tables (those with tenant_id) are Citus-ready (keys include
 * tenant_id) and protected by forced row-level security; the app role can use every table.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConnection, queryRows } from '@/db/client';

type Table = { name: string; rls: boolean; forced: boolean; hasTenantId: boolean };
let tables: Table[];
let pkColumns: Map<string, string[]>;
let fks: { table: string; name: string; cols: string[]; refTable: string; refCols: string[] }[];

// Global tables: tenants is the distribution root (its id is the tenant id); the rest hold no tenant data.
// The admin console's (migration 0013): the admins' second factor and the platform audit log, whose
// `target_tenant_id` names a business without being its data (the record outlives an erasure).
const platformTables = new Set(['users', 'user_sessions', 'rate_limit_events', 'admin_totp', 'admin_recovery_codes', 'platform_audit']);
// Platform tables that point at a business (its tenant_id says where to look, they hold no data of
// it): Citus reference tables, read before any business is known. Exempt from the tenant-table rules.
const routingTables = new Set(["review_link_routes", "testimonial_pages"]);

beforeAll(async () => {
  const { db } = await getConnection();
  tables = await queryRows<Table>(
    db,
    sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const pks = await queryRows<{ table: string; cols: string[] }>(
    db,
    sql`select c.relname as table, array_agg(a.attname::text order by a.attnum) as cols
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any (k.conkey)
        where n.nspname = 'public' and k.contype = 'p' group by c.relname`,
  );
  pkColumns = new Map(pks.map((p) => [p.table, p.cols]));
  fks = await queryRows(
    db,
    sql`select c.relname as table, k.conname as name, r.relname as "refTable",
               array(select a.attname::text from unnest(k.conkey) x join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x) as cols,
               array(select a.attname::text from unnest(k.confkey) x join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x) as "refCols"
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and k.contype = 'f'`,
  );
});

describe('schema rules', () => {
  it('every table is either a tenant table or a known platform table', () => {
    const unknown = tables.filter((t) => !t.hasTenantId && t.name !== 'tenants' && !platformTables.has(t.name) && !routingTables.has(t.name));
    expect(unknown.map((t) => t.name)).toEqual([]);
  });

  it('every tenant table has row-level security enabled and forced', () => {
    const tenantTables = tables.filter((t) => (t.hasTenantId || t.name === 'tenants') && !routingTables.has(t.name));
    expect(tenantTables.length).toBeGreaterThanOrEqual(4);
    expect(tenantTables.filter((t) => !t.rls || !t.forced).map((t) => t.name)).toEqual([]);
  });

  it('every tenant table has tenant_id NOT NULL leading its primary key (Citus distribution column)', async () => {
    const { db } = await getConnection();
    const nullable = await queryRows<{ table: string }>(
      db,
      sql`select table_name as table from information_schema.columns
          where table_schema = 'public' and column_name = 'tenant_id' and is_nullable = 'YES'`,
    );
    expect(nullable).toEqual([]);
    const bad = tables.filter((t) => t.hasTenantId && !routingTables.has(t.name) && !(pkColumns.get(t.name) ?? []).includes('tenant_id'));
    expect(bad.map((t) => t.name)).toEqual([]);
  });

  it('foreign keys between tenant tables include tenant_id on both sides', () => {
    const tenantish = new Set(tables.filter((t) => t.hasTenantId && !routingTables.has(t.name)).map((t) => t.name));
    const bad = fks.filter((fk) => {
      if (platformTables.has(fk.refTable)) return false; // reference tables may be pointed at freely
      if (fk.refTable === 'tenants') return !(fk.cols.length === 1 && fk.cols[0] === 'tenant_id');
      return tenantish.has(fk.refTable) && !(fk.cols.includes('tenant_id') && fk.refCols.includes('tenant_id'));
    });
    expect(bad.map((f) => `${f.table}.${f.name}`)).toEqual([]);
  });

  it('the app role has a policy on every tenant table', async () => {
    const { db } = await getConnection();
    const policies = await queryRows<{ table: string }>(
      db,
      sql`select tablename as table from pg_policies where schemaname = 'public' and 'jejak_app' = any (roles)`,
    );
    const covered = new Set(policies.map((p) => p.table));
    const uncovered = tables.filter((t) => (t.hasTenantId || t.name === 'tenants') && !routingTables.has(t.name) && !covered.has(t.name));
    expect(uncovered.map((t) => t.name)).toEqual([]);
  });
});
