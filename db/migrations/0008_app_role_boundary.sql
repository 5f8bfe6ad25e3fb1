-- The app role is a boundary, not only a convention (issue 7, item 5). Whatever SQL runs as
-- jejak_app (an injection included) cannot read password hashes, make anyone a platform admin,
-- or rewrite the audit log. tests/integration/db-role.test.ts proves each.
--
-- users: column privileges. No table-level SELECT (so no password_hash, and `select *` fails);
-- UPDATE only on what the app changes. A column added to users later is NOT readable by
-- jejak_app until a migration grants it: that is on purpose.
REVOKE SELECT, UPDATE, DELETE ON TABLE "users" FROM jejak_app;
--> statement-breakpoint
GRANT SELECT ("id", "email", "name", "locale", "is_platform_admin", "session_version", "created_at") ON TABLE "users" TO jejak_app;
--> statement-breakpoint
GRANT UPDATE ("name", "locale", "session_version") ON TABLE "users" TO jejak_app;
--> statement-breakpoint
-- INSERT stays table-wide (sign-up and invites create accounts; drizzle names every column in an
-- INSERT), so a trigger refuses a new platform admin from anyone who may not set the flag.
CREATE OR REPLACE FUNCTION jejak_users_admin_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.is_platform_admin AND NOT has_column_privilege('public.users', 'is_platform_admin', 'UPDATE') THEN
    RAISE EXCEPTION 'permission denied to create a platform admin' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_admin_guard ON "users";
--> statement-breakpoint
CREATE TRIGGER users_admin_guard BEFORE INSERT ON "users" FOR EACH ROW WHEN (NEW.is_platform_admin) EXECUTE FUNCTION jejak_users_admin_guard();
--> statement-breakpoint
-- The audit log is append-only for the app. (Deleting a tenant still cascades to its rows:
-- foreign-key actions run as the table owner.)
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "audit_log" FROM jejak_app;
--> statement-breakpoint
-- Sign-in: the id, hash and session version of exactly one account, by email (case-insensitive,
-- no patterns). SECURITY DEFINER runs it as the owner of users; search_path is pinned so no
-- object of the caller's can stand in for pg_catalog's.
CREATE OR REPLACE FUNCTION jejak_password_hash(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text, session_version integer)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.id, u.email, u.name, u.password_hash, u.session_version
  FROM public.users u
  WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_password_hash(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_password_hash(text) TO jejak_app;
--> statement-breakpoint
-- Password change: only for the user set in app.user_id for the transaction (lib/tenancy.ts
-- withUser), only if the hash is still the one the app verified the current password against
-- (two changes racing: one wins), only to an argon2 hash; ends the user's other sessions.
-- Returns the new session version, or NULL when nothing changed.
CREATE OR REPLACE FUNCTION jejak_set_password(p_current_hash text, p_new_hash text)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  UPDATE public.users u
  SET password_hash = p_new_hash, session_version = u.session_version + 1
  WHERE u.id = nullif(current_setting('app.user_id', true), '')::uuid
    AND u.password_hash = p_current_hash
    AND p_new_hash LIKE '$argon2%'
  RETURNING u.session_version
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_set_password(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_set_password(text, text) TO jejak_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_users_admin_guard() FROM PUBLIC;
