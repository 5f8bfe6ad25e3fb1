/**
 * Every server action of the admin console (found by reading app/(admin) for 'use server' modules,
 * so a new one is covered without being listed) refuses every identity that is not a platform
 * admin — signed out, an owner, staff, and a platform admin's request carrying
 * `x-middleware-subrequest` — with the 404, before reading the form, and writes nothing. Actions of
 * the console proper refuse a platform admin without the second factor too; the second-factor
 * step's own actions are what such an admin uses, and are run here end to end with real codes.
 *
 * The session is read as the app reads it: next-auth's jwt callback check (lib/auth/sessions.ts)
 * runs on every read, so a session's server-side row decides; only Next's request plumbing is mocked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { memberships, userSessions } from '@/db/schema';
import { pendingEnrolment } from '@/lib/admin/factor';
import { createUserSession } from '@/lib/auth/sessions';
import { idleState, type ActionState } from '@/lib/core/action-state';
import { withTenant } from '@/lib/core/tenancy';
import { actorFor, makeAdmin, verifySession } from '../support/admin';
import { makeTenant, makeUser } from '../support/factory';

const request = vi.hoisted(() => ({
  session: null as null | { uid: string; sv: number; sid: string },
  extraHeaders: {} as Record<string, string>,
}));

vi.mock('next-auth', async (original) => {
  const real = await original<typeof import('next-auth')>();
  return {
    ...real,
    // As next-auth does: the jwt callback checks the session (it throws for a refused one), then the session.
    getServerSession: async () => {
      if (!request.session) return null;
      const { assertSessionActive } = await import('@/lib/auth/sessions');
      try {
        await assertSessionActive(request.session);
      } catch {
        return null;
      }
      return { uid: request.session.uid, sv: request.session.sv };
    },
  };
});
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.9', ...request.extraHeaders }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  unstable_rethrow: (err: unknown) => {
    if (err instanceof Redirected || (err instanceof Error && err.message === 'NEXT_NOT_FOUND')) throw err;
  },
}));

class Redirected extends Error {
  constructor(public readonly to: string) {
    super(`redirected to ${to}`);
  }
}

type Action = (prev: ActionState<unknown>, fd: FormData) => Promise<ActionState<unknown>>;

const adminDir = path.join(process.cwd(), 'app', '(admin)');

function serverModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serverModules(full);
    return /\.tsx?$/.test(e.name) && /^\s*['"]use server['"]/.test(fs.readFileSync(full, 'utf8')) ? [full] : [];
  });
}

async function discover(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  for (const file of serverModules(adminDir)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') found.set(`${rel}#${name}`, value as Action);
  }
  return found;
}

/** The second-factor step's actions: the only ones an admin without the second factor may use. */
const isFactorStep = (key: string) => key.includes('/(factor)/');

/** A form each action would take from an admin (valid in shape: the refusal must come first regardless). */
const form = { code: '123456', recoveryCode: 'aaaa-bbbb-cccc-dddd' };

async function call(action: Action, fields: Record<string, string>): Promise<ActionState<unknown> | 'not found' | Redirected> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  try {
    return await action(idleState, fd);
  } catch (err) {
    if (err instanceof Error && err.message === 'NEXT_NOT_FOUND') return 'not found';
    if (err instanceof Redirected) return err;
    throw err;
  }
}

async function signedIn(userId: string, opts: { verified?: boolean } = {}) {
  const actor = await actorFor(userId);
  if (opts.verified) await verifySession(actor);
  return { uid: userId, sv: 1, sid: actor.sessionId, actor };
}

/** What a refused action must not have touched: the admin tables, and the factor attempts counted. */
async function footprint(): Promise<string> {
  return withOwnerDatabase(async (db) =>
    JSON.stringify(
      await queryRows(
        db,
        sql`select (select count(*)::int from platform_audit) as audit, (select count(*)::int from admin_totp) as totp,
                   (select count(*)::int from admin_recovery_codes) as codes,
                   (select count(*)::int from user_sessions where second_factor_at is not null) as verified,
                   (select count(*)::int from rate_limit_events where bucket = 'admin_factor') as attempts`,
      ),
    ),
  );
}

let actions: Map<string, Action>;

beforeAll(async () => {
  actions = await discover();
});

