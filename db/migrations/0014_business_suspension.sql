ALTER TABLE "tenants" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------
-- Suspending a business (issue 12, item 5). Hand-written from here on (drizzle-kit wrote the above).
--
-- Only the admin door (jejak_admin) sets or clears a suspension. jejak_app reads the two columns
-- (the session's membership, the public pages) but may not change them: its table-wide UPDATE on
-- tenants becomes column privileges on what the app does change (the business's settings; the
-- last-activity trigger of 0013). A column added to tenants later is NOT writable by jejak_app
-- until a migration grants it: that is on purpose. tests/integration/admin-suspension.test.ts.
REVOKE UPDATE ON TABLE "tenants" FROM jejak_app;
--> statement-breakpoint
GRANT UPDATE ("name", "business_type", "city", "time_zone", "logo_url", "default_locale", "updated_at", "last_active_at") ON TABLE "tenants" TO jejak_app;
--> statement-breakpoint
-- INSERT stays table-wide (sign-up creates the business; drizzle names every column), so a trigger
-- refuses a new business that is born suspended from anyone who may not suspend one.
CREATE OR REPLACE FUNCTION jejak_tenants_suspension_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT has_column_privilege('public.tenants', 'suspended_at', 'UPDATE') THEN
    RAISE EXCEPTION 'permission denied to create a suspended business' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tenants_suspension_guard BEFORE INSERT ON "tenants" FOR EACH ROW WHEN (NEW.suspended_at IS NOT NULL OR NEW.suspended_reason IS NOT NULL) EXECUTE FUNCTION jejak_tenants_suspension_guard();
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_tenants_suspension_guard() FROM PUBLIC;
--> statement-breakpoint
-- The admin door reads the suspension and sets or clears it, and nothing else of a business.
GRANT SELECT ("suspended_at", "suspended_reason") ON TABLE "tenants" TO jejak_admin;
--> statement-breakpoint
GRANT UPDATE ("suspended_at", "suspended_reason") ON TABLE "tenants" TO jejak_admin;
--> statement-breakpoint
CREATE POLICY "admin_suspend" ON "tenants" AS PERMISSIVE FOR UPDATE TO jejak_admin USING (true) WITH CHECK (true);
