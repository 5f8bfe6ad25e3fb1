/**
 * The sharding check's plumbing (issue 8, item 7): with DB_STATEMENT_CAPTURE=1 (as vitest.config.ts
 * sets it for these suites) every statement through the app's connection is recorded with the code
 * that built it — also when the query runs later, from a microtask — and `breaches` holds the
 * app's statements to the rule. The rule itself is read by tests/unit/tenant-filter.test.ts; the
 * check after every file is tests/support/tenant-filter-check.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { personas } from '@/db/schema';
import { takeCapturedStatements, type CapturedStatement } from '@/db/statement-capture';
import { env } from '@/lib/core/env';
import { withTenant } from '@/lib/core/tenancy';
import { checkLimit } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import { makeTenant } from '../support/factory';
import { breaches } from '../support/tenant-filter-check';

const capturing = env.DB_STATEMENT_CAPTURE === '1';
const find = (all: CapturedStatement[], part: string) => all.filter((s) => s.sql.includes(part));

describe.skipIf(!capturing)('statement capture', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = (await makeTenant('Usaha Sharding')).id;
  });

  it('records each statement with the code that built it, through awaits and transactions', async () => {
    takeCapturedStatements();
    await withTenant(tenantId, (tx) => tx.select({ id: personas.id }).from(personas).where(eq(personas.tenantId, tenantId)));
    await checkLimit(limits.linkGuessPerAddress, '192.0.2.77');
    const all = takeCapturedStatements();

    const [mine] = find(all, 'from "personas"');
    expect(mine?.frames[0]).toMatch(/^tests\/integration\/tenant-filter\.test\.ts:\d+/);
    const [limiter] = find(all, 'from "rate_limit_events"');
    expect(limiter?.frames[0]).toMatch(/^lib\/rate-limit\/limiter\.ts:\d+ stateIn$/);
    // The tenant of the transaction, set by the one door.
    expect(find(all, "set_config('app.tenant_id'")[0]?.frames[0]).toMatch(/^lib\/core\/tenancy\.ts:/);
  });

  it('holds the app to the rule, not a test, and honours the declared exceptions', async () => {
    const unpinned = 'select "personas"."id" from "personas" where "personas"."id" = $1';
    const pinned = 'select "personas"."id" from "personas" where ("personas"."tenant_id" = $1 and "personas"."id" = $2)';
    const found = await breaches([
      { sql: unpinned, frames: ['lib/personas/queries.ts:10 getPersona'], count: 1 },
      { sql: pinned, frames: ['lib/personas/queries.ts:20 listPersonas'], count: 1 },
      { sql: unpinned, frames: ['tests/integration/personas.test.ts:30'], count: 1 },
      { sql: unpinned, frames: ['lib/demo/seed.ts:40 seed'], count: 1 },
    ]);
    takeCapturedStatements(); // the catalog read
    expect(found.map((b) => [b.statement.frames[0], b.tables])).toEqual([['lib/personas/queries.ts:10 getPersona', ['personas']]]);
  });
});
