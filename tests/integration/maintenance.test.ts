/**
 * Housekeeping (issue 8, item 8): `npm run maintenance` deletes what has aged out and nothing
 * else, two runs at once both succeed and leave the same result, and a run after them finds
 * nothing. Runs as the app's login role, as from cron (on PostgreSQL: the suite's DATABASE_URL).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getConnection, queryRows } from '@/db/client';
import { formSubmissions, rateLimitEvents, userSessions } from '@/db/schema';
import { withPlatform, withTenant } from '@/lib/core/tenancy';
import {
  FORM_SUBMISSION_RETENTION_DAYS,
  RATE_LIMIT_SLACK_MS,
  longestLimitWindowMs,
  runMaintenance,
  type TableReport,
} from '@/lib/maintenance/run';
import { makeTenant, makeUser } from '../support/factory';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

/** Aged and fresh rows in each table; returns the ids of both kinds. */
async function plant() {
  const bucket = `maintenance_test_${randomUUID().slice(0, 8)}`;
  const rateAge = longestLimitWindowMs() + RATE_LIMIT_SLACK_MS;
  const events = await withPlatform((tx) =>
    tx
      .insert(rateLimitEvents)
      .values([
        { bucket, key: 'old', at: ago(rateAge + 5 * 60 * 1000) },
        { bucket, key: 'old', at: ago(3 * DAY) },
        { bucket, key: 'fresh', at: ago(rateAge - 5 * 60 * 1000) },
        { bucket, key: 'fresh', at: new Date() },
      ])
      .returning({ id: rateLimitEvents.id, key: rateLimitEvents.key }),
  );

  const tenant = await makeTenant('Usaha Bersih-bersih');
  const other = await makeTenant('Usaha Lain');
  const submissions = { old: [] as string[], fresh: [] as string[] };
  for (const t of [tenant, other]) {
    const rows = [
      { age: (FORM_SUBMISSION_RETENTION_DAYS + 1) * DAY, kind: 'old' as const },
      { age: 30 * DAY, kind: 'old' as const },
      { age: (FORM_SUBMISSION_RETENTION_DAYS - 1) * DAY, kind: 'fresh' as const },
      { age: 0, kind: 'fresh' as const },
    ].map((r) => ({ ...r, id: randomUUID() }));
    await withTenant(t.id, (tx) => tx.insert(formSubmissions).values(rows.map((r) => ({ tenantId: t.id, id: r.id, createdAt: ago(r.age) }))));
    for (const r of rows) submissions[r.kind].push(r.id);
  }

  const user = await makeUser();
  const sessionRows = [
    { kind: 'old', expiresAt: ago(2 * DAY), revokedAt: null },
    { kind: 'old', expiresAt: new Date(Date.now() + 10 * DAY), revokedAt: ago(2 * DAY) },
    { kind: 'fresh', expiresAt: ago(HOUR), revokedAt: null }, // expired within the grace day
    { kind: 'fresh', expiresAt: new Date(Date.now() + 10 * DAY), revokedAt: ago(HOUR) },
    { kind: 'fresh', expiresAt: new Date(Date.now() + 10 * DAY), revokedAt: null }, // live
  ] as const;
  const sessions = { old: [] as string[], fresh: [] as string[] };
  for (const s of sessionRows) {
    const [row] = await withPlatform((tx) =>
      tx.insert(userSessions).values({ userId: user.id, expiresAt: s.expiresAt, revokedAt: s.revokedAt }).returning({ id: userSessions.id }),
    );
    sessions[s.kind].push(row!.id);
  }

  return {
    events: { old: events.filter((e) => e.key === 'old').map((e) => e.id), fresh: events.filter((e) => e.key === 'fresh').map((e) => e.id) },
    submissions,
    sessions,
    tenants: [tenant.id, other.id],
  };
}

type Planted = Awaited<ReturnType<typeof plant>>;

/** Which of the planted ids are still there (each tenant's submissions read inside that tenant). */
async function remaining(p: Planted) {
  const all = (x: { old: string[]; fresh: string[] }) => [...x.old, ...x.fresh];
  const events = await withPlatform((tx) => tx.select({ id: rateLimitEvents.id }).from(rateLimitEvents).where(inArray(rateLimitEvents.id, all(p.events))));
  const sessions = await withPlatform((tx) => tx.select({ id: userSessions.id }).from(userSessions).where(inArray(userSessions.id, all(p.sessions))));
  const submissions: string[] = [];
  for (const tenantId of p.tenants) {
    const rows = await withTenant(tenantId, (tx) =>
      tx
        .select({ id: formSubmissions.id })
        .from(formSubmissions)
        .where(and(eq(formSubmissions.tenantId, tenantId), inArray(formSubmissions.id, all(p.submissions)))),
    );
    submissions.push(...rows.map((r) => r.id));
  }
  const sorted = (ids: { id: string }[] | string[]) => ids.map((x) => (typeof x === 'string' ? x : x.id)).sort();
  return { events: sorted(events), submissions: sorted(submissions), sessions: sorted(sessions) };
}

