/**
 * Signing out ends the session on the server (issue 7, item 2). next-auth's own handler is driven
 * in-process, as the browser drives /api/auth/* (CSRF token, password sign-in, session, sign-out),
 * with this app's options and the real database: a copied session cookie must be worth nothing
 * once its session was signed out, signed out everywhere, or ended by a password change or a
 * removal from the team — /api/auth/session answers `{}` for it, as for no session at all, and
 * getServerSession (what every page reads through lib/auth/session.ts) answers null.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import NextAuth, { getServerSession, type NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { getConnection } from '@/db/client';
import { auditLog, userSessions } from '@/db/schema';
import { changePassword, revokeSessions, signUp } from '@/lib/accounts/accounts';
import { authOptions } from '@/lib/auth/options';
import { readSession } from '@/lib/auth/sessions';
import { createInvite, removeMember } from '@/lib/team/team';
import { inTenant, withTenant } from '@/lib/core/tenancy';

const password = 'teh tarik pakai es batu';
const origin = 'http://jejak.test';
const SESSION_COOKIE = 'next-auth.session-token';
// The suite has no NEXTAUTH_SECRET; next-auth would derive one from the options. A fixed one keeps
// the tokens this file encodes itself readable by the handler.
const options: NextAuthOptions = { ...authOptions, secret: authOptions.secret ?? 'integration-only-secret-000000000000000' };

/** A fresh documentation-range IP per sign-in: files share one database, so per-IP limits must not carry over. */
const freshIp = () => `198.51.100.${randomInt(1, 255)}`;

type Jar = Map<string, string>;

interface Answer {
  status: number;
  body: unknown;
  location?: string;
  setCookies: string[];
}

/** One request to /api/auth/<action…>, the way the app's route handler passes it to next-auth. */
async function authRequest(path: string[], jar: Jar, opts: { method?: 'GET' | 'POST'; body?: Record<string, string>; ip?: string } = {}): Promise<Answer> {
  const out: Answer = { status: 200, body: undefined, setCookies: [] };
  const headerMap = new Map<string, unknown>();
  const req = {
    query: { nextauth: path },
    body: opts.body,
    method: opts.method ?? 'GET',
    cookies: Object.fromEntries(jar),
    headers: { host: 'jejak.test', 'x-forwarded-for': opts.ip ?? freshIp(), 'content-type': 'application/x-www-form-urlencoded' },
  };
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    getHeader: (k: string) => headerMap.get(k.toLowerCase()),
    setHeader(k: string, v: unknown) {
      headerMap.set(k.toLowerCase(), v);
      return res;
    },
    json(b: unknown) {
      out.body = b;
    },
    send(b: unknown) {
      out.body = typeof b === 'string' && b.startsWith('{') ? JSON.parse(b) : b;
    },
    end() {},
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, o: NextAuthOptions) => Promise<void>)(req, res, options);
  const cookies = headerMap.get('set-cookie');
  out.setCookies = Array.isArray(cookies) ? (cookies as string[]) : typeof cookies === 'string' ? [cookies] : [];
  out.location = headerMap.get('location') as string | undefined;
  for (const c of out.setCookies) {
    const [pair, ...attrs] = c.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = decodeURIComponent(pair!.slice(eq + 1));
    const expired = attrs.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
  return out;
}

async function csrf(jar: Jar): Promise<string> {
  const r = await authRequest(['csrf'], jar);
  return (r.body as { csrfToken: string }).csrfToken;
}

