/**
 * How the session check (lib/auth/sessions.ts, run in next-auth's jwt callback) answers through
 * getServerSession, the path every page takes: a live session passes, a refused one reads as
 * signed out (null), and a database failure during the check is an error — not a sign-out.
 * The database is replaced here; tests/integration/user-sessions.test.ts runs it for real.
 */
import { randomUUID } from 'node:crypto';
import { getServerSession } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The check's one transaction answers the user it loaded (the session is live), or null.
const db = vi.hoisted(() => ({ answer: (): Promise<unknown> => Promise.resolve(null) }));
vi.mock('@/lib/core/tenancy', () => ({ withPlatform: () => db.answer(), withTenant: () => db.answer(), withUser: () => db.answer() }));

const { authOptions } = await import('@/lib/auth/options');
const { readSession } = await import('@/lib/auth/sessions');

const options = { ...authOptions, secret: 'unit-only-secret-0000000000000000000000' };
const uid = randomUUID();
const liveUser = { id: uid, email: 'rina@contoh.test', name: 'Rina', locale: 'id', isPlatformAdmin: false, sessionVersion: 1, tenant: null };

async function pageSession(claims: Record<string, unknown>) {
  const token = await encode({ token: { name: 'Rina', email: 'rina@contoh.test', ...claims }, secret: options.secret, maxAge: 3600 });
  const res = { getHeader: () => undefined, setHeader: () => {}, setCookie: () => {} };
  return (await readSession(() => getServerSession({ headers: {}, cookies: { 'next-auth.session-token': token } } as never, res as never, options))).session;
}

describe('a session read through getServerSession', () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  beforeEach(() => errors.mockClear());

  it('passes when the server still honours the session', async () => {
    db.answer = () => Promise.resolve(liveUser);
    expect(await pageSession({ uid, sv: 1, sid: randomUUID() })).toMatchObject({ uid, sv: 1 });
  });

  it('is null when it does not, without logging an error for it', async () => {
    db.answer = () => Promise.resolve(null);
    expect(await pageSession({ uid, sv: 1, sid: randomUUID() })).toBeNull();
    expect(errors).not.toHaveBeenCalled();
  });

  it('is null for a cookie from before sessions were recorded (no sid), without asking the database', async () => {
    const asked = vi.fn(() => Promise.resolve(liveUser));
    db.answer = asked;
    expect(await pageSession({ uid, sv: 1 })).toBeNull();
    expect(asked).not.toHaveBeenCalled();
  });

  it('throws the database error instead of reading as signed out', async () => {
    const failure = new Error('connection terminated');
    db.answer = () => Promise.reject(failure);
    await expect(pageSession({ uid, sv: 1, sid: randomUUID() })).rejects.toBe(failure);
  });
});
