/**
 * Revise and repeat: named versions of a journey (save, list, compare, restore), export into the
 * exchange format and import into another business; and no function reaches another business's
 * journey or version, whatever id it is given.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, journeys, personas } from '@/db/schema';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { diffJourneys, parseJourneyDoc } from '@/lib/journeys/model';
import {
  createJourney,
  exportJourney,
  getJourney,
  getVersions,
  importJourney,
  listJourneys,
  listVersions,
  restoreVersion,
  saveMap,
  saveVersion,
} from '@/lib/journeys/queries';
import { inTenant, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

/** One unit of work, as a page or the action wrapper opens it: `fn` runs in one transaction of the tenant. */
function run<A extends unknown[], R>(who: Who, fn: (db: TenantDb, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return inTenant(who, (db) => fn(db, ...args));
}

const stageNames = { awareness: 'Kesadaran', consideration: 'Pertimbangan', purchase: 'Pembelian', retention: 'Retensi', advocacy: 'Advokasi' };

async function business(name = 'Bengkel Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id } satisfies Who;
}

/** A five-stage journey for a persona, with a few items filled in. */
async function bengkelJourney(ctx: Who) {
  const personaId = randomUUID();
  await withTenant(ctx.tenantId, (tx) =>
    tx.insert(personas).values({ tenantId: ctx.tenantId, id: personaId, name: 'Pak Budi', location: 'Surabaya', preferredChannels: ['whatsapp', 'google_maps'] }),
  );
  const { id } = await run(ctx, createJourney, { name: 'Servis mobil panggilan', personaId, model: 'five_stage', stageNames });
  await edit(ctx, id, (stages) => {
    stages[0]!.lanes.actions = ['Mencari bengkel terdekat'];
    stages[0]!.lanes.touchpoints = [{ channel: 'google_maps', label: '' }, { channel: 'custom', label: 'Spanduk' }];
    stages[0]!.emotion = { score: -1, note: 'Mobil mogok' };
    stages[2]!.metric = 'Jumlah servis per minggu';
  });
  return id;
}

/** Saves the map after changing its stages, as the editor would. */
async function edit(ctx: Who, id: string, change: (stages: Awaited<ReturnType<typeof getJourney>>['stages']) => void) {
  const { journey, stages } = await run(ctx, getJourney, id);
  change(stages);
  return run(ctx, saveMap, id, { revision: journey.revision, isCycle: journey.isCycle, stages });
}

/** How the restore action names the version keeping the map as it was (there, from the locale). */
const keptAs = (restored: { number: number; name: string }) => ({ name: `Sebelum memulihkan versi ${restored.number}`, note: restored.name });

async function notFound(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NotFoundError);
}

