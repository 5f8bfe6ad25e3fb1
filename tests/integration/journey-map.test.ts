/**
 * The map editor's state against the real save: what the editor sends is what comes back, new
 * stages keep the ids they were given on the next save, and a save from a stale revision is
 * refused without writing anything.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { editorReducer, fromStages, signature, toSave, type EditorDoc } from '@/components/journeys/map/editor-state';
import { AppError } from '@/lib/core/errors';
import { createJourney, getJourney, saveMap, updateJourneyDetails } from '@/lib/journeys/queries';
import { inTenant, type TenantDb } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

/** One unit of work, as a page or the action wrapper opens it: `fn` runs in one transaction of the tenant. */
function run<A extends unknown[], R>(who: Who, fn: (db: TenantDb, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return inTenant(who, (db) => fn(db, ...args));
}

async function journey() {
  const t = await makeTenant(`Bengkel Uji ${randomUUID().slice(0, 6)}`);
  const ctx: Who = { tenantId: t.id, userId: t.owner.id };
  const { id } = await run(ctx, createJourney, {
    name: 'Servis mobil',
    model: 'five_stage',
    stageNames: { awareness: 'Kesadaran', consideration: 'Pertimbangan', purchase: 'Pembelian', retention: 'Retensi', advocacy: 'Advokasi' },
  });
  return { ctx, id };
}

async function load(ctx: Who, id: string) {
  const { journey: j, stages } = await run(ctx, getJourney, id);
  return { revision: j.revision, doc: fromStages(stages, j.isCycle) };
}

/** Saves as the editor does, then applies the answer (the new revision and the stages' ids) as the editor does. */
async function save(ctx: Who, id: string, doc: EditorDoc, revision: number) {
  const { revision: next, stageIds } = await run(ctx, saveMap, id, toSave(doc, revision));
  const saved = editorReducer(doc, { type: 'saved', uids: doc.stages.map((s) => s.uid), ids: stageIds });
  return { revision: next, doc: saved };
}

describe('saving the map from the editor', () => {
  it('stores every edit, and reloading shows exactly what was on screen', async () => {
    const { ctx, id } = await journey();
    const start = await load(ctx, id);
    expect(start.doc.isCycle).toBe(true);
    let doc = editorReducer(start.doc, { type: 'addItem', uid: start.doc.stages[0]!.uid, lane: 'painPoints' });
    doc = editorReducer(doc, { type: 'setItem', uid: doc.stages[0]!.uid, lane: 'painPoints', index: 0, value: 'Bengkel tidak mengangkat telepon' });
    doc = editorReducer(doc, { type: 'renameStage', uid: doc.stages[1]!.uid, name: 'Membandingkan bengkel' });
    doc = editorReducer(doc, { type: 'moveStage', from: 1, to: 0 });
    doc = editorReducer(doc, { type: 'addTouchpoint', uid: doc.stages[2]!.uid });
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: doc.stages[2]!.uid, index: 0, channel: 'custom', label: 'Grup WA kompleks' });
    doc = editorReducer(doc, { type: 'setEmotion', uid: doc.stages[0]!.uid, score: -1 });
    doc = editorReducer(doc, { type: 'setCycle', value: false });

    const saved = await save(ctx, id, doc, start.revision);
    expect(saved.revision).toBe(start.revision + 1);
    const after = await load(ctx, id);
    expect(after.revision).toBe(saved.revision);
    expect(signature(after.doc)).toBe(signature(doc));
    expect(after.doc.stages.map((s) => s.name)).toEqual(['Membandingkan bengkel', 'Kesadaran', 'Pembelian', 'Retensi', 'Advokasi']);
    expect(after.doc.stages[1]!.lanes.painPoints).toEqual(['Bengkel tidak mengangkat telepon']);
    expect(after.doc.isCycle).toBe(false);
  });

  it('keeps the id a new stage got on its first save', async () => {
    const { ctx, id } = await journey();
    const start = await load(ctx, id);
    const added = editorReducer(start.doc, { type: 'addStage', uid: 'new-1', name: 'Ulasan' });
    const first = await save(ctx, id, added, start.revision);
    const newId = first.doc.stages[5]!.id;
    expect(newId).toBeTruthy();
    const renamed = editorReducer(first.doc, { type: 'renameStage', uid: 'new-1', name: 'Ulasan Google' });
    await save(ctx, id, renamed, first.revision);
    const after = await load(ctx, id);
    expect(after.doc.stages[5]).toMatchObject({ id: newId, name: 'Ulasan Google' });
    expect(after.doc.stages.map((s) => s.id)).toEqual(first.doc.stages.map((s) => s.id));
  });

  it('answers the id each stage is stored under, in order: kept ids, and the ids the database gave new stages', async () => {
    const { ctx, id } = await journey();
    const start = await load(ctx, id);
    let doc = editorReducer(start.doc, { type: 'addStage', uid: 'new-1', name: 'Ulasan' });
    doc = editorReducer(doc, { type: 'moveStage', from: 5, to: 1 });
    doc = editorReducer(doc, { type: 'addStage', uid: 'new-2', name: 'Kembali lagi' });
    doc = editorReducer(doc, { type: 'removeStage', uid: doc.stages[3]!.uid });
    const sent = toSave(doc, start.revision);
    expect(sent.stages.map((s) => s.id ?? null)).toEqual([start.doc.stages[0]!.id, null, start.doc.stages[1]!.id, start.doc.stages[3]!.id, start.doc.stages[4]!.id, null]);

    const answer = await run(ctx, saveMap, id, sent);
    // What the database holds now, read back in another transaction.
    const { journey: j, stages } = await run(ctx, getJourney, id);
    expect(answer).toEqual({ revision: j.revision, stageIds: stages.map((s) => s.id) });
    expect(stages.map((s) => s.name)).toEqual(doc.stages.map((s) => s.name));
    // Kept stages keep their ids; the two new ones got fresh ids of their own.
    const kept = sent.stages.filter((s) => s.id).map((s) => s.id);
    expect(answer.stageIds.filter((x) => kept.includes(x))).toEqual(kept);
    const fresh = [answer.stageIds[1]!, answer.stageIds[5]!];
    expect(new Set([...fresh, ...start.doc.stages.map((s) => s.id)]).size).toBe(fresh.length + start.doc.stages.length);
    // A save with no stages answers none.
    expect(await run(ctx, saveMap, id, { revision: answer.revision, isCycle: false, stages: [] })).toEqual({ revision: answer.revision + 1, stageIds: [] });
  });

  it('refuses a save from a stale revision and writes nothing', async () => {
    const { ctx, id } = await journey();
    const mine = await load(ctx, id);
    const theirs = await load(ctx, id);
    await save(ctx, id, editorReducer(theirs.doc, { type: 'renameStage', uid: theirs.doc.stages[0]!.uid, name: 'Tahu dari teman' }), theirs.revision);

    const edited = editorReducer(mine.doc, { type: 'renameStage', uid: mine.doc.stages[4]!.uid, name: 'Merekomendasikan' });
    const refused = await run(ctx, saveMap, id, toSave(edited, mine.revision)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).key).toBe('errors.journey_conflict');
    // The editor is told which revision the map is at now (the teammate's save).
    expect((refused as AppError).opts.data).toEqual({ conflict: true, revision: mine.revision + 1 });
    const after = await load(ctx, id);
    expect(after.doc.stages.map((s) => s.name)).toEqual(['Tahu dari teman', 'Pertimbangan', 'Pembelian', 'Retensi', 'Advokasi']);
  });

  it('a details change names the revision it moved from, so the editor can save on top of it', async () => {
    const { ctx, id } = await journey();
    const mine = await load(ctx, id);
    const moved = await run(ctx, updateJourneyDetails, id, { name: 'Servis mobil keluarga', personaId: null, status: 'active' });
    expect(moved).toEqual({ from: mine.revision, to: mine.revision + 1 });
    // The editor's edits started from `from`: carried onto `to`, they save without a conflict.
    const edited = editorReducer(mine.doc, { type: 'renameStage', uid: mine.doc.stages[0]!.uid, name: 'Lihat di Google Maps' });
    await expect(run(ctx, saveMap, id, toSave(edited, mine.revision))).rejects.toBeInstanceOf(AppError);
    const saved = await run(ctx, saveMap, id, toSave(edited, moved.to));
    expect(saved.revision).toBe(moved.to + 1);
    const { journey: j } = await run(ctx, getJourney, id);
    expect([j.name, j.status]).toEqual(['Servis mobil keluarga', 'active']);
  });

  it("refuses a details save made from a stale form, unless it asks for what is already there", async () => {
    const { ctx, id } = await journey();
    const opened = { name: 'Servis mobil', personaId: null, status: 'draft' as const };
    // A teammate renames the journey first, from the same form state.
    await run(ctx, updateJourneyDetails, id, { ...opened, name: 'Servis mobil (tim)' }, opened);
    const refused = await run(ctx, updateJourneyDetails, id, { ...opened, status: 'active' }, opened).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).key).toBe('errors.journey_details_conflict');
    expect((refused as AppError).opts.params).toEqual({ name: 'Servis mobil (tim)' });
    const { journey: j } = await run(ctx, getJourney, id);
    expect([j.name, j.status]).toEqual(['Servis mobil (tim)', 'draft']);
    // The same change twice (a double submit, or two people fixing the same typo) is no conflict.
    await expect(run(ctx, updateJourneyDetails, id, { ...opened, name: 'Servis mobil (tim)' }, opened)).resolves.toMatchObject({ to: j.revision + 1 });
  });
});
