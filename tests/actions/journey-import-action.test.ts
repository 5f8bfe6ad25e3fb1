/**
 * Importing a journey through the action (issue 11, item 12): a file whose name is already used by
 * a journey of the business comes in as "<name> (impor)", and the map opens with the import
 * confirmed (`?imported=1`). Called as the app calls it, with only Next's request plumbing replaced.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demo, seed } from '@/lib/demo/seed';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { idleState } from '@/lib/core/action-state';
import { inTenant } from '@/lib/core/tenancy';
import { getJourney } from '@/lib/journeys/queries';

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
  unstable_rethrow: (err: unknown) => {
    if (err instanceof Error && (err.message === 'NEXT_NOT_FOUND' || err.message.startsWith('redirected to '))) throw err;
  },
}));

const ctx = { tenantId: demo.bengkel.tenant.id, userId: demo.bengkel.owner.id };

beforeAll(async () => {
  await seed();
  const user = await loadSessionUser(demo.bengkel.owner.id);
  session.current = { uid: demo.bengkel.owner.id, sv: user!.sessionVersion, tid: demo.bengkel.tenant.id };
});

/** Imports pasted text; answers the id of the journey the action redirected to. */
async function importText(text: string): Promise<string> {
  const { importJourneyAction } = await import('@/app/(app)/journeys/import/actions');
  const fd = new FormData();
  fd.set('text', text);
  const err = await importJourneyAction(idleState, fd).then(
    (r) => new Error(`not redirected: ${JSON.stringify(r)}`),
    (e: Error) => e,
  );
  const m = /^redirected to \/journeys\/([0-9a-f-]{36})\?imported=1$/.exec(err.message);
  expect(m, err.message).not.toBeNull();
  return m![1]!;
}

describe('importing a journey whose name is in use', () => {
  it('keeps a free name, then adds " (impor)" and a number, and confirms on the map', async () => {
    const name = `Servis AC ${Date.now().toString(36)}`;
    const text = JSON.stringify({ format: 'jejak.journey', version: 1, name, stages: [{ name: 'Datang' }] });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await importText(text);
      names.push((await inTenant(ctx, (db) => getJourney(db, id))).journey.name);
    }
    expect(names).toEqual([name, `${name} (impor)`, `${name} (impor) 2`]);
  });
});