/** Signs in with the password form's request; returns the browser's cookie jar. */
async function signIn(email: string, pw = password): Promise<Jar> {
  const jar: Jar = new Map();
  const csrfToken = await csrf(jar);
  const r = await authRequest(['callback', 'credentials'], jar, { method: 'POST', body: { csrfToken, email, password: pw, json: 'true' } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(jar.get(SESSION_COOKIE), 'session cookie after signing in').toBeTruthy();
  return jar;
}

async function signOut(jar: Jar) {
  const csrfToken = await csrf(jar);
  return authRequest(['signout'], jar, { method: 'POST', body: { csrfToken, callbackUrl: '/sign-in', json: 'true' } });
}

/** GET /api/auth/session with a copy of the cookies: the copied cookie, replayed. */
async function sessionOf(jar: Jar) {
  return authRequest(['session'], new Map(jar));
}

/** What a page sees: getServerSession, as lib/auth/session.ts calls it. */
async function pageSessionOf(jar: Jar) {
  const headers = new Map<string, unknown>();
  const res = { getHeader: (k: string) => headers.get(k), setHeader: (k: string, v: unknown) => headers.set(k, v), setCookie() {} };
  return getServerSession({ headers: { host: 'jejak.test' }, cookies: Object.fromEntries(jar) } as never, res as never, options);
}

async function newAccount() {
  const email = `sesi-${randomUUID().slice(0, 8)}@test.example`;
  const { tenantId, userId } = await signUp({
    name: 'Rina',
    businessName: `Laundry Rina ${randomUUID().slice(0, 6)}`,
    businessType: 'laundry',
    city: 'Medan',
    timeZone: 'Asia/Jakarta',
    email,
    password,
    locale: 'id',
  });
  return { email, tenantId, userId };
}

/** Rows past row-level security (the test connection owns the tables). */
async function sessionRows(userId: string) {
  const { db } = await getConnection();
  return db.select().from(userSessions).where(eq(userSessions.userId, userId));
}

async function auditActions(tenantId: string, userId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.actorUserId, userId))));
  return rows.map((r) => r.action);
}

