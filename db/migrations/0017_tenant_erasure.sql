-- Exporting and erasing a business (issue 12, item 5). Hand-written (drizzle-kit generate --custom).
--
-- jejak_admin reads counts, not contents (0013): it has no SELECT on what a business writes and
-- no DELETE anywhere. Two things the console must still do with a business's contents — give the
-- owner their data (UU PDP portability) and erase it (UU PDP erasure) — go through two narrow
-- SECURITY DEFINER functions owned by the owner (search_path pinned, EXECUTE for jejak_admin only),
-- and each works only inside the admin door's unit of work that recorded it: the transaction must
-- hold its own platform_audit row for that business and that action (`business.exported`,
-- `business.deleted`), which the door writes before the work (lib/admin/door.ts). So the database
-- itself refuses an export or an erasure that is not on the record.
--
-- Which tables hold a business's rows is read from the catalog on every call, not listed: every
-- table of the public schema with a tenant_id column (the routing tables review_link_routes and
-- testimonial_pages included), plus the business's row in tenants. A table added later is covered
-- without touching these functions. tests/integration/admin-erasure.test.ts, admin-export.test.ts.

-- The tables holding a business's rows, and the columns an export shows (secrets left out: hashes
-- of tokens, codes and passwords, which are no data of the owner's and would only help an attacker).
CREATE OR REPLACE FUNCTION jejak_tenant_tables()
RETURNS TABLE (table_name text, columns text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT c.relname::text,
         array_agg(a.attname::text ORDER BY a.attnum)
           FILTER (WHERE a.attname !~ '(_hash|^secret)$'
                   -- the admins' own notes on a business and which admin wrote them are not its data
                   AND NOT (c.relname = 'business_plans' AND a.attname IN ('notes', 'updated_by')))
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND (c.relname = 'tenants' OR EXISTS (
      SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped))
  GROUP BY c.relname
  ORDER BY c.relname
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_tenant_tables() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_tenant_tables() TO jejak_admin;
--> statement-breakpoint
-- Whether this transaction wrote the platform audit entry `p_action` about business `p_tenant`
-- (xmin: the row was inserted by this very transaction; created_at = now(): the transaction's start).
CREATE OR REPLACE FUNCTION jejak_audited_here(p_tenant uuid, p_action text)
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.platform_audit a
    WHERE a.target_tenant_id = p_tenant AND a.created_at = now() AND a.action = p_action
      AND a.xmin = pg_current_xact_id()::xid)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_audited_here(uuid, text) FROM PUBLIC;
--> statement-breakpoint
-- Forced row-level security applies to the tables' owner too (0002), and these functions run as the
-- owner: unless it is a superuser (PGlite, most development setups) it needs policies of its own.
-- They open exactly one business, the one a function is working on (set for the transaction by the
-- function itself), and memberships across businesses for reading only (to tell whose account
-- belongs elsewhere too). No other role gets anything from them.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
      AND c.relname IN (SELECT table_name FROM jejak_tenant_tables())
  LOOP
    EXECUTE format(
      'CREATE POLICY owner_tenant_work ON public.%I AS PERMISSIVE FOR ALL TO CURRENT_USER USING (%2$s = nullif(current_setting(''jejak.owner_tenant'', true), '''')::uuid) WITH CHECK (%2$s = nullif(current_setting(''jejak.owner_tenant'', true), '''')::uuid)',
      t, CASE WHEN t = 'tenants' THEN 'id' ELSE 'tenant_id' END);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY "owner_erasure_memberships" ON "memberships" AS PERMISSIVE FOR SELECT TO CURRENT_USER
  USING (nullif(current_setting('jejak.owner_tenant', true), '') IS NOT NULL);
--> statement-breakpoint
-- Fails loudly rather than quietly seeing nothing: an owner that row-level security applies to
-- (no superuser, no BYPASSRLS) needs owner_tenant_work, for itself, on every table with row-level
-- security that holds business rows (a table added later must get it in its migration).
CREATE OR REPLACE FUNCTION jejak_assert_owner_reach()
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  missing text;
BEGIN
  IF (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user) THEN
    RETURN;
  END IF;
  SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO missing
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relrowsecurity AND c.relname IN (SELECT t.table_name FROM public.jejak_tenant_tables() t)
    AND NOT EXISTS (
      SELECT 1 FROM pg_policy p
      WHERE p.polrelid = c.oid AND p.polname = 'owner_tenant_work'
        AND (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user) = ANY (p.polroles));
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'the owner % has no owner_tenant_work policy on: %', current_user, missing;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_assert_owner_reach() FROM PUBLIC;
--> statement-breakpoint
-- One page of a business's rows of one table, for the export: as JSON objects (the export's columns
-- only), in primary-key order, after the key `p_after` (the `next` of the previous page; null for
-- the first). `users`: the accounts of the business's members (no password hash). Refused unless
-- this transaction recorded the export of that business.
CREATE OR REPLACE FUNCTION jejak_export_rows(p_tenant uuid, p_table text, p_after text[], p_limit integer)
RETURNS TABLE (row_data jsonb, next text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
-- Each page must walk the primary key from the cursor, never read the rest of the business and sort
-- it (which statistics not yet updated after a large import can make the planner choose: a page
-- then costs the size of the business, and the export its square).
SET enable_sort = off
AS $$
DECLARE
  cols text[];
  pk text[];
  pk_types text[];
  hidden text[];
  key_col text;
  cond text := '';
  lim integer := least(greatest(coalesce(p_limit, 500), 1), 5000);
BEGIN
  IF NOT public.jejak_audited_here(p_tenant, 'business.exported') THEN
    RAISE EXCEPTION 'jejak_export_rows: no export of this business recorded in this transaction' USING ERRCODE = '42501';
  END IF;
  PERFORM public.jejak_assert_owner_reach();
  PERFORM set_config('jejak.owner_tenant', p_tenant::text, true);
  IF p_table = 'users' THEN
    RETURN QUERY
      SELECT jsonb_build_object('id', u.id, 'email', u.email, 'name', u.name, 'locale', u.locale, 'created_at', u.created_at),
             ARRAY[u.id::text]
      FROM public.users u
      WHERE u.id IN (SELECT m.user_id FROM public.memberships m WHERE m.tenant_id = p_tenant)
        AND (p_after IS NULL OR u.id > p_after[1]::uuid)
      ORDER BY u.id
      LIMIT lim;
    RETURN;
  END IF;
  SELECT t.columns INTO cols FROM public.jejak_tenant_tables() t WHERE t.table_name = p_table;
  IF cols IS NULL THEN
    RAISE EXCEPTION 'jejak_export_rows: % holds no business rows', p_table USING ERRCODE = '42P01';
  END IF;
  SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO hidden
  FROM pg_attribute a
  WHERE a.attrelid = format('public.%I', p_table)::regclass AND a.attnum > 0 AND NOT a.attisdropped AND NOT (a.attname::text = ANY (cols));
  SELECT array_agg(a.attname::text ORDER BY k.ord), array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord) INTO pk, pk_types
  FROM pg_index i
  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  WHERE i.indrelid = format('public.%I', p_table)::regclass AND i.indisprimary;
  IF pk IS NULL THEN
    RAISE EXCEPTION 'jejak_export_rows: % has no primary key to page by', p_table;
  END IF;
  key_col := CASE WHEN p_table = 'tenants' THEN 'id' ELSE 'tenant_id' END;
  IF p_after IS NOT NULL THEN
    SELECT format(' AND (%s) > (%s)',
                  string_agg(format('t.%I', c), ', ' ORDER BY o),
                  string_agg(format('($3)[%s]::%s', o, ty), ', ' ORDER BY o))
    INTO cond
    FROM unnest(pk, pk_types) WITH ORDINALITY AS x(c, ty, o);
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT to_jsonb(t) - $4, ARRAY[%s] FROM public.%I t WHERE t.%I = $1%s ORDER BY %s LIMIT $2',
    (SELECT string_agg(format('t.%I::text', c), ', ' ORDER BY o) FROM unnest(pk) WITH ORDINALITY AS x(c, o)),
    p_table, key_col, cond,
    (SELECT string_agg(format('t.%I', c), ', ' ORDER BY o) FROM unnest(pk) WITH ORDINALITY AS x(c, o)))
  USING p_tenant, lim, p_after, coalesce(hidden, '{}'::text[]);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_export_rows(uuid, text, text[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_export_rows(uuid, text, text[], integer) TO jejak_admin;
--> statement-breakpoint
-- Erases a business: every row of it in every table that holds business rows (read from the
-- catalog), its row in tenants, and the accounts of its members who belong to no other business
-- and are not platform admins (their sessions and reset links go with them, by cascade). In the
-- caller's transaction: all of it or nothing. Returns how many rows of the business each table
-- held (`users`: the accounts deleted). Refused unless this transaction recorded the deletion of
-- that business. The platform audit log has no foreign key to tenants: its entries about the
-- business stay.
--
-- Tables are emptied in whatever order their foreign keys allow: a delete refused by a key still
-- pointing at it (a table not yet emptied) is retried after the others. Deleting reviews updates
-- their rollups (0015), rows of this same business that the next pass removes. At the end not one
-- row of the business may remain anywhere, or the whole erasure fails.
CREATE OR REPLACE FUNCTION jejak_erase_tenant(p_tenant uuid)
RETURNS TABLE (table_name text, deleted bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tbl text;
  n bigint;
  left_over bigint;
  blocked integer;
  pass integer := 0;
  done jsonb := '{}'::jsonb;
  accounts uuid[];
BEGIN
  IF NOT public.jejak_audited_here(p_tenant, 'business.deleted') THEN
    RAISE EXCEPTION 'jejak_erase_tenant: no deletion of this business recorded in this transaction' USING ERRCODE = '42501';
  END IF;
  PERFORM public.jejak_assert_owner_reach();
  PERFORM set_config('jejak.owner_tenant', p_tenant::text, true);
  -- The business row first, locked: two erasures of one business queue, and the second finds nothing.
  PERFORM 1 FROM public.tenants t WHERE t.id = p_tenant FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT coalesce(array_agg(m.user_id), '{}') INTO accounts
  FROM public.memberships m JOIN public.users u ON u.id = m.user_id
  WHERE m.tenant_id = p_tenant AND NOT u.is_platform_admin
    AND NOT EXISTS (SELECT 1 FROM public.memberships o WHERE o.user_id = m.user_id AND o.tenant_id <> p_tenant);
  -- What there is to erase, per table (a cascade may take a table's rows before its own turn).
  FOR tbl IN SELECT t.table_name FROM public.jejak_tenant_tables() t WHERE t.table_name <> 'tenants' LOOP
    EXECUTE format('SELECT count(*) FROM public.%I WHERE tenant_id = $1', tbl) INTO n USING p_tenant;
    done := done || jsonb_build_object(tbl, n);
  END LOOP;
  LOOP
    pass := pass + 1;
    blocked := 0;
    left_over := 0;
    FOR tbl IN SELECT t.table_name FROM public.jejak_tenant_tables() t WHERE t.table_name <> 'tenants' LOOP
      BEGIN
        EXECUTE format('DELETE FROM public.%I WHERE tenant_id = $1', tbl) USING p_tenant;
      EXCEPTION WHEN foreign_key_violation THEN
        blocked := blocked + 1;
      END;
    END LOOP;
    -- What triggers may have written meanwhile is caught by the next pass.
    FOR tbl IN SELECT t.table_name FROM public.jejak_tenant_tables() t WHERE t.table_name <> 'tenants' LOOP
      EXECUTE format('SELECT count(*) FROM public.%I WHERE tenant_id = $1', tbl) INTO n USING p_tenant;
      left_over := left_over + n;
    END LOOP;
    EXIT WHEN blocked = 0 AND left_over = 0;
    IF pass >= 20 THEN
      RAISE EXCEPTION 'jejak_erase_tenant: rows of % remain after % passes', p_tenant, pass;
    END IF;
  END LOOP;
  DELETE FROM public.users u WHERE u.id = ANY (accounts);
  GET DIAGNOSTICS n = ROW_COUNT;
  done := done || jsonb_build_object('users', n);
  DELETE FROM public.tenants t WHERE t.id = p_tenant;
  GET DIAGNOSTICS n = ROW_COUNT;
  done := done || jsonb_build_object('tenants', n);
  FOR tbl IN SELECT t.table_name FROM public.jejak_tenant_tables() t WHERE t.table_name <> 'tenants' LOOP
    EXECUTE format('SELECT count(*) FROM public.%I WHERE tenant_id = $1', tbl) INTO n USING p_tenant;
    IF n > 0 THEN
      RAISE EXCEPTION 'jejak_erase_tenant: % rows of % remain in %', n, p_tenant, tbl;
    END IF;
  END LOOP;
  RETURN QUERY SELECT e.key, e.value::bigint FROM jsonb_each_text(done) e ORDER BY e.key;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION jejak_erase_tenant(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jejak_erase_tenant(uuid) TO jejak_admin;
