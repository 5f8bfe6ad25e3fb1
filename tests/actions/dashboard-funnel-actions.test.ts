/**
 * The funnel page's server actions (app/(app)/dashboard/funnel/actions.ts) called as a form post
 * calls them, with only Next's request plumbing replaced (as in server-actions.test.ts): numbers
 * typed the Indonesian way are saved; a double submit stores once; a wrong number is named on its
 * field, nothing is saved and every typed value comes back; a CSV with a bad line answers each
 * problem with its line in the request's language and keeps the pasted text; another journey's
 * stage and another business's journey are "not found".
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { funnelCounts } from '@/db/schema';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { makeTenant } from '../support/factory';

const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number; tid?: string } }));

vi.mock('next-auth', async (original) => ({ ...(await original<typeof import('next-auth')>()), getServerSession: async () => session.current }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.12' }),
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

type Who = { tenantId: string; userId: string };
let owner: Who;
let journeyId: string;
let stageIds: string[];

async function signInAs(t: { id: string; owner: { id: string } }) {
  const user = await loadSessionUser(t.owner.id, t.id);
  session.current = { uid: t.owner.id, sv: user!.sessionVersion, tid: t.id };
}

beforeAll(async () => {
  const t = await makeTenant(`Bengkel Aksi ${randomUUID().slice(0, 6)}`);
  owner = { tenantId: t.id, userId: t.owner.id };
  ({ journeyId, stageIds } = await inTenant(owner, async (db) => {
    const { id } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' } });
    const { stages } = await getJourney(db, id);
    return { journeyId: id, stageIds: stages.map((s) => s.id!) };
  }));
  await signInAs(t);
});

async function post<D>(action: FormAction<D>, fields: Record<string, string>): Promise<ActionState<D>> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return action(idleState, fd);
}

const numbers = () =>
  withTenant(owner.tenantId, (tx) =>
    tx
      .select({ stageId: funnelCounts.stageId, month: funnelCounts.month, metric: funnelCounts.metric, value: funnelCounts.value })
      .from(funnelCounts)
      .where(and(eq(funnelCounts.tenantId, owner.tenantId), eq(funnelCounts.journeyId, journeyId))),
  );

describe('saving a month from the form', () => {
  it('saves numbers typed as 12.000, once for a double submit', async () => {
    const { saveFunnelMonthAction } = await import('@/app/(app)/dashboard/funnel/actions');
    const [a, b, c] = stageIds;
    const form = {
      _submission: randomUUID(),
      journeyId,
      month: '2026-11',
      [`metric_${a}`]: 'reach',
      [`value_${a}`]: '12.000',
      [`metric_${b}`]: 'orders',
      [`value_${b}`]: '1.200',
      [`metric_${c}`]: 'repeat_orders',
      [`value_${c}`]: '',
    };
    expect(await post(saveFunnelMonthAction, form)).toMatchObject({ status: 'ok', message: 'Angka bulan ini tersimpan.' });
    expect(await post(saveFunnelMonthAction, form)).toMatchObject({ status: 'ok', message: 'Sudah tersimpan sebelumnya.' });
    expect((await numbers()).map((r) => [r.stageId, r.month, r.metric, r.value]).sort()).toEqual(
      [
        [a, '2026-11-01', 'reach', 12000],
        [b, '2026-11-01', 'orders', 1200],
      ].sort(),
    );
  });

  it('names each wrong number on its field, saves nothing, and gives back what was typed', async () => {
    const { saveFunnelMonthAction } = await import('@/app/(app)/dashboard/funnel/actions');
    const [a, b] = stageIds;
    const before = await numbers();
    const form = { _submission: randomUUID(), journeyId, month: '2026-11', [`metric_${a}`]: 'reach', [`value_${a}`]: '13.000', [`metric_${b}`]: 'orders', [`value_${b}`]: '1,5' };
    const answer = await post(saveFunnelMonthAction, form);
    expect(answer).toMatchObject({
      status: 'error',
      message: 'Ada angka yang perlu diperbaiki. Yang sudah Anda ketik masih ada.',
      data: { fieldErrors: { [`value_${b}`]: 'Tulis bilangan bulat tanpa koma, misalnya 12.000 atau 12000.' } },
      values: { [`value_${a}`]: '13.000', [`value_${b}`]: '1,5', month: '2026-11' },
    });
    expect(await numbers()).toEqual(before);
  });

  it("answers another journey's stage, and another business's journey, as not found", async () => {
    const { saveFunnelMonthAction } = await import('@/app/(app)/dashboard/funnel/actions');
    const other = await inTenant(owner, async (db) => {
      const { id } = await createJourney(db, { name: 'Lain', model: 'three_stage', stageNames: { pre_purchase: 'A', purchase: 'B', post_purchase: 'C' } });
      return (await getJourney(db, id)).stages[0]!.id!;
    });
    const before = await numbers();
    expect(await post(saveFunnelMonthAction, { journeyId, month: '2026-11', [`metric_${other}`]: 'reach', [`value_${other}`]: '5' })).toMatchObject({ status: 'error', message: 'Data tidak ditemukan.' });
    const stranger = await makeTenant(`Kopi ${randomUUID().slice(0, 6)}`);
    await signInAs(stranger);
    try {
      expect(await post(saveFunnelMonthAction, { journeyId, month: '2026-11', [`metric_${stageIds[0]}`]: 'reach', [`value_${stageIds[0]}`]: '5' })).toMatchObject({ status: 'error', message: 'Data tidak ditemukan.' });
      const { importFunnelCsvAction } = await import('@/app/(app)/dashboard/funnel/actions');
      expect(await post(importFunnelCsvAction, { journeyId, text: 'month,stage,metric,value\n2026-11,1,reach,5' })).toMatchObject({ status: 'error', message: 'Data tidak ditemukan.' });
    } finally {
      const t = { id: owner.tenantId, owner: { id: owner.userId } };
      await signInAs(t);
    }
    expect(await numbers()).toEqual(before);
  });
});

describe('importing a CSV from the form', () => {
  it('lists each bad line in the UI language, keeps the pasted text, and saves nothing', async () => {
    const { importFunnelCsvAction } = await import('@/app/(app)/dashboard/funnel/actions');
    const before = await numbers();
    const text = 'bulan,tahap,metrik,jumlah\n2026-10,1,jangkauan,9.000\n2026-10,Gudang,pesanan,5\n2026-10,2,pesanan,"1,5"';
    const answer = await post(importFunnelCsvAction, { _submission: randomUUID(), journeyId, text });
    expect(answer).toMatchObject({
      status: 'error',
      message: 'CSV belum disimpan. Perbaiki baris berikut, lalu impor lagi:',
      data: {
        problems: [
          'Baris 3: Tahap “Gudang” tidak ada di peta ini. Tulis nama tahapnya atau nomor 1 sampai 3.',
          'Baris 4: Jumlah “1,5” bukan bilangan bulat. Tulis misalnya 12.000 atau 12000.',
        ],
      },
      values: { text },
    });
    expect(await numbers()).toEqual(before);
  });

  it('imports a good file, and an empty form is asked for a file or text', async () => {
    const { importFunnelCsvAction } = await import('@/app/(app)/dashboard/funnel/actions');
    const ok = await post(importFunnelCsvAction, { _submission: randomUUID(), journeyId, text: 'bulan,tahap,metrik,jumlah\n2026-10,Cari bengkel,jangkauan,9.000\n2026-10,3,pesanan ulang,40' });
    expect(ok).toMatchObject({ status: 'ok', message: 'Angka dari CSV tersimpan.', data: { rows: 2, months: ['2026-10'] } });
    expect((await numbers()).filter((r) => r.month === '2026-10-01').map((r) => [r.stageId, r.metric, r.value]).sort()).toEqual(
      [
        [stageIds[0], 'reach', 9000],
        [stageIds[2], 'repeat_orders', 40],
      ].sort(),
    );
    expect(await post(importFunnelCsvAction, { journeyId, text: '  ' })).toMatchObject({ status: 'error', fieldErrors: { text: 'Pilih berkas CSV atau tempel isinya.' } });
  });
});