describe('versions', () => {
  it('are numbered per journey and listed newest first, with author and note', async () => {
    const ctx = await business();
    const id = await bengkelJourney(ctx);
    const v1 = await run(ctx, saveVersion, id, { name: 'Awal', note: 'Sebelum survei' });
    const v2 = await run(ctx, saveVersion, id, { name: 'Setelah survei', note: '' });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    const other = await run(ctx, createJourney, { name: 'Lain', model: 'blank', stageNames: {} });
    expect((await run(ctx, saveVersion, other.id, { name: 'Pertama', note: '' })).number).toBe(1);

    const list = await run(ctx, listVersions, id);
    expect(list.map((v) => [v.number, v.name, v.note, v.author])).toEqual([
      [2, 'Setelah survei', '', 'Test User'],
      [1, 'Awal', 'Sebelum survei', 'Test User'],
    ]);
    expect(list[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('keep the map as it was; two versions, or a version and the map now, can be compared', async () => {
    const ctx = await business();
    const id = await bengkelJourney(ctx);
    const v1 = await run(ctx, saveVersion, id, { name: 'Awal', note: '' });
    await edit(ctx, id, (stages) => {
      stages[0]!.lanes.actions.push('Tanya di grup WhatsApp');
      stages[0]!.emotion.score = 1;
      stages[1]!.name = 'Minat';
      stages.splice(4, 1);
    });
    const v2 = await run(ctx, saveVersion, id, { name: 'Revisi', note: '' });

    const [a, b] = await run(ctx, getVersions, id, [v1.id, v2.id]);
    expect(a!.doc.stages).toHaveLength(5);
    expect(b!.doc.stages).toHaveLength(4);
    expect(diffJourneys(a!.doc, b!.doc)).toEqual([
      { kind: 'removed', name: 'Advokasi', index: 4 },
      { kind: 'emotion', name: 'Kesadaran', from: -1, to: 1 },
      { kind: 'items', name: 'Kesadaran', lane: 'actions', added: ['Tanya di grup WhatsApp'], removed: [] },
      { kind: 'renamed', from: 'Pertimbangan', to: 'Minat', index: 1 },
    ]);
    expect(diffJourneys(b!.doc, await run(ctx, exportJourney, id))).toEqual([]);
    // A version of another journey is not one of this journey's.
    const other = await run(ctx, createJourney, { name: 'Lain', model: 'blank', stageNames: {} });
    await notFound(run(ctx, getVersions, other.id, [v1.id]));
  });

  it('restore makes an old version the map again, keeps the map as it was as a version first, and is audited', async () => {
    const ctx = await business();
    const id = await bengkelJourney(ctx);
    const v1 = await run(ctx, saveVersion, id, { name: 'Awal', note: '' });
    const before = await run(ctx, exportJourney, id);
    await edit(ctx, id, (stages) => {
      stages.reverse();
      stages[0]!.lanes.painPoints = ['Harga tidak jelas'];
    });
    const { journey: edited } = await run(ctx, getJourney, id);
    const editedMap = await run(ctx, exportJourney, id);

    expect(await run(ctx, restoreVersion, id, v1.id, keptAs)).toEqual({ number: 1, name: 'Awal', kept: 2 });
    expect(await run(ctx, exportJourney, id)).toEqual(before);
    const { journey: restored } = await run(ctx, getJourney, id);
    // Anyone still editing the older revision is told the map changed under them.
    expect(restored.revision).toBe(edited.revision + 1);
    await expect(run(ctx, saveMap, id, { revision: edited.revision, isCycle: false, stages: [] })).rejects.toBeInstanceOf(AppError);
    // The edited map was not lost: it is version 2, named as the caller asked.
    const list = await run(ctx, listVersions, id);
    expect(list.map((v) => [v.number, v.name, v.note])).toEqual([
      [2, 'Sebelum memulihkan versi 1', 'Awal'],
      [1, 'Awal', ''],
    ]);
    const [kept] = await run(ctx, getVersions, id, [list[0]!.id]);
    expect(diffJourneys(kept!.doc, editedMap)).toEqual([]);
    expect(kept!.doc.stages[0]!.lanes.painPoints).toEqual(['Harga tidak jelas']);
    const log = await withTenant(ctx.tenantId, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'journey.version_restored'))),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorUserId: ctx.userId, targetId: id, meta: { version: 1, kept: 2 } });
  });

  it('restore does not keep the same map twice: the newest version already holding it is named instead', async () => {
    const ctx = await business();
    const id = await bengkelJourney(ctx);
    const v1 = await run(ctx, saveVersion, id, { name: 'Awal', note: '' });
    await edit(ctx, id, (stages) => {
      stages[1]!.lanes.actions = ['Bandingkan harga'];
    });
    const v2 = await run(ctx, saveVersion, id, { name: 'Revisi', note: '' });
    // The map is exactly version 2: restoring version 1 keeps no copy of it.
    expect(await run(ctx, restoreVersion, id, v1.id, keptAs)).toEqual({ number: 1, name: 'Awal', kept: v2.number });
    // Now the map is version 1 again, which the newest version (2) does not hold: it is kept as 3.
    expect(await run(ctx, restoreVersion, id, v2.id, keptAs)).toEqual({ number: 2, name: 'Revisi', kept: 3 });
    expect((await run(ctx, listVersions, id)).map((v) => v.number)).toEqual([3, 2, 1]);
    const [three, one] = await run(ctx, getVersions, id, [(await run(ctx, listVersions, id))[0]!.id, v1.id]);
    expect(diffJourneys(three!.doc, one!.doc)).toEqual([]);
  });
});

