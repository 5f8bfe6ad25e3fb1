/**
 * The reader behind the sharding check (tests/support/tenant-filter.ts): statements as drizzle and
 * our raw SQL write them, each with the tenant tables it leaves unpinned.
 */
import { describe, expect, it } from 'vitest';
import { exceptionFor, fromApp, unscopedTenantTables } from '../support/tenant-filter';

const tenantTables = new Set(['memberships', 'personas', 'journeys', 'journey_stages', 'journey_versions', 'form_submissions', 'invites', 'audit_log']);
const check = (sql: string) => unscopedTenantTables(sql, tenantTables);

describe('unscopedTenantTables', () => {
  it('accepts a drizzle query that pins tenant_id to a parameter', () => {
    expect(check('select "id", "name" from "journeys" where ("journeys"."tenant_id" = $1 and "journeys"."id" = $2)')).toEqual([]);
    expect(check('update "journeys" set "name" = $1, "updated_at" = now() where ("journeys"."tenant_id" = $2 and "journeys"."id" = $3) returning "id"')).toEqual([]);
    expect(check('delete from "personas" where ("personas"."tenant_id" = $1 and "personas"."id" = $2)')).toEqual([]);
    expect(check('select count(*) from "personas" where "personas"."tenant_id" in ($1, $2)')).toEqual([]);
  });

  it('refuses a query that leaves the tenant to row-level security', () => {
    expect(check('select "id" from "journeys" where "journeys"."id" = $1')).toEqual(['journeys']);
    expect(check('delete from "personas" where "personas"."id" = $1')).toEqual(['personas']);
    // tenant_id in the select list or an update's SET is no filter
    expect(check('select "journeys"."tenant_id", "journeys"."id" from "journeys"')).toEqual(['journeys']);
    expect(check('update "journeys" set "tenant_id" = $1 where "journeys"."id" = $2')).toEqual(['journeys']);
  });

  it('follows co-located joins from a pinned table, and refuses a join pinned nowhere', () => {
    expect(
      check(
        'select "journeys"."id", "personas"."name" from "journeys" left join "personas" on ("personas"."tenant_id" = "journeys"."tenant_id" and "personas"."id" = "journeys"."persona_id") where "journeys"."tenant_id" = $1',
      ),
    ).toEqual([]);
    expect(
      check('select "journeys"."id" from "journeys" left join "personas" on "personas"."id" = "journeys"."persona_id" where "journeys"."tenant_id" = $1'),
    ).toEqual(['personas']);
    // The session load as it was: memberships by user, joined to tenants — every shard.
    expect(
      check(
        'select "memberships"."tenant_id", "tenants"."name", "memberships"."role" from "memberships" inner join "tenants" on "tenants"."id" = "memberships"."tenant_id" where "memberships"."user_id" = $1',
      ),
    ).toEqual(['memberships']);
    // … and pinned through tenants.id
    expect(
      check('select "memberships"."role" from "memberships" inner join "tenants" on "tenants"."id" = "memberships"."tenant_id" where ("memberships"."user_id" = $1 and "tenants"."id" = $2)'),
    ).toEqual([]);
  });

  it('reads raw SQL: aliases, casts, functions, correlated subqueries, rows', () => {
    expect(check(`select 1 from memberships m where m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`)).toEqual([]);
    expect(check('select 1 from invites i where $1::uuid = i.tenant_id and i.token_hash = $2')).toEqual([]);
    expect(check('select t.name from tenants t where t.id = $1 and exists (select 1 from memberships m where m.tenant_id = t.id and m.user_id = $2)')).toEqual([]);
    expect(check('select 1 from form_submissions f where (f.tenant_id, f.id) in (select tenant_id, id from form_submissions where tenant_id = $1)')).toEqual([]);
    expect(check('select exists (select 1 from audit_log where tenant_id = $1 and action = $2)')).toEqual([]);
  });

  it('finds each unpinned table of the onboarding checklist as it was', () => {
    const sql = `select
        exists (select 1 from personas where archived_at is null and age_range <> '' and location <> '' and active_times <> '') as audience,
        exists (select 1 from personas where archived_at is null) as persona,
        exists (select 1 from journey_stages where jsonb_array_length(lanes->'touchpoints') > 0) as touchpoints,
        exists (select 1 from journey_versions) as revision`;
    expect(check(sql).sort()).toEqual(['journey_stages', 'journey_versions', 'personas']);
    expect(check(sql.replaceAll('where archived_at', 'where tenant_id = $1 and archived_at').replace('from journey_versions', 'from journey_versions where tenant_id = $1').replace('where jsonb', 'where tenant_id = $1 and jsonb'))).toEqual([]);
  });

  it('reads drizzle relational queries (lateral joins under aliases)', () => {
    const sql =
      'select "journeys"."id", "journeys_stages"."data" as "stages" from "journeys" "journeys" left join lateral (select coalesce(json_agg(json_build_array("journeys_stages"."id")), \'[]\'::json) as "data" from (select * from "journey_stages" "journeys_stages" where "journeys_stages"."journey_id" = "journeys"."id" order by "journeys_stages"."position") "journeys_stages") "journeys_stages" on true where "journeys"."tenant_id" = $1';
    expect(check(sql)).toEqual(['journey_stages journeys_stages']);
    expect(check(sql.replace('where "journeys_stages"."journey_id"', 'where "journeys_stages"."tenant_id" = "journeys"."tenant_id" and "journeys_stages"."journey_id"'))).toEqual([]);
  });

  it('leaves inserts, platform tables and functions alone', () => {
    expect(check('insert into "form_submissions" ("tenant_id", "id", "created_at") values ($1, $2, default) on conflict do nothing returning "tenant_id"')).toEqual([]);
    expect(check('select "id" from "users" where lower("users"."email") = $1')).toEqual([]);
    expect(check('select jejak_prune_form_submissions($1::integer) as n')).toEqual([]);
    expect(check(`select extract(epoch from "journeys"."updated_at") from "journeys" where "journeys"."tenant_id" = $1`)).toEqual([]);
  });
});

describe('who asked', () => {
  it('tells the app from a test, and finds declared exceptions', () => {
    expect(fromApp(['lib/journeys/queries.ts:10 getJourney', 'tests/integration/x.test.ts:5'])).toBe(true);
    expect(fromApp(['tests/support/factory.ts:20 makeTenant'])).toBe(false);
    expect(exceptionFor(['lib/demo/seed.ts:40 seed'], ['personas'])?.reason).toMatch(/tooling/);
    expect(exceptionFor(['lib/journeys/queries.ts:10 getJourney'], ['journeys'])).toBeUndefined();
  });
});