const removed = (reports: TableReport[][], table: string) =>
  reports.flat().filter((r) => r.table === table).reduce((n, r) => n + r.removed, 0);

describe('maintenance', () => {
  it('removes aged rows of every table, across tenants, and keeps the fresh ones', async () => {
    const p = await plant();
    const lines: string[] = [];
    const report = await runMaintenance({ log: (l) => lines.push(l) });

    expect(await remaining(p)).toEqual({
      events: [...p.events.fresh].sort(),
      submissions: [...p.submissions.fresh].sort(),
      sessions: [...p.sessions.fresh].sort(),
    });
    expect(report.map((r) => r.table)).toEqual(['rate_limit_events', 'form_submissions', 'user_sessions']);
    expect(removed([report], 'rate_limit_events')).toBeGreaterThanOrEqual(p.events.old.length);
    expect(removed([report], 'form_submissions')).toBeGreaterThanOrEqual(p.submissions.old.length);
    expect(removed([report], 'user_sessions')).toBeGreaterThanOrEqual(p.sessions.old.length);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^maintenance: form_submissions: removed \d+ \(older than 7 days\)$/);
  });

  it('two runs at once both succeed, in small batches, with the same result; a third finds nothing', async () => {
    const p = await plant();
    const runs = await Promise.all([runMaintenance({ batchSize: 1 }), runMaintenance({ batchSize: 1 })]);

    expect(await remaining(p)).toEqual({
      events: [...p.events.fresh].sort(),
      submissions: [...p.submissions.fresh].sort(),
      sessions: [...p.sessions.fresh].sort(),
    });
    // Each aged row was deleted exactly once, by one run or the other.
    expect(removed(runs, 'rate_limit_events')).toBeGreaterThanOrEqual(p.events.old.length);
    expect(removed(runs, 'form_submissions')).toBeGreaterThanOrEqual(p.submissions.old.length);
    expect(removed(runs, 'user_sessions')).toBeGreaterThanOrEqual(p.sessions.old.length);

    const again = await runMaintenance();
    expect(again.map((r) => [r.table, r.removed, r.more])).toEqual([
      ['rate_limit_events', 0, false],
      ['form_submissions', 0, false],
      ['user_sessions', 0, false],
    ]);
  });

  it('the app role can prune only what has aged: the retention is fixed in the function', async () => {
    const { db } = await getConnection();
    const [fn] = await queryRows<{ definer: boolean; config: string[] | null; publicExec: boolean; appExec: boolean }>(
      db,
      sql`select p.prosecdef as definer, p.proconfig as config,
                 exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x where x.grantee = 0) as "publicExec",
                 has_function_privilege('jejak_app', p.oid, 'EXECUTE') as "appExec"
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proname = 'jejak_prune_form_submissions'`,
    );
    expect(fn).toMatchObject({ definer: true, publicExec: false, appExec: true });
    expect(fn?.config?.some((c) => /^search_path=/.test(c))).toBe(true);

    const p = await plant();
    // Called as the request path could call it (jejak_app), with the largest batch it allows.
    await withPlatform((tx) => queryRows(tx, sql`select jejak_prune_form_submissions(100000)`));
    const left = await remaining(p);
    expect(left.submissions).toEqual([...p.submissions.fresh].sort());
    // ... and sees no tenant's rows outside a tenant, aged or not.
    const seen = await withPlatform((tx) => tx.select({ id: formSubmissions.id }).from(formSubmissions).where(inArray(formSubmissions.id, p.submissions.fresh)));
    expect(seen).toEqual([]);
  });

  it('npm run maintenance prints what it removed and exits 0; a database it cannot reach exits non-zero', () => {
    const script = ['tsx', 'scripts/maintenance.ts'];
    // The suite's own settings: on PostgreSQL its database, as its login role; on PGlite an
    // in-memory database of the script's own (the suite's lives in this process).
    const ok = spawnSync('npx', script, { encoding: 'utf8', env: process.env, timeout: 60_000 });
    expect(ok.stderr).not.toMatch(/failed/);
    expect(ok.status).toBe(0);
    for (const table of ['rate_limit_events', 'form_submissions', 'user_sessions']) {
      expect(ok.stdout).toMatch(new RegExp(`^maintenance: ${table}: removed \\d+ \\(`, 'm'));
    }

    const bad = spawnSync('npx', script, {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'postgres://nobody:x@127.0.0.1:9/jejak', MIGRATION_DATABASE_URL: '', DB_CONNECT_TIMEOUT_S: '2' },
      timeout: 60_000,
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/maintenance failed/);
  });
});