describe('export and import', () => {
  it('a journey exported from one business and imported into another is the same map, with a copy of its persona', async () => {
    const a = await business('Bengkel A');
    const b = await business('Bengkel B');
    const id = await bengkelJourney(a);
    const doc = await run(a, exportJourney, id);
    expect(doc).toMatchObject({ format: 'jejak.journey', version: 1, name: 'Servis mobil panggilan', stageModel: 'five_stage', isCycle: true });
    expect(doc.persona).toMatchObject({ name: 'Pak Budi', location: 'Surabaya', preferredChannels: ['whatsapp', 'google_maps'] });
    expect(JSON.stringify(doc)).not.toContain(a.tenantId);
    expect(JSON.stringify(doc)).not.toContain(id);

    // Through the file, as the import page reads it.
    const parsed = parseJourneyDoc(JSON.stringify(doc, null, 2));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const imported = await run(b, importJourney, parsed.doc);
    expect(imported.id).not.toBe(id);
    expect(await run(b, exportJourney, imported.id)).toEqual(doc);

    const { journey, persona } = await run(b, getJourney, imported.id);
    expect(journey.tenantId).toBe(b.tenantId);
    expect(persona?.name).toBe('Pak Budi');
    // The source business is untouched, and importing twice makes two journeys.
    expect((await run(a, listJourneys)).map((j) => j.id)).toEqual([id]);
    await run(b, importJourney, parsed.doc);
    expect(await run(b, listJourneys)).toHaveLength(2);
    const copies = await withTenant(b.tenantId, (tx) => tx.select().from(personas).where(eq(personas.tenantId, b.tenantId)));
    expect(copies).toHaveLength(2);
  });

  it('an archived journey comes in as a draft; a journey without a persona gets none', async () => {
    const a = await business();
    const { id } = await run(a, createJourney, { name: 'Tanpa persona', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
    await withTenant(a.tenantId, (tx) => tx.update(journeys).set({ status: 'archived' }).where(and(eq(journeys.tenantId, a.tenantId), eq(journeys.id, id))));
    const doc = await run(a, exportJourney, id);
    expect(doc.persona).toBeNull();
    const imported = await run(a, importJourney, doc);
    const { journey, persona, stages } = await run(a, getJourney, imported.id);
    expect(journey.status).toBe('draft');
    expect(persona).toBeNull();
    expect(stages.map((s) => s.name)).toEqual(['Sebelum', 'Beli', 'Sesudah']);
  });
});

describe('another business', () => {
  it("cannot read, version, restore or export a journey by its ids, and nothing changes", async () => {
    const a = await business('Bengkel A');
    const b = await business('Kopi B');
    const id = await bengkelJourney(a);
    const v1 = await run(a, saveVersion, id, { name: 'Awal', note: '' });
    await edit(a, id, (stages) => {
      stages[0]!.lanes.actions = ['Diubah setelah versi 1'];
    });
    const before = await run(a, exportJourney, id);

    await notFound(run(b, getJourney, id));
    await notFound(run(b, exportJourney, id));
    await notFound(run(b, listVersions, id));
    await notFound(run(b, getVersions, id, [v1.id]));
    await notFound(run(b, saveVersion, id, { name: 'Curian', note: '' }));
    await notFound(run(b, restoreVersion, id, v1.id, keptAs));
    // B's own journey id with A's version id: still nothing.
    const own = await run(b, createJourney, { name: 'Milik B', model: 'blank', stageNames: {} });
    await notFound(run(b, getVersions, own.id, [v1.id]));
    await notFound(run(b, restoreVersion, own.id, v1.id, keptAs));

    expect(await run(a, exportJourney, id)).toEqual(before);
    expect((await run(a, listVersions, id)).map((v) => v.number)).toEqual([1]);
    expect(await run(b, exportJourney, own.id)).toMatchObject({ name: 'Milik B', stages: [] });
    expect(await run(b, listVersions, own.id)).toEqual([]);
  });
});
