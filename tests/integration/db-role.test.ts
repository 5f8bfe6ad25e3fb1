/**
 * The database role is a boundary, not a convention: SQL that runs on the app's connection
 * (think of an injection) cannot step out of it. As `jejak_app` (both databases) it cannot read
 * password hashes, make anyone a platform admin, or rewrite the audit log; on PostgreSQL the app
 * connects as a login role that is no superuser, owns nothing and cannot bypass row-level
 * security, so `RESET ROLE` gives nothing back. Sign-in and password change still work, through
 * two narrow SECURITY DEFINER functions.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConnection, inspectRole, openConnection, queryRows } from '@/db/client';
import { auditLog } from '@/db/schema';
import { authenticate, changePassword, loadSessionUser, SignInError, signUp } from '@/lib/accounts/accounts';
import { env } from '@/lib/core/env';
import { withPlatform, withTenant } from '@/lib/core/tenancy';
import { attempt, DENIED } from '../support/sql-attempt';
import { makeTenant } from '../support/factory';

const onPostgres = Boolean(env.DATABASE_URL);
const password = 'kopi tubruk tanpa gula';



let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  a = await makeTenant('Warung Peran A');
  b = await makeTenant('Warung Peran B');
  await withTenant(a.id, (tx) => tx.insert(auditLog).values({ tenantId: a.id, action: 'test.kept' }));
  await withTenant(b.id, (tx) => tx.insert(auditLog).values({ tenantId: b.id, action: 'test.secret' }));
});

describe('jejak_app, the role every request runs as', () => {
  it('cannot read password hashes, but reads the other columns of users', async () => {
    const r = await withPlatform(async (tx) => ({
      hash: await attempt(tx, sql`select password_hash from users limit 1`),
      star: await attempt(tx, sql`select * from users limit 1`),
      where: await attempt(tx, sql`select id from users where password_hash like '$argon2%'`),
      others: await attempt(tx, sql`select id, email, name, locale, is_platform_admin, session_version, created_at from users limit 1`),
    }));
    expect(r).toEqual({ hash: DENIED, star: DENIED, where: DENIED, others: 'ok' });
  });

  it('cannot make anyone a platform admin, by update or by insert', async () => {
    const r = await withPlatform(async (tx) => ({
      promote: await attempt(tx, sql`update users set is_platform_admin = true where id = ${a.owner.id}`),
      insert: await attempt(
        tx,
        sql`insert into users (id, email, name, password_hash, is_platform_admin) values (${randomUUID()}, ${`admin-${randomUUID()}@evil.test`}, 'Evil', 'x', true)`,
      ),
      rehash: await attempt(tx, sql`update users set password_hash = 'x' where id = ${a.owner.id}`),
      email: await attempt(tx, sql`update users set email = 'taken@evil.test' where id = ${a.owner.id}`),
      // What the app does change: name, language, session version.
      allowed: await attempt(tx, sql`update users set name = name, locale = locale, session_version = session_version where id = ${a.owner.id}`),
    }));
    expect(r).toEqual({ promote: DENIED, insert: DENIED, rehash: DENIED, email: DENIED, allowed: 'ok' });
    const me = await loadSessionUser(a.owner.id);
    expect(me?.isPlatformAdmin).toBe(false);
  });

  it('adds to the audit log but cannot change or delete its rows', async () => {
    const r = await withTenant(a.id, async (tx) => ({
      insert: await attempt(tx, sql`insert into audit_log (tenant_id, action) values (${a.id}, 'test.added')`),
      update: await attempt(tx, sql`update audit_log set action = 'test.rewritten' where tenant_id = ${a.id}`),
      delete: await attempt(tx, sql`delete from audit_log where tenant_id = ${a.id}`),
      truncate: await attempt(tx, sql`truncate audit_log`),
    }));
    expect(r).toEqual({ insert: 'ok', update: DENIED, delete: DENIED, truncate: DENIED });
    const actions = await withTenant(a.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog));
    expect(actions.map((x) => x.action)).toContain('test.kept');
    expect(actions.map((x) => x.action)).not.toContain('test.rewritten');
  });

  it("cannot touch the admin console's tables: the admins' second factor and the platform audit log (migration 0013)", async () => {
    const r = await withPlatform(async (tx) => {
      const out: Record<string, string> = {};
      for (const table of ['admin_totp', 'admin_recovery_codes', 'platform_audit']) {
        out[`${table} select`] = await attempt(tx, sql`select count(*) from ${sql.identifier(table)}`);
        out[`${table} delete`] = await attempt(tx, sql`delete from ${sql.identifier(table)}`);
      }
      return out;
    });
    expect(Object.values(r)).toEqual(Array(6).fill(DENIED));
  });

  it('reaches password hashes only through jejak_password_hash: one account per exact email, pinned search_path, not for PUBLIC', async () => {
    const { db } = await getConnection();
    const fns = await queryRows<{ name: string; definer: boolean; config: string[] | null; publicExec: boolean; appExec: boolean }>(
      db,
      sql`select p.proname as name, p.prosecdef as definer, p.proconfig as config,
                 exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x where x.grantee = 0) as "publicExec",
                 has_function_privilege('jejak_app', p.oid, 'EXECUTE') as "appExec"
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proname in ('jejak_password_hash', 'jejak_set_password') order by 1`,
    );
    expect(fns.map((f) => f.name)).toEqual(['jejak_password_hash', 'jejak_set_password']);
    for (const f of fns) {
      expect(f).toMatchObject({ definer: true, publicExec: false, appExec: true });
      expect(f.config?.some((c) => /^search_path=/.test(c))).toBe(true);
    }
    const rows = await withPlatform(async (tx) => ({
      exact: await queryRows<{ id: string }>(tx, sql`select id from jejak_password_hash(${a.owner.email.toUpperCase()})`),
      wildcard: await queryRows<{ id: string }>(tx, sql`select id from jejak_password_hash('%')`),
      unknown: await queryRows<{ id: string }>(tx, sql`select id from jejak_password_hash('nobody@nowhere.test')`),
    }));
    expect(rows).toEqual({ exact: [{ id: a.owner.id }], wildcard: [], unknown: [] });
  });

  it('changes a password only through jejak_set_password, for the transaction\'s own user', async () => {
    // With no user set for the transaction, nothing changes.
    const none = await withPlatform((tx) => queryRows<{ v: number | null }>(tx, sql`select jejak_set_password('x', '$argon2id$v=19$whatever') as v`));
    expect(none).toEqual([{ v: null }]);
  });

  it('sign-in and password change still work', async () => {
    const email = `peran-${randomUUID().slice(0, 8)}@test.example`;
    const { userId } = await signUp({ name: 'Peran', businessName: 'Usaha Peran', businessType: 'warung', city: 'Solo', timeZone: 'Asia/Jakarta', email, password, locale: 'id' });
    expect(await authenticate(email, password, null)).toEqual({ id: userId, email, name: 'Peran', sessionVersion: 1 });
    await expect(authenticate(email, 'bukan kata sandinya', null)).rejects.toBeInstanceOf(SignInError);
    await changePassword(userId, password, 'teh poci gula batu', null);
    expect(await authenticate(email, 'teh poci gula batu', null)).toMatchObject({ id: userId, sessionVersion: 2 });
    await expect(authenticate(email, password, null)).rejects.toBeInstanceOf(SignInError);
  });
});

describe.skipIf(!onPostgres)('the login role on PostgreSQL (PGlite has one user, a superuser: there SET ROLE is the only wall)', () => {
  it('connects as a login role that is no superuser, owns no table, has no BYPASSRLS and can switch to no role that has', async () => {
    const { db } = await getConnection();
    const [who] = await queryRows<{ session: string; super: boolean; bypass: boolean; login: boolean; createrole: boolean; createdb: boolean; owns: number; memberOf: string[] }>(
      db,
      sql`select session_user as session, r.rolsuper as super, r.rolbypassrls as bypass, r.rolcanlogin as login,
                 r.rolcreaterole as createrole, r.rolcreatedb as createdb,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owns,
                 array(select g.rolname::text from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid order by 1) as "memberOf"
          from pg_roles r where r.rolname = session_user`,
    );
    expect(who).toMatchObject({ super: false, bypass: false, login: true, createrole: false, createdb: false, owns: 0, memberOf: ['jejak_app'] });
    expect(await inspectRole(db)).toEqual({ role: who!.session, superuser: false, bypassRls: false, ownsTables: false });
  });

  it('after RESET ROLE: no other tenant, no hash, no promotion, no audit edits, no way up', async () => {
    const r = await withTenant(a.id, async (tx) => {
      await tx.execute(sql`reset role`);
      const [me] = await queryRows<{ who: string }>(tx, sql`select current_user as who`);
      return {
        who: me?.who,
        tenants: (await queryRows<{ id: string }>(tx, sql`select id from tenants`)).map((t) => t.id),
        audit: (await queryRows<{ tenant_id: string }>(tx, sql`select distinct tenant_id from audit_log`)).map((t) => t.tenant_id),
        hash: await attempt(tx, sql`select password_hash from users`),
        promote: await attempt(tx, sql`update users set is_platform_admin = true where id = ${a.owner.id}`),
        auditUpdate: await attempt(tx, sql`update audit_log set action = 'x' where tenant_id = ${a.id}`),
        auditDelete: await attempt(tx, sql`delete from audit_log where tenant_id = ${a.id}`),
        noForce: await attempt(tx, sql`alter table tenants no force row level security`),
        disable: await attempt(tx, sql`alter table tenants disable row level security`),
        setRolePostgres: await attempt(tx, sql`set role postgres`),
        setRoleAdmin: await attempt(tx, sql`set role jejak_admin`),
        adminSecrets: await attempt(tx, sql`select secret from admin_totp`),
        setSessionAuth: await attempt(tx, sql`set session authorization postgres`),
      };
    });
    expect(r.who).not.toBe('jejak_app');
    expect(r).toMatchObject({
      tenants: [a.id],
      audit: [a.id],
      hash: DENIED,
      promote: DENIED,
      auditUpdate: DENIED,
      auditDelete: DENIED,
      noForce: DENIED,
      disable: DENIED,
      setRolePostgres: DENIED,
      setRoleAdmin: DENIED,
      adminSecrets: DENIED,
      setSessionAuth: DENIED,
    });
    // With no tenant set, RESET ROLE shows no tenant at all.
    const none = await withPlatform(async (tx) => {
      await tx.execute(sql`reset role`);
      return queryRows<{ n: number }>(tx, sql`select (select count(*) from tenants)::int + (select count(*) from audit_log)::int as n`);
    });
    expect(none).toEqual([{ n: 0 }]);
    expect(b.id).not.toBe(a.id);
  });

  describe('the login role is created by migrating, from DATABASE_URL', () => {
    const role = `Jejak "Web" ${randomUUID().slice(0, 6)}`;
    const ownerUrl = env.MIGRATION_DATABASE_URL!;
    const asOwner = () => postgres(ownerUrl, { max: 1, onnotice: () => {} });

    afterAll(async () => {
      const owner = asOwner();
      try {
        await owner.unsafe(`drop role if exists "${role.replaceAll('"', '""')}"`);
      } finally {
        await owner.end();
      }
    });

    it('with its password, LOGIN, a member of jejak_app and nothing else; then the app works as it', async () => {
      const url = new URL(env.DATABASE_URL!);
      url.username = encodeURIComponent(role);
      url.password = encodeURIComponent("pa'ss\\word");
      const conn = await openConnection({ databaseUrl: url.toString(), migrationUrl: ownerUrl });
      try {
        expect(await inspectRole(conn.db)).toMatchObject({ role, superuser: false, bypassRls: false, ownsTables: false });
      } finally {
        await conn.close();
      }
      const owner = asOwner();
      try {
        const [r] = await owner`select r.rolcanlogin as login, r.rolsuper as super, r.rolinherit as inherit, r.rolcreaterole as createrole,
                                       r.rolcreatedb as createdb, r.rolreplication as replication, r.rolbypassrls as bypass,
                                       a.rolpassword is not null as "hasPassword",
                                       array(select g.rolname::text from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid) as "memberOf"
                                from pg_roles r left join pg_authid a on a.oid = r.oid where r.rolname = ${role}`;
        expect(r).toEqual({ login: true, super: false, inherit: true, createrole: false, createdb: false, replication: false, bypass: false, hasPassword: true, memberOf: ['jejak_app'] });
      } finally {
        await owner.end();
      }
    });
  });

  describe('the start-up check', () => {
    const saved = { ...env };
    afterAll(() => {
      Object.assign(env, saved);
    });

    it('reports a superuser connection as able to bypass row-level security', async () => {
      const superuser = await openConnection({ databaseUrl: env.MIGRATION_DATABASE_URL, roleCheck: 'warn' });
      try {
        expect(await inspectRole(superuser.db)).toMatchObject({ superuser: true, bypassRls: true, ownsTables: true });
      } finally {
        await superuser.close();
      }
    });

    it('refuses a superuser DATABASE_URL in production unless ALLOW_RLS_BYPASS=1', async () => {
      Object.assign(env, { NODE_ENV: 'production', ALLOW_RLS_BYPASS: '0' });
      await expect(openConnection({ databaseUrl: env.MIGRATION_DATABASE_URL })).rejects.toThrow(/can bypass row-level security.*ALLOW_RLS_BYPASS=1/s);
      Object.assign(env, { ALLOW_RLS_BYPASS: '1' });
      const conn = await openConnection({ databaseUrl: env.MIGRATION_DATABASE_URL });
      await conn.close();
      // The login role passes in production.
      Object.assign(env, { ALLOW_RLS_BYPASS: '0' });
      const app = await openConnection();
      await app.close();
    });
  });
});
