/**
 * Text no database column can hold (issue 7, item 4): a NUL typed or pasted into a form, or
 * escaped as \u0000 inside the JSON a form or an imported file carries. PostgreSQL and PGlite
 * refuse it in text and jsonb; the action must answer with a translated field error and keep what
 * was typed, never "unexpected error". Called as the app calls the actions, with only Next's
 * request plumbing replaced (as in server-actions.test.ts).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demo, seed } from '@/lib/demo/seed';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { inTenant } from '@/lib/core/tenancy';
import { getJourney } from '@/lib/journeys/queries';
import { listPersonas } from '@/lib/personas/queries';

const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number; tid?: string } }));

vi.mock('next-auth', async (original) => ({ ...(await original<typeof import('next-auth')>()), getServerSession: async () => session.current }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.10' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirected to ${to}`);
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  // Next's own control flow (redirect, notFound) passes the action wrapper's error handling untouched.
  unstable_rethrow: (err: unknown) => {
    if (err instanceof Error && (err.message === 'NEXT_NOT_FOUND' || err.message.startsWith('redirected to '))) throw err;
  },
}));

const UNSAFE = 'Teks ini berisi karakter tersembunyi';
const ctx = { tenantId: demo.bengkel.tenant.id, userId: demo.bengkel.owner.id };

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function call<D>(action: FormAction<D>, fields: Record<string, string>): Promise<ActionState<D>> {
  return action(idleState, form(fields));
}

beforeAll(async () => {
  await seed();
  const user = await loadSessionUser(demo.bengkel.owner.id);
  session.current = { uid: demo.bengkel.owner.id, sv: user!.sessionVersion, tid: demo.bengkel.tenant.id };
});

describe('a NUL or another control character in a form', () => {
  it('typed into a persona field: a translated field error, the typed text kept, nothing stored', async () => {
    const { createPersonaAction } = await import('@/app/(app)/personas/actions');
    const before = await inTenant(ctx, (db) => listPersonas(db, { includeArchived: true }));
    const result = await call(createPersonaAction, { name: 'Pak\u0000Budi', avatarColor: 'sky', notes: 'catatan\tpanjang\nbaris dua' });
    expect(result.status).toBe('error');
    expect(result.message).toBeUndefined();
    expect(result.fieldErrors?.name).toContain(UNSAFE);
    expect(result.fieldErrors?.notes).toBeUndefined();
    expect(result.values).toMatchObject({ name: 'Pak\u0000Budi', avatarColor: 'sky', notes: 'catatan\tpanjang\nbaris dua' });
    expect(await inTenant(ctx, (db) => listPersonas(db, { includeArchived: true }))).toHaveLength(before.length);
  });

  it('an escape character pasted into a persona being edited is refused too; tabs and line breaks are fine', async () => {
    const { updatePersonaAction } = await import('@/app/(app)/personas/actions');
    const result = await call(updatePersonaAction, { id: demo.bengkel.personaId, name: 'Pak Budi', avatarColor: 'sky', goals: 'merah\u001b[31m' });
    expect(result).toMatchObject({ status: 'error', fieldErrors: { goals: expect.stringContaining(UNSAFE) }, values: { goals: 'merah\u001b[31m' } });
    const ok = await call(updatePersonaAction, { id: demo.bengkel.personaId, name: 'Pak Budi', avatarColor: 'sky', goals: 'baris 1\r\nbaris 2\tlagi' });
    expect(ok.status).toBe('ok');
  });

  it('escaped as \\u0000 inside the map editor’s JSON: an error the editor shows, the map unchanged', async () => {
    const { saveMapAction } = await import('@/app/(app)/journeys/[id]/actions');
    const before = await inTenant(ctx, (db) => getJourney(db, demo.bengkel.journeyId));
    const map = JSON.stringify({
      revision: before.journey.revision,
      isCycle: false,
      stages: [{ name: 'Datang', lanes: { actions: ['Telepon\u0000bengkel'] } }],
    });
    expect(map).toContain('\\u0000');
    const result = await call(saveMapAction, { journeyId: demo.bengkel.journeyId, map });
    expect(result.status).toBe('error');
    expect(result.fieldErrors?.map).toContain(UNSAFE);
    expect(result.message ?? '').not.toMatch(/Kode:/);
    const after = await inTenant(ctx, (db) => getJourney(db, demo.bengkel.journeyId));
    expect(after.journey.revision).toBe(before.journey.revision);
  });

  it('a lone surrogate in the map’s JSON (jsonb refuses it) is answered the same way', async () => {
    const { saveMapAction } = await import('@/app/(app)/journeys/[id]/actions');
    const { journey } = await inTenant(ctx, (db) => getJourney(db, demo.bengkel.journeyId));
    const map = `{"revision":${journey.revision},"isCycle":false,"stages":[{"name":"Datang \\ud83d"}]}`;
    const result = await call(saveMapAction, { journeyId: demo.bengkel.journeyId, map });
    expect(result).toMatchObject({ status: 'error', fieldErrors: { map: expect.stringContaining(UNSAFE) } });
  });

  it('in a public form (sign-up): the field error, the values kept, no account', async () => {
    const saved = session.current;
    session.current = null;
    try {
      const { signUpAction } = await import('@/app/(auth)/sign-up/actions');
      const email = `nul-${Date.now().toString(36)}@contoh.test`;
      const result = await call(signUpAction, {
        name: 'Bu Sari',
        businessName: 'Warung\u0000Sari',
        businessType: 'warung',
        city: 'Bandung',
        timeZone: 'Asia/Jakarta',
        email,
        password: 'kata-sandi-panjang-sekali',
      });
      expect(result).toMatchObject({ status: 'error', fieldErrors: { businessName: expect.stringContaining(UNSAFE) }, values: { businessName: 'Warung\u0000Sari', email } });
      expect(result.values).not.toHaveProperty('password');
    } finally {
      session.current = saved;
    }
  });
});

describe('importing a journey file with a NUL', () => {
  it('lists a problem with where it is, and imports nothing', async () => {
    const { importJourneyAction } = await import('@/app/(app)/journeys/import/actions');
    const doc = { format: 'jejak.journey', version: 1, name: 'Impor NUL', stages: [{ name: 'Datang' }, { name: 'Ba\u0000yar' }] };
    const text = JSON.stringify(doc);
    const fd = new FormData();
    fd.set('file', new File([text], 'nul.jejak.json', { type: 'application/json' }));
    fd.set('text', '');
    const result = await importJourneyAction(idleState, fd);
    expect(result.status).toBe('error');
    expect(result.message).toBe('Berkas belum bisa diimpor. Perbaiki hal berikut:');
    const problems = result.data && 'problems' in result.data ? result.data.problems : [];
    expect(problems).toEqual([expect.stringMatching(/^stages\.1\.name: Teks ini berisi karakter tersembunyi/)]);
  });

  it('pasted as text: the same problem, and the pasted text kept', async () => {
    const { importJourneyAction } = await import('@/app/(app)/journeys/import/actions');
    const text = JSON.stringify({ format: 'jejak.journey', version: 1, name: 'Impor\u0000NUL', stages: [] });
    const result = await call(importJourneyAction, { text });
    expect(result).toMatchObject({ status: 'error', values: { text } });
    expect(result.data).toEqual({ problems: [expect.stringMatching(/^name: /)] });
  });
});
