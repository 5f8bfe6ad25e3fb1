-- Housekeeping (issue 8, item 8): `npm run maintenance` (lib/maintenance/run.ts) prunes duplicate-
-- submit ids (form_submissions) once they are a week old: a retry after a week is no double tap.
--
-- How the job reaches every tenant's old rows. form_submissions is a tenant table with FORCEd
-- row-level security, and its only policy is for jejak_app inside one tenant. The owner URL
-- (withOwnerDatabase) does not help: FORCE applies to the owner too, and a non-superuser owner
-- (the README's jejak_owner) has no policy, so it sees no rows at all and a prune through it would
-- quietly delete nothing in production (only a superuser or BYPASSRLS role gets past FORCE). Nor
-- should cron hosts need the owner's password. So: one narrow SECURITY DEFINER function, called by
-- the app's own login role through withPlatform. It deletes at most one batch of rows older than
-- the retention and returns how many; the retention is fixed here, so a caller (an injection
-- included) can remove nothing the job would not remove anyway. The function runs as the owner,
-- which under FORCE needs a policy of its own: it sees (and may delete) aged rows only, and may
-- write none. FOR UPDATE SKIP LOCKED lets two runs at once share the work instead of queueing on
-- each other's rows. tests/integration/maintenance.test.ts checks both databases.
CREATE POLICY "maintenance_prune_aged" ON "form_submissions" AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING ("created_at" < now() - interval '7 days') WITH CHECK (false);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jejak_prune_form_submissions(p_limit integer)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  WITH doomed AS (
    SELECT f.tenant_id, f.id
    FROM public.form_submissions f
    WHERE f.created_at < now() - interval '7 days'
    LIMIT least(greatest(coalesce(p_limit, 1), 1), 10000)
    FOR UPDATE SKIP LOCKED
  ), gone AS (
    DELETE FROM public.form_submissions f
    USING doomed d
    WHERE f.tenant_id = d.tenant_id AND f.id = d.id
    RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_prune_form_submissions(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_prune_form_submissions(integer) TO jejak_app;
