CREATE TABLE "password_reset_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "business_plans" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"plan" text,
	"max_review_links" integer,
	"max_reviews_per_month" integer,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "business_plans_max_review_links_range" CHECK ("business_plans"."max_review_links" between 0 and 1000000),
	CONSTRAINT "business_plans_max_reviews_range" CHECK ("business_plans"."max_reviews_per_month" between 0 and 10000000)
);
--> statement-breakpoint
ALTER TABLE "business_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "password_reset_links" ADD CONSTRAINT "password_reset_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_links_token_key" ON "password_reset_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_reset_links_user_idx" ON "password_reset_links" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "business_plans" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("business_plans"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("business_plans"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------
-- Plan limits and one-time password-reset links (issue 12, item 5). Hand-written from here on
-- (drizzle-kit wrote the above). tests/integration/admin-limits.test.ts, password-reset.test.ts.
--
-- business_plans: a business's plan, limits and the admins' notes. Row-level security applies even
-- to the owner (see 0002). Only the admin door (jejak_admin) writes it; jejak_app reads its own
-- business's plan and limits (to enforce them) and nothing else: not the notes, and no INSERT,
-- UPDATE or DELETE (0000's default privileges gave it everything on new tables).
ALTER TABLE "business_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON TABLE "business_plans" FROM jejak_app, PUBLIC;
--> statement-breakpoint
GRANT SELECT ("tenant_id", "plan", "max_review_links", "max_reviews_per_month") ON TABLE "business_plans" TO jejak_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON TABLE "business_plans" TO jejak_admin;
--> statement-breakpoint
CREATE POLICY "admin_read" ON "business_plans" AS PERMISSIVE FOR SELECT TO jejak_admin USING (true);
--> statement-breakpoint
CREATE POLICY "admin_insert" ON "business_plans" AS PERMISSIVE FOR INSERT TO jejak_admin WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY "admin_update" ON "business_plans" AS PERMISSIVE FOR UPDATE TO jejak_admin USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The console shows a business's use of its monthly review limit, counted as the app counts it
-- (spam does not count): a review's status, not its content.
GRANT SELECT ("status") ON TABLE "reviews" TO jejak_admin;
--> statement-breakpoint
-- password_reset_links: out of the request path's reach altogether. The admin door issues links
-- (and voids the earlier unused ones); the public reset page only calls the two functions below.
REVOKE ALL ON TABLE "password_reset_links" FROM jejak_app, PUBLIC;
--> statement-breakpoint
GRANT SELECT, INSERT ON TABLE "password_reset_links" TO jejak_admin;
--> statement-breakpoint
GRANT UPDATE ("voided_at") ON TABLE "password_reset_links" TO jejak_admin;
--> statement-breakpoint
-- The account a reset token opens, if the token is live (unused, not voided, not expired): for the
-- reset page to show its form (and the email, for password managers). By the token's SHA-256 only.
CREATE OR REPLACE FUNCTION jejak_password_reset_account(p_token_hash text)
RETURNS TABLE (account_id uuid, email text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.id, u.email
  FROM public.password_reset_links l JOIN public.users u ON u.id = l.user_id
  WHERE l.token_hash = p_token_hash AND l.used_at IS NULL AND l.voided_at IS NULL AND l.expires_at > now()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_password_reset_account(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_password_reset_account(text) TO jejak_app;
--> statement-breakpoint
-- Uses a live reset token, once: marks it used (two uses racing: the row lock lets one win), voids
-- the user's other unused links, sets the new password (an argon2 hash only), bumps the session
-- version and revokes every session of the user. Returns the account and its new session version,
-- or no row when the token is unknown, used, voided or expired (nothing changes then).
CREATE OR REPLACE FUNCTION jejak_use_password_reset(p_token_hash text, p_new_hash text)
RETURNS TABLE (account_id uuid, new_session_version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_user uuid;
BEGIN
  IF p_new_hash IS NULL OR p_new_hash NOT LIKE '$argon2%' THEN
    RETURN;
  END IF;
  UPDATE public.password_reset_links l SET used_at = now()
  WHERE l.token_hash = p_token_hash AND l.used_at IS NULL AND l.voided_at IS NULL AND l.expires_at > now()
  RETURNING l.user_id INTO v_user;
  IF v_user IS NULL THEN
    RETURN;
  END IF;
  UPDATE public.password_reset_links l SET voided_at = now()
  WHERE l.user_id = v_user AND l.used_at IS NULL AND l.voided_at IS NULL;
  UPDATE public.user_sessions s SET revoked_at = now()
  WHERE s.user_id = v_user AND s.revoked_at IS NULL;
  RETURN QUERY
    UPDATE public.users u SET password_hash = p_new_hash, session_version = u.session_version + 1
    WHERE u.id = v_user
    RETURNING u.id, u.session_version;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_use_password_reset(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_use_password_reset(text, text) TO jejak_app;
