CREATE TABLE "admin_recovery_codes" (
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "admin_recovery_codes_user_id_code_hash_pk" PRIMARY KEY("user_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "admin_totp" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolled_at" timestamp with time zone,
	"last_used_step" bigint
);
--> statement-breakpoint
CREATE TABLE "platform_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"target_tenant_id" uuid,
	"reason" text NOT NULL,
	"ip" "inet",
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "last_active_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_recovery_codes" ADD CONSTRAINT "admin_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_totp" ADD CONSTRAINT "admin_totp_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_audit_time_idx" ON "platform_audit" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "platform_audit_actor_idx" ON "platform_audit" USING btree ("actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_audit_target_idx" ON "platform_audit" USING btree ("target_tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_audit_action_idx" ON "platform_audit" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "tenants_name_idx" ON "tenants" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "tenants_created_idx" ON "tenants" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "tenants_last_active_idx" ON "tenants" USING btree ("last_active_at","id");--> statement-breakpoint
CREATE INDEX "tenants_search_idx" ON "tenants" USING gin (to_tsvector('simple'::regconfig, "name" || ' ' || "city"));--> statement-breakpoint
CREATE INDEX "users_email_prefix_idx" ON "users" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------
-- The platform admin console (issue 12). Hand-written from here on (drizzle-kit wrote the above).
--
-- The admin door's role. Admin work runs as `jejak_admin` (lib/admin/door.ts, SET LOCAL ROLE in
-- each transaction) on a connection of its own: MIGRATION_DATABASE_URL's owner (else
-- DATABASE_URL's role when one URL serves both; PGlite's superuser). The request path's login role
-- is a member of jejak_app only, so nothing running on it, an injection included, can SET ROLE to
-- jejak_admin: the tenant path cannot use the admin door's reach. jejak_admin owns nothing, cannot
-- bypass row-level security and logs in nowhere; what it may read across businesses is granted
-- below, column by column: counts, not contents (admins do not browse reviews, personas or
-- journeys: the database itself refuses them those columns). tests/integration/admin-door.test.ts.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jejak_admin') THEN
    BEGIN
      CREATE ROLE jejak_admin NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object THEN NULL; -- another database's migration made it meanwhile
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'jejak_admin', 'MEMBER') THEN
    EXECUTE format('GRANT jejak_admin TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO jejak_admin;
--> statement-breakpoint
-- The second factor and the platform audit log are out of the request path's reach altogether
-- (0000's default privileges gave jejak_app everything on new tables).
REVOKE ALL ON TABLE "admin_totp", "admin_recovery_codes", "platform_audit" FROM jejak_app, PUBLIC;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "admin_totp" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON TABLE "admin_recovery_codes" TO jejak_admin;
--> statement-breakpoint
GRANT UPDATE ("used_at") ON TABLE "admin_recovery_codes" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT, INSERT ON TABLE "platform_audit" TO jejak_admin;
--> statement-breakpoint
-- What the console reads across businesses.
GRANT SELECT ("id", "name", "business_type", "city", "time_zone", "default_locale", "created_at", "updated_at", "last_active_at") ON TABLE "tenants" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT ("tenant_id", "user_id", "role", "created_at") ON TABLE "memberships" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT ("id", "email", "name", "locale", "is_platform_admin", "session_version", "created_at") ON TABLE "users" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT ("id", "user_id", "created_at", "expires_at", "revoked_at", "second_factor_at") ON TABLE "user_sessions" TO jejak_admin;
--> statement-breakpoint
GRANT UPDATE ("second_factor_at") ON TABLE "user_sessions" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT ("tenant_id") ON TABLE "personas", "journeys", "review_links" TO jejak_admin;
--> statement-breakpoint
GRANT SELECT ("tenant_id", "created_at") ON TABLE "reviews" TO jejak_admin;
--> statement-breakpoint
-- Forced row-level security applies to jejak_admin as to everyone: a read-only policy of its own
-- on each tenant table it counts in.
CREATE POLICY "admin_read" ON "tenants" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_read" ON "memberships" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_read" ON "personas" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_read" ON "journeys" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_read" ON "review_links" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_read" ON "reviews" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
-- The second factor of a session is set by the admin door only. jejak_app keeps what it uses of
-- user_sessions: UPDATE of revoked_at (sign-out); INSERT stays table-wide (drizzle names every
-- column), so a trigger refuses a new row that claims a second factor from anyone who may not set it.
REVOKE UPDATE ON TABLE "user_sessions" FROM jejak_app;
--> statement-breakpoint
GRANT UPDATE ("revoked_at") ON TABLE "user_sessions" TO jejak_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jejak_user_sessions_factor_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT has_column_privilege('public.user_sessions', 'second_factor_at', 'UPDATE') THEN
    RAISE EXCEPTION 'permission denied to mark a session as second-factor verified' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER user_sessions_factor_guard BEFORE INSERT ON "user_sessions" FOR EACH ROW WHEN (NEW.second_factor_at IS NOT NULL) EXECUTE FUNCTION jejak_user_sessions_factor_guard();
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_user_sessions_factor_guard() FROM PUBLIC;
--> statement-breakpoint
-- The platform audit log is append-only for everyone: no role has UPDATE or DELETE on it, and this
-- trigger refuses them (and TRUNCATE) even to the table's owner and superusers. Removing it is a
-- schema change, made by a migration, in the open.
CREATE OR REPLACE FUNCTION jejak_platform_audit_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit is append-only: % refused', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON "platform_audit" FOR EACH ROW EXECUTE FUNCTION jejak_platform_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER platform_audit_no_truncate BEFORE TRUNCATE ON "platform_audit" FOR EACH STATEMENT EXECUTE FUNCTION jejak_platform_audit_append_only();
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_platform_audit_append_only() FROM PUBLIC;
--> statement-breakpoint
-- A business's last activity: the time of its newest audit entry (sign-ins, edits), to the minute.
-- Runs as whoever writes the audit row, inside that business's own transaction (row-level security
-- lets it update its own business only); at most one update a minute per business.
CREATE OR REPLACE FUNCTION jejak_tenant_activity() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  UPDATE public.tenants SET last_active_at = NEW.created_at
  WHERE id = NEW.tenant_id AND last_active_at < NEW.created_at - interval '1 minute';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_tenant_activity AFTER INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION jejak_tenant_activity();
--> statement-breakpoint
-- Existing businesses: their newest audit entry, else their creation. Forced row-level security
-- would hide every row from a non-superuser owner: lifted for this one statement.
ALTER TABLE "tenants" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE "tenants" t SET "last_active_at" = coalesce((SELECT max(a."created_at") FROM "audit_log" a WHERE a."tenant_id" = t."id"), t."created_at");
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
