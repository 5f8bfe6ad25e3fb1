/**
 * A form's submission id (components/ui/SubmissionId) is claimed in the same transaction as the
 * work it guards (lib/core/actions.ts memberAction): they commit together or not at all. So a
 * submission whose work failed after the claim leaves no claim behind, and its retry does the
 * work instead of answering "already saved" for work that was never saved; and a submission sent
 * twice (a double tap, a retried request), one after the other or both at once, stores once.
 *
 * Called as the app calls the actions, with only Next's request plumbing replaced (as in
 * server-actions.test.ts); everything of ours runs against the real database.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { personas } from '@/db/schema';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createPersona, getPersona } from '@/lib/personas/queries';
import { makeTenant } from '../support/factory';

const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number; tid?: string } }));

vi.mock('next-auth', async (original) => ({ ...(await original<typeof import('next-auth')>()), getServerSession: async () => session.current }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.11' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', () => {
  class Redirected extends Error {
    constructor(public readonly to: string) {
      super(`redirected to ${to}`);
    }
  }
  return {
    Redirected,
    redirect: (to: string) => {
      throw new Redirected(to);
    },
    notFound: () => {
      throw new Error('NEXT_NOT_FOUND');
    },
    // Next's own control flow passes through the wrapper's error handling untouched.
    unstable_rethrow: (err: unknown) => {
      if (err instanceof Redirected || (err instanceof Error && err.message === 'NEXT_NOT_FOUND')) throw err;
    },
  };
});

const NOT_FOUND = 'Data tidak ditemukan.';
const SAVED = 'Tersimpan.';
const ALREADY_SAVED = 'Sudah tersimpan sebelumnya.';

let owner: { tenantId: string; userId: string };

beforeAll(async () => {
  const t = await makeTenant(`Toko Klaim ${randomUUID().slice(0, 6)}`);
  owner = { tenantId: t.id, userId: t.owner.id };
  const user = await loadSessionUser(t.owner.id, t.id);
  session.current = { uid: t.owner.id, sv: user!.sessionVersion, tid: t.id };
});

type Answer<D> = ActionState<D> | { redirectedTo: string };

/** Calls the action as a form post would; a redirect (sent only after the work committed) is an answer too. */
async function post<D>(action: FormAction<D>, fields: Record<string, string>): Promise<Answer<D>> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  try {
    return await action(idleState, fd);
  } catch (err) {
    if (err instanceof Error && 'to' in err) return { redirectedTo: String((err as { to: unknown }).to) };
    throw err;
  }
}

/** Whether a submission id is claimed, read as the table owner (past row-level security). */
async function claimed(id: string): Promise<boolean> {
  const rows = await withOwnerDatabase((db) => queryRows(db, sql`select 1 from form_submissions where id = ${id}`));
  return rows.length > 0;
}

async function personasNamed(name: string) {
  return withTenant(owner.tenantId, (tx) => tx.select({ id: personas.id }).from(personas).where(and(eq(personas.tenantId, owner.tenantId), eq(personas.name, name))));
}

describe('a submission id claimed by a member action', () => {
  it('is not left behind by work that failed after the claim: the retry does the work, a repeat of that is "already saved"', async () => {
    const { updatePersonaAction } = await import('@/app/(app)/personas/actions');
    const { id } = await inTenant(owner, (db) => createPersona(db, { name: 'Pak Budi' }));
    const submission = randomUUID();

    // The claim is inserted, then the update finds no such persona and throws: everything rolls back.
    const failed = await post(updatePersonaAction, { _submission: submission, id: randomUUID(), name: 'Pak Budi Baru', avatarColor: 'sky' });
    expect(failed).toMatchObject({ status: 'error', message: NOT_FOUND });
    expect(await claimed(submission), 'a claim left by failed work').toBe(false);

    // The same submission again (a retry), now aimed at the real persona: done, not "already saved".
    const retried = await post(updatePersonaAction, { _submission: submission, id, name: 'Pak Budi Baru', avatarColor: 'sky' });
    expect(retried).toMatchObject({ status: 'ok', message: SAVED });
    expect((await inTenant(owner, (db) => getPersona(db, id))).name).toBe('Pak Budi Baru');
    expect(await claimed(submission)).toBe(true);

    // And once more: that one did commit, so nothing is done twice.
    const repeated = await post(updatePersonaAction, { _submission: submission, id, name: 'Nama Lain', avatarColor: 'rose' });
    expect(repeated).toMatchObject({ status: 'ok', message: ALREADY_SAVED });
    expect(await inTenant(owner, (db) => getPersona(db, id))).toMatchObject({ name: 'Pak Budi Baru', avatarColor: 'sky' });
  });

  it('stores a successful submission once when it is sent twice, one after the other', async () => {
    const { createPersonaAction } = await import('@/app/(app)/personas/actions');
    const name = `Bu Sari ${randomUUID().slice(0, 6)}`;
    const submission = randomUUID();
    const first = await post(createPersonaAction, { _submission: submission, name });
    expect(first).toMatchObject({ redirectedTo: expect.stringMatching(/^\/personas\/[0-9a-f-]{36}\?created=1$/) });
    // The repeat does nothing and goes to the list (its first run already went to the new persona).
    const second = await post(createPersonaAction, { _submission: submission, name });
    expect(second).toEqual({ redirectedTo: '/personas' });
    const stored = await personasNamed(name);
    expect(stored).toHaveLength(1);
    expect((first as { redirectedTo: string }).redirectedTo).toBe(`/personas/${stored[0]!.id}?created=1`);
  });

  it('stores a successful submission once when both copies arrive at the same time', async () => {
    const { createPersonaAction } = await import('@/app/(app)/personas/actions');
    const name = `Bu Rina ${randomUUID().slice(0, 6)}`;
    const submission = randomUUID();
    const answers = await Promise.all([post(createPersonaAction, { _submission: submission, name }), post(createPersonaAction, { _submission: submission, name })]);
    const targets = answers.map((a) => (a as { redirectedTo?: string }).redirectedTo).sort();
    expect(targets).toEqual(['/personas', expect.stringMatching(/^\/personas\/[0-9a-f-]{36}\?created=1$/)]);
    expect(await personasNamed(name)).toHaveLength(1);
  });
});
