-- The role every request runs as (SET LOCAL ROLE jejak_app inside each transaction).
-- It owns no table and has no BYPASSRLS, so row-level security applies to it.
-- Roles are cluster-wide: create it only once, whatever database this is.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jejak_app') THEN
    CREATE ROLE jejak_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- The connecting role must be able to switch to it.
  IF NOT pg_has_role(current_user, 'jejak_app', 'MEMBER') THEN
    EXECUTE format('GRANT jejak_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO jejak_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jejak_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO jejak_app;
