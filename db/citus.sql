-- Distributing Jejak's schema with Citus (docs/scaling.md, "Moving to Citus").
--
-- Run once, as the owner role, on the Citus coordinator of a database that already holds the
-- migrated schema (npm run db:migrate) and its data, during a maintenance window, after
-- `CREATE EXTENSION citus;` and `SELECT citus_add_node(…)` for the workers. Not a drizzle
-- migration: the single-node databases (development, PGlite, tests) never run it.
--
-- Every table of the live schema is named here exactly once, as one of two kinds, and
-- tests/integration/schema-rules.test.ts fails when that stops being true (a new table missing, a
-- tenant table declared as a reference table, a dropped table still listed, an order Citus would
-- refuse):
--   * tenant tables: distributed by tenant_id, co-located with tenants (distributed by its id), so
--     one business's rows live on one shard group and every request-path query (each names
--     tenant_id: tests/support/tenant-filter-check.ts) is routed to a single node;
--   * platform and routing tables: reference tables, a full copy on every node, read before any
--     business is known (accounts, sessions, rate limits, the admin console's own tables, and the
--     slug → business routing tables of the public pages).
--
-- Not checked here because Citus is not packaged for this machine: that Citus accepts every
-- statement on the schema as it is. docs/scaling.md lists what to verify on a staging cluster.

-- The rollup triggers on reviews (migration 0015) write review_stage_days, a co-located table in
-- the same shard group: Citus allows such triggers on distributed tables only with this switch
-- (docs/architecture.md, "Dashboards: the rollups"). Set it for the database, so every session of
-- the coordinator and workers has it.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET citus.enable_unsafe_triggers = on', current_database()); END $$;
SET citus.enable_unsafe_triggers = on;

-- A reference table may not point at a distributed table. The routing tables' foreign keys to
-- tenants go; a business's routing rows are still removed with it by the erasure function
-- (migration 0017 deletes from every table with tenant_id, the routing tables included).
ALTER TABLE review_link_routes DROP CONSTRAINT review_link_routes_tenant_id_tenants_id_fk;
ALTER TABLE testimonial_pages DROP CONSTRAINT testimonial_pages_tenant_id_tenants_id_fk;

-- Reference tables first: distributed tables point at users.
SELECT create_reference_table('users');
SELECT create_reference_table('user_sessions');
SELECT create_reference_table('rate_limit_events');
SELECT create_reference_table('admin_totp');
SELECT create_reference_table('admin_recovery_codes');
SELECT create_reference_table('platform_audit');
SELECT create_reference_table('password_reset_links');
SELECT create_reference_table('review_link_routes');
SELECT create_reference_table('testimonial_pages');

-- The distribution root, then every tenant table in its group, parents before children.
SELECT create_distributed_table('tenants', 'id');
SELECT create_distributed_table('memberships', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('invites', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('business_plans', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('audit_log', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('form_submissions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('personas', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('journeys', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('journey_stages', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('journey_versions', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('journey_share_links', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('funnel_counts', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('review_links', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('reviews', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('review_stage_days', 'tenant_id', colocate_with => 'tenants');
