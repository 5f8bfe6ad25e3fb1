/**
 * Setup file of the integration and actions suites (vitest.config.ts): after each test file, every
 * statement the app's code ran through the database door during it (db/statement-capture.ts) is
 * held to the sharding rule of tests/support/tenant-filter.ts. Tenant tables are read from the
 * live catalog: a table with a tenant_id column. Statements a test runs itself (its own look-ups,
 * the factory) are not the request path and are left alone; declared exceptions are in
 * tests/support/tenant-filter.ts with their reasons. A breach fails the file's afterAll with the
 * statement and the code that built it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { getConnection, queryRows } from '@/db/client';
import { takeCapturedStatements, type CapturedStatement } from '@/db/statement-capture';
import { env } from '@/lib/core/env';
import { exceptionFor, fromApp, unscopedTenantTables } from './tenant-filter';

async function tenantTables(): Promise<Set<string>> {
  const { db } = await getConnection();
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          -- tenant tables carry their RLS; a routing table (review_link_routes) points at a business
          -- without being one, and is read by its key before any business is known
          and c.relrowsecurity
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
  );
  return new Set(rows.map((r) => r.name));
}

export interface Breach {
  statement: CapturedStatement;
  tables: string[];
}

/** The statements of the app that break the rule, exceptions aside. */
export async function breaches(statements: CapturedStatement[]): Promise<Breach[]> {
  const candidates = statements.filter((s) => fromApp(s.frames));
  if (!candidates.length) return [];
  const tables = await tenantTables();
  const out: Breach[] = [];
  for (const statement of candidates) {
    const unscoped = unscopedTenantTables(statement.sql, tables);
    if (unscoped.length && !exceptionFor(statement.frames, unscoped)) out.push({ statement, tables: unscoped });
  }
  return out;
}

export function describeBreach(b: Breach): string {
  const where = b.statement.frames.length ? b.statement.frames.slice(0, 3).join(' ← ') : '(origin unknown)';
  const text = b.statement.sql.replace(/\s+/g, ' ');
  return `${where}\n    leaves ${b.tables.join(', ')} to row-level security (ran ${b.statement.count}×): ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`;
}

if (env.DB_STATEMENT_CAPTURE === '1') {
  beforeAll(() => {
    takeCapturedStatements(); // whatever an earlier file left behind
  });

  afterAll(async () => {
    const found = await breaches(takeCapturedStatements());
    takeCapturedStatements(); // the catalog read above
    if (found.length) {
      throw new Error(
        `${found.length} tenant-table quer${found.length === 1 ? 'y' : 'ies'} on the request path name no tenant_id ` +
          `(the sharding rule, tests/support/tenant-filter.ts):\n  ${found.map(describeBreach).join('\n  ')}`,
      );
    }
  });
}