function clearsSessionCookie(a: Answer) {
  return a.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=;`) && /expires=Thu, 01 Jan 1970|max-age=0/i.test(c));
}

describe('a sign-in', () => {
  it('records a session on the server, and its cookie opens /api/auth/session', async () => {
    const { email, userId } = await newAccount();
    const before = Date.now();
    const jar = await signIn(email);
    const rows = await sessionRows(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).toBeNull();
    // As long as the cookie: 14 days.
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 14 * 24 * 3600_000 - 60_000);
    expect(rows[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 14 * 24 * 3600_000 + 60_000);
    const s = await sessionOf(jar);
    expect(s.body).toMatchObject({ uid: userId, user: { email } });
    expect(await pageSessionOf(jar)).toMatchObject({ uid: userId });
  });

  it('starts in the account’s first business; the check loads the user and that business in its one query', async () => {
    const { email, userId, tenantId } = await newAccount();
    const jar = await signIn(email);
    expect((await sessionOf(jar)).body).toMatchObject({ uid: userId, tid: tenantId });
    // What getSession (lib/auth/session.ts) reads: the session and what its check loaded on the way.
    const { session, user } = await readSession(() => pageSessionOf(jar));
    expect(session).toMatchObject({ uid: userId, tid: tenantId });
    expect(user).toMatchObject({ id: userId, email, sessionVersion: 1, tenant: { tenantId, role: 'owner' } });
    // A refused session loads nothing.
    await revokeSessions(userId);
    expect(await readSession(() => pageSessionOf(jar))).toEqual({ session: null, user: undefined });
  });

  it('on two devices gives two sessions', async () => {
    const { email, userId } = await newAccount();
    await signIn(email);
    await signIn(email);
    expect(await sessionRows(userId)).toHaveLength(2);
  });
});

describe('signing out', () => {
  it('ends the session on the server: the copied cookie gets {} and no page session, and the sign-out is audited', async () => {
    const { email, userId, tenantId } = await newAccount();
    const jar = await signIn(email);
    const copied = new Map(jar);
    const out = await signOut(jar);
    expect((out.body as { url: string }).url).toMatch(/^https?:\/\/[^/]+\/sign-in$/);
    const rows = await sessionRows(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).not.toBeNull();
    const replay = await sessionOf(copied);
    expect(replay.body).toEqual({});
    expect(clearsSessionCookie(replay), replay.setCookies.join('\n')).toBe(true);
    expect(await pageSessionOf(copied)).toBeNull();
    expect(await auditActions(tenantId, userId)).toContain('auth.sign_out');
  });

  it('on one device leaves the other signed in', async () => {
    const { email, userId } = await newAccount();
    const phone = await signIn(email);
    const laptop = await signIn(email);
    await signOut(phone);
    expect((await sessionOf(laptop)).body).toMatchObject({ uid: userId });
  });
});

describe('a session ended some other way gets {} too', () => {
  it('by a password change', async () => {
    const { email, userId } = await newAccount();
    const jar = await signIn(email);
    await changePassword(userId, password, 'kata sandi baru yang panjang', null);
    expect((await sessionOf(jar)).body).toEqual({});
    expect(await pageSessionOf(jar)).toBeNull();
  });

  it('by revoking the account’s sessions (what a removal from the team does)', async () => {
    const { email, userId } = await newAccount();
    const jar = await signIn(email);
    await revokeSessions(userId);
    expect((await sessionOf(jar)).body).toEqual({});
  });

  it('by a removal from the team', async () => {
    const owner = await newAccount();
    const invite = await inTenant({ tenantId: owner.tenantId, userId: owner.userId }, (db) => createInvite(db, 'staff'));
    const { acceptInviteAsNewUser } = await import('@/lib/team/team');
    const staffEmail = `staf-${randomUUID().slice(0, 8)}@test.example`;
    const { userId: staffId } = await acceptInviteAsNewUser(owner.tenantId, invite.token, { name: 'Staf', email: staffEmail, password, locale: 'id' });
    const jar = await signIn(staffEmail);
    expect((await sessionOf(jar)).body).toMatchObject({ uid: staffId });
    await inTenant({ tenantId: owner.tenantId, userId: owner.userId }, (db) => removeMember(db, staffId));
    expect((await sessionOf(jar)).body).toEqual({});
  });

  it('and a session from before sessions were recorded (no sid in the cookie) counts as signed out', async () => {
    const { email, userId } = await newAccount();
    const old = await encode({ token: { uid: userId, sv: 1, name: 'Rina', email }, secret: options.secret!, maxAge: 14 * 24 * 3600 });
    const jar: Jar = new Map([[SESSION_COOKIE, old]]);
    expect((await sessionOf(jar)).body).toEqual({});
    expect(await pageSessionOf(jar)).toBeNull();
  });

  it('and so does a cookie naming an unknown session, another user’s session, an expired one, or no valid id', async () => {
    const a = await newAccount();
    const b = await newAccount();
    await signIn(b.email);
    const [bRow] = await sessionRows(b.userId);
    const { db } = await getConnection();
    const expiredId = randomUUID();
    await db.insert(userSessions).values({ id: expiredId, userId: a.userId, expiresAt: new Date(Date.now() - 1000) });
    for (const sid of [randomUUID(), bRow!.id, expiredId, 'not-a-uuid', '']) {
      const token = await encode({ token: { uid: a.userId, sv: 1, sid, name: 'Rina', email: a.email }, secret: options.secret!, maxAge: 3600 });
      expect((await sessionOf(new Map([[SESSION_COOKIE, token]]))).body, `sid ${sid}`).toEqual({});
    }
  });
});

describe('signing out everywhere', () => {
  it('ends every session of the account, and only that account’s; signing in again works', async () => {
    const { signOutEverywhere } = await import('@/lib/auth/sessions');
    const me = await newAccount();
    const other = await newAccount();
    const phone = await signIn(me.email);
    const laptop = await signIn(me.email);
    const someoneElse = await signIn(other.email);
    await signOutEverywhere({ userId: me.userId, ip: '203.0.113.5' });
    expect((await sessionOf(phone)).body).toEqual({});
    expect((await sessionOf(laptop)).body).toEqual({});
    expect((await sessionRows(me.userId)).every((r) => r.revokedAt !== null)).toBe(true);
    expect((await sessionOf(someoneElse)).body).toMatchObject({ uid: other.userId });
    expect(await auditActions(me.tenantId, me.userId)).toContain('auth.signed_out_everywhere');
    const again = await signIn(me.email);
    expect((await sessionOf(again)).body).toMatchObject({ uid: me.userId });
  });
});

describe('next-auth redirects', () => {
  it('go only to paths on this site, whatever the callbackUrl', async () => {
    const redirect = options.callbacks?.redirect;
    expect(redirect, 'a redirect callback').toBeTypeOf('function');
    const to = (url: string) => redirect!({ url, baseUrl: origin });
    expect(await to('/sign-in')).toBe(`${origin}/sign-in`);
    expect(await to(`${origin}/journeys?x=1`)).toBe(`${origin}/journeys?x=1`);
    for (const evil of ['/\t/evil.example', '/\t\\evil.example', '//evil.example', 'https://evil.example/', '/.//evil.example', 'https://[evil.example']) {
      const target = new URL(await to(evil), origin);
      expect(target.origin, JSON.stringify(evil)).toBe(origin);
      expect(target.pathname, JSON.stringify(evil)).toBe('/dashboard');
    }
  });
});
