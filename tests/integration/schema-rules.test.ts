/**
 * Rules every table must keep, read from the live catalog after migrations: a new table that
 * breaks one fails here. Tenant tables (those with tenant_id) are Citus-ready (keys include
 * tenant_id) and protected by forced row-level security; the app role can use every table.
 * db/citus.sql, the statements that distribute the schema with Citus, names every table as the
 * kind it is, in an order Citus accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
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
// Migration 0016: one-time password-reset links, about an account (users), not a business's data.
const platformTables = new Set(['users', 'user_sessions', 'rate_limit_events', 'admin_totp', 'admin_recovery_codes', 'platform_audit', 'password_reset_links']);
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

  it('every unique index of a tenant table includes tenant_id (Citus enforces uniqueness per shard)', async () => {
    const { db } = await getConnection();
    const uniques = await queryRows<{ table: string; index: string; cols: string[] }>(
      db,
      sql`select c.relname as table, i.relname as index,
                 array(select a.attname::text from unnest(x.indkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k) as cols
          from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and x.indisunique`,
    );
    const tenantish = new Set(tables.filter((t) => t.hasTenantId && !routingTables.has(t.name)).map((t) => t.name));
    expect(uniques.length).toBeGreaterThan(tenantish.size); // the primary keys at least
    const bad = uniques.filter((u) => tenantish.has(u.table) && !u.cols.includes('tenant_id'));
    expect(bad.map((u) => `${u.table}.${u.index}`)).toEqual([]);
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

/** db/citus.sql's statements in file order: foreign keys dropped, reference tables, distributed tables. */
function readCitusFile() {
  const text = fs
    .readFileSync(path.join(process.cwd(), 'db', 'citus.sql'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/--.*$/, ''))
    .join('\n');
  type Step =
    | { kind: 'drop'; table: string; constraint: string; at: number }
    | { kind: 'reference'; table: string; at: number }
    | { kind: 'distributed'; table: string; column: string; colocateWith: string | null; at: number };
  const steps: Step[] = [];
  for (const m of text.matchAll(/alter\s+table\s+(\w+)\s+drop\s+constraint\s+(\w+)/gi)) steps.push({ kind: 'drop', table: m[1]!, constraint: m[2]!, at: m.index });
  for (const m of text.matchAll(/create_reference_table\(\s*'(\w+)'\s*\)/g)) steps.push({ kind: 'reference', table: m[1]!, at: m.index });
  for (const m of text.matchAll(/create_distributed_table\(\s*'(\w+)'\s*,\s*'(\w+)'(?:\s*,\s*colocate_with\s*=>\s*'(\w+)')?\s*\)/g)) {
    steps.push({ kind: 'distributed', table: m[1]!, column: m[2]!, colocateWith: m[3] ?? null, at: m.index });
  }
  return steps.sort((a, b) => a.at - b.at);
}

describe('db/citus.sql (distributing the schema with Citus)', () => {
  const steps = readCitusFile();
  const declared = steps.filter((s) => s.kind !== 'drop');
  const position = (table: string) => declared.findIndex((s) => s.table === table);

  it('names every table of the live schema exactly once, and no other', () => {
    const live = tables.map((t) => t.name).sort();
    const names = declared.map((s) => s.table);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]); // twice
    expect(live.filter((n) => !names.includes(n))).toEqual([]); // missing
    expect(names.filter((n) => !live.includes(n))).toEqual([]); // stale
  });

  it('distributes tenant tables by tenant_id with tenants, and makes platform and routing tables reference tables', () => {
    const wrong: string[] = [];
    for (const t of tables) {
      const step = declared.find((s) => s.table === t.name);
      if (!step) continue; // reported above
      const got = step.kind === 'distributed' ? `distributed by ${step.column}${step.colocateWith ? ` with ${step.colocateWith}` : ''}` : 'reference';
      const want =
        t.name === 'tenants'
          ? 'distributed by id'
          : platformTables.has(t.name) || routingTables.has(t.name)
            ? 'reference'
            : t.hasTenantId
              ? 'distributed by tenant_id with tenants'
              : 'a kind of its own (add it to platformTables or routingTables first)';
      if (got !== want) wrong.push(`${t.name}: ${got}, should be ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  it('declares what a foreign key points at first, and drops the keys Citus refuses (reference → distributed)', () => {
    const kindOf = (table: string) => declared.find((s) => s.table === table)?.kind;
    const problems: string[] = [];
    for (const fk of fks) {
      if (fk.table === fk.refTable) continue;
      const dropped = steps.find((s) => s.kind === 'drop' && s.table === fk.table && s.constraint === fk.name);
      if (kindOf(fk.table) === 'reference' && kindOf(fk.refTable) === 'distributed') {
        if (!dropped) problems.push(`${fk.table}.${fk.name}: a reference table may not point at a distributed one; drop it`);
        else if (dropped.at > declared[position(fk.table)]!.at) problems.push(`${fk.table}.${fk.name}: dropped after the table was made a reference table`);
        continue;
      }
      if (dropped) problems.push(`${fk.table}.${fk.name}: dropped without need`);
      if (position(fk.refTable) > position(fk.table)) problems.push(`${fk.table} is declared before ${fk.refTable}, which its key ${fk.name} points at`);
    }
    // Every drop names a foreign key that exists.
    for (const s of steps) if (s.kind === 'drop' && !fks.some((fk) => fk.table === s.table && fk.name === s.constraint)) problems.push(`drops ${s.table}.${s.constraint}, which does not exist`);
    expect(problems).toEqual([]);
  });
});