describe('admin actions', () => {
  it('are found: the second-factor step has its three', () => {
    expect([...actions.keys()].filter(isFactorStep).sort()).toEqual([
      'app/(admin)/admin/(factor)/enrol/actions.ts#confirmEnrolmentAction',
      'app/(admin)/admin/(factor)/verify/actions.ts#recoveryCodeAction',
      'app/(admin)/admin/(factor)/verify/actions.ts#verifyCodeAction',
    ]);
  });

  it('refuse everyone who is not a platform admin, and a request with x-middleware-subrequest, with the 404, changing nothing', async () => {
    const shop = await makeTenant('Warung Aksi Admin');
    const staff = await makeUser();
    await withTenant(shop.id, (tx) => tx.insert(memberships).values({ tenantId: shop.id, userId: staff.id, role: 'staff' }));
    const admin = await makeAdmin();
    // The owner's and staff's sessions are live, verified even (the mark alone makes nobody an admin).
    const identities: [string, typeof request.session, Record<string, string>][] = [
      ['signed out', null, {}],
      ['owner', await signedIn(shop.owner.id, { verified: true }), {}],
      ['staff', await signedIn(staff.id), {}],
      ['admin via x-middleware-subrequest', await signedIn(admin.id, { verified: true }), { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }],
      ['admin whose session was signed out', await signedIn(admin.id, { verified: true }), {}],
    ];
    await withOwnerDatabase((db) => db.update(userSessions).set({ revokedAt: sql`now()` }).where(eq(userSessions.id, identities[4]![1]!.sid)));
    const unverifiedAdmin = await signedIn(admin.id);
    const before = await footprint();
    const answers: Record<string, string> = {};
    for (const [key, action] of actions) {
      const who = [...identities, ...(isFactorStep(key) ? [] : [['admin without the second factor', unverifiedAdmin, {}] as (typeof identities)[number]])];
      for (const [name, session, headers] of who) {
        request.session = session;
        request.extraHeaders = headers;
        const answer = await call(action, form);
        answers[`${key} as ${name}`] = answer === 'not found' ? 'not found' : answer instanceof Redirected ? answer.message : `${answer.status}: ${answer.message ?? JSON.stringify(answer.fieldErrors)}`;
      }
    }
    request.extraHeaders = {};
    expect(Object.keys(answers).length).toBeGreaterThanOrEqual(actions.size * identities.length);
    for (const [k, answer] of Object.entries(answers)) expect(answer, k).toBe('not found');
    expect(await footprint()).toBe(before);
  });

  it('take a platform admin through enrolment, verification and a recovery code, with real codes', async () => {
    const admin = await makeAdmin();
    const confirm = actions.get('app/(admin)/admin/(factor)/enrol/actions.ts#confirmEnrolmentAction')!;
    const verify = actions.get('app/(admin)/admin/(factor)/verify/actions.ts#verifyCodeAction')!;
    const recover = actions.get('app/(admin)/admin/(factor)/verify/actions.ts#recoveryCodeAction')!;

    const first = await signedIn(admin.id);
    request.session = first;
    // The enrolment page made the secret (lib/admin/factor.ts pendingEnrolment).
    const { secret } = (await pendingEnrolment(first.actor))!;
    const app = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
    const now = Date.now();
    expect(await call(confirm, { code: 'abc' })).toMatchObject({ status: 'error', fieldErrors: { code: 'Masukkan 6 angka dari aplikasi.' } });
    const wrong = String((Number(app.generate({ timestamp: now })) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await call(confirm, { code: wrong })).toMatchObject({ status: 'error', fieldErrors: { code: expect.stringMatching(/^Kode salah/) } });
    const enrolled = await call(confirm, { code: app.generate({ timestamp: now }) });
    expect(enrolled).toMatchObject({ status: 'ok', data: { recoveryCodes: expect.any(Array) } });
    const codes = (enrolled as ActionState<{ recoveryCodes: string[] }>).data!.recoveryCodes;
    expect(codes).toHaveLength(10);

    // A new sign-in: the code from the app 30 seconds on (the enrolment's step is spent).
    request.session = await signedIn(admin.id);
    expect(await call(verify, { code: app.generate({ timestamp: now }) })).toMatchObject({ status: 'error', fieldErrors: { code: expect.stringMatching(/^Kode salah/) } });
    const verified = await call(verify, { code: app.generate({ timestamp: now + 30_000 }) });
    expect(verified).toBeInstanceOf(Redirected);
    expect((verified as Redirected).to).toBe('/admin/businesses');

    // Another sign-in, with a recovery code: once.
    request.session = await signedIn(admin.id);
    expect((await call(recover, { recoveryCode: codes[0]! })) as Redirected).toMatchObject({ to: '/admin/businesses' });
    request.session = await signedIn(admin.id);
    expect(await call(recover, { recoveryCode: codes[0]! })).toMatchObject({ status: 'error', fieldErrors: { recoveryCode: 'Kode pemulihan ini salah atau sudah dipakai.' } });

    const [sessions] = await withOwnerDatabase((db) =>
      queryRows<{ verified: number; all: number }>(
        db,
        sql`select count(*) filter (where second_factor_at is not null)::int as verified, count(*)::int as "all" from user_sessions where user_id = ${admin.id}`,
      ),
    );
    expect(sessions).toEqual({ verified: 3, all: 4 });
    request.session = null;
  });
});

describe('suspending and reactivating a business (the console’s actions)', () => {
  it('take a typed reason, write the audit, and keep the owner’s own actions out of the business until it is reactivated', async () => {
    const shop = await makeTenant('Warung Aksi Suspensi');
    const admin = await makeAdmin();
    const suspend = actions.get('app/(admin)/admin/(console)/businesses/[id]/actions.ts#suspendBusinessAction')!;
    const reactivate = actions.get('app/(admin)/admin/(console)/businesses/[id]/actions.ts#reactivateBusinessAction')!;
    const { createPersonaAction } = await import('@/app/(app)/personas/actions');
    const owner = await signedIn(shop.owner.id);
    const adminSession = await signedIn(admin.id, { verified: true });
    const asOwner = async () => {
      request.session = owner;
      const answer = await call(createPersonaAction as Action, { name: `Persona ${Date.now()}`, avatarColor: 'sky' });
      return answer instanceof Redirected ? 'went through' : answer === 'not found' ? answer : answer.status === 'ok' ? 'went through' : answer.message;
    };
    expect(await asOwner()).toBe('went through');

    request.session = adminSession;
    // The reason is required, 5–500 characters, and the form keeps what was typed.
    expect(await call(suspend, { tenantId: shop.id, reason: '' })).toMatchObject({ status: 'error', fieldErrors: { reason: 'Wajib diisi.' } });
    expect(await call(suspend, { tenantId: shop.id, reason: ' abc ' })).toMatchObject({ status: 'error', fieldErrors: { reason: 'Tulis alasannya, minimal 5 karakter.' }, values: { reason: ' abc ' } });
    expect(await call(suspend, { tenantId: shop.id, reason: 'x'.repeat(501) })).toMatchObject({ status: 'error', fieldErrors: { reason: 'Terlalu panjang.' } });
    const suspended = await call(suspend, { tenantId: shop.id, reason: 'Laporan penipuan dari pelanggan' });
    expect(suspended).toBeInstanceOf(Redirected);
    expect((suspended as Redirected).to).toBe(`/admin/businesses/${shop.id}`);

    expect(await asOwner()).toBe(`${shop.name} sedang ditangguhkan oleh admin Jejak, jadi untuk sementara tidak bisa dipakai. Isian Anda belum disimpan.`);

    request.session = adminSession;
    expect(await call(reactivate, { tenantId: shop.id, reason: 'Pemilik sudah menjelaskan' })).toBeInstanceOf(Redirected);
    expect(await asOwner()).toBe('went through');

    const entries = await withOwnerDatabase((db) =>
      queryRows<{ action: string; reason: string; target: string }>(
        db,
        sql`select action, reason, target_tenant_id as target from platform_audit where actor_user_id = ${admin.id} order by created_at`,
      ),
    );
    expect(entries).toEqual([
      { action: 'business.suspended', reason: 'Laporan penipuan dari pelanggan', target: shop.id },
      { action: 'business.reactivated', reason: 'Pemilik sudah menjelaskan', target: shop.id },
    ]);
    request.session = null;
  });
});

describe('a session created by a password sign-in', () => {
  it('starts without the second factor, whoever signs in', async () => {
    const admin = await makeAdmin();
    const { sessionId } = await createUserSession(admin.id);
    const [row] = await withOwnerDatabase((db) => db.select({ at: userSessions.secondFactorAt }).from(userSessions).where(eq(userSessions.id, sessionId)));
    expect(row).toEqual({ at: null });
  });
});
