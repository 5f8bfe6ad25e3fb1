import { describe, expect, it } from 'vitest';
import { applyAction, editorReducer, fieldId, fromStages, HISTORY, historyOf, newStage, signature, toSave, undo, validate, type EditorDoc } from '@/components/journeys/map/editor-state';
import { mapSaveSchema, type StageDoc } from '@/lib/journeys/model';

const id1 = '0b5e1c00-0000-4000-8000-000000000301';
const id2 = '0b5e1c00-0000-4000-8000-000000000302';

function stage(id: string, name: string): StageDoc {
  return { ...newStage(id, name), id };
}

const loaded = (): EditorDoc => fromStages([stage(id1, 'Kesadaran'), stage(id2, 'Pembelian')], true);

describe('map editor state', () => {
  it('keys loaded stages by their ids and saves them with those ids, in order', () => {
    const doc = loaded();
    expect(doc.stages.map((s) => s.uid)).toEqual([id1, id2]);
    const save = toSave(doc, 4);
    expect(save.revision).toBe(4);
    expect(save.isCycle).toBe(true);
    expect(save.stages.map((s) => [s.id, s.name])).toEqual([
      [id1, 'Kesadaran'],
      [id2, 'Pembelian'],
    ]);
    expect(mapSaveSchema.safeParse(save).success).toBe(true);
  });

  it('adds, renames, moves and removes stages; a new stage is saved without an id', () => {
    let doc = editorReducer(loaded(), { type: 'addStage', uid: 'new-1', name: 'Retensi' });
    doc = editorReducer(doc, { type: 'renameStage', uid: id1, name: 'Kenal usaha' });
    doc = editorReducer(doc, { type: 'moveStage', from: 2, to: 0 });
    expect(doc.stages.map((s) => s.name)).toEqual(['Retensi', 'Kenal usaha', 'Pembelian']);
    expect(toSave(doc, 1).stages[0]).not.toHaveProperty('id');
    doc = editorReducer(doc, { type: 'removeStage', uid: id2 });
    expect(doc.stages.map((s) => s.uid)).toEqual(['new-1', id1]);
  });

  it('reorders the items of a lane, touchpoints included, and ignores a move past either end', () => {
    let doc = loaded();
    for (const value of ['Antre lama', 'Harga tidak jelas', 'Tidak ada WhatsApp']) {
      doc = editorReducer(doc, { type: 'addItem', uid: id1, lane: 'painPoints' });
      doc = editorReducer(doc, { type: 'setItem', uid: id1, lane: 'painPoints', index: doc.stages[0]!.lanes.painPoints.length - 1, value });
    }
    doc = editorReducer(doc, { type: 'moveItem', uid: id1, lane: 'painPoints', from: 2, to: 1 });
    expect(doc.stages[0]!.lanes.painPoints).toEqual(['Antre lama', 'Tidak ada WhatsApp', 'Harga tidak jelas']);
    const before = doc;
    expect(editorReducer(doc, { type: 'moveItem', uid: id1, lane: 'painPoints', from: 0, to: -1 })).toEqual(before);
    expect(editorReducer(doc, { type: 'moveItem', uid: id1, lane: 'painPoints', from: 2, to: 3 })).toEqual(before);

    doc = editorReducer(doc, { type: 'addTouchpoint', uid: id2 });
    doc = editorReducer(doc, { type: 'addTouchpoint', uid: id2 });
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: id2, index: 1, channel: 'google_maps', label: '' });
    doc = editorReducer(doc, { type: 'moveItem', uid: id2, lane: 'touchpoints', from: 1, to: 0 });
    expect(doc.stages[1]!.lanes.touchpoints.map((t) => t.channel)).toEqual(['google_maps', 'whatsapp']);
    // The other stage is untouched, and the order is what gets saved.
    expect(doc.stages[0]!.lanes.touchpoints).toEqual([]);
    expect(toSave(doc, 1).stages[0]!.lanes.painPoints[1]).toBe('Tidak ada WhatsApp');
  });

  it('stops adding stages at the limit of twelve', () => {
    let doc: EditorDoc = { isCycle: false, stages: [] };
    for (let i = 0; i < 14; i++) doc = editorReducer(doc, { type: 'addStage', uid: `new-${i}`, name: `Tahap ${i + 1}` });
    expect(doc.stages).toHaveLength(12);
  });

  it('edits lane items and drops empty rows when saving', () => {
    let doc = editorReducer(loaded(), { type: 'addItem', uid: id1, lane: 'painPoints' });
    doc = editorReducer(doc, { type: 'addItem', uid: id1, lane: 'painPoints' });
    doc = editorReducer(doc, { type: 'setItem', uid: id1, lane: 'painPoints', index: 1, value: 'Telepon tidak diangkat' });
    expect(doc.stages[0]!.lanes.painPoints).toEqual(['', 'Telepon tidak diangkat']);
    expect(toSave(doc, 1).stages[0]!.lanes.painPoints).toEqual(['Telepon tidak diangkat']);
    doc = editorReducer(doc, { type: 'removeItem', uid: id1, lane: 'painPoints', index: 1 });
    expect(doc.stages[0]!.lanes.painPoints).toEqual(['']);
    expect(doc.stages[1]!.lanes.painPoints).toEqual([]);
  });

  it('keeps a touchpoint\'s label: the name of "Other", a note on a catalogue channel (what print shows)', () => {
    let doc = editorReducer(loaded(), { type: 'addTouchpoint', uid: id2 });
    expect(doc.stages[1]!.lanes.touchpoints).toEqual([{ channel: 'whatsapp', label: '' }]);
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: id2, index: 0, channel: 'whatsapp', label: 'Tanya harga dan jemput' });
    expect(toSave(doc, 1).stages[1]!.lanes.touchpoints).toEqual([{ channel: 'whatsapp', label: 'Tanya harga dan jemput' }]);
    expect(validate(doc, 1)).toEqual({});
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: id2, index: 0, channel: 'custom', label: 'Grup arisan' });
    expect(doc.stages[1]!.lanes.touchpoints).toEqual([{ channel: 'custom', label: 'Grup arisan' }]);
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: id2, index: 0, channel: 'shopee', label: 'Grup arisan' });
    expect(doc.stages[1]!.lanes.touchpoints).toEqual([{ channel: 'shopee', label: 'Grup arisan' }]);
  });

  it('sets emotion, its note, the metric and the cycle', () => {
    let doc = editorReducer(loaded(), { type: 'setEmotion', uid: id1, score: -2 });
    doc = editorReducer(doc, { type: 'setEmotionNote', uid: id1, note: 'Kesal menunggu' });
    doc = editorReducer(doc, { type: 'setMetric', uid: id2, metric: 'Pesanan per minggu' });
    doc = editorReducer(doc, { type: 'setCycle', value: false });
    expect(doc.stages[0]!.emotion).toEqual({ score: -2, note: 'Kesal menunggu' });
    expect(doc.stages[1]!.metric).toBe('Pesanan per minggu');
    expect(toSave(doc, 1).isCycle).toBe(false);
    doc = editorReducer(doc, { type: 'setEmotion', uid: id1, score: null });
    expect(doc.stages[0]!.emotion.score).toBeNull();
  });

  it('gives saved new stages their database ids, by the order they were sent in', () => {
    let doc = editorReducer(loaded(), { type: 'addStage', uid: 'new-1', name: 'Advokasi' });
    const sent = doc.stages.map((s) => s.uid);
    // A stage added while the save was on its way keeps having no id.
    doc = editorReducer(doc, { type: 'addStage', uid: 'new-2', name: 'Ulasan' });
    const newId = '0b5e1c00-0000-4000-8000-000000000303';
    doc = editorReducer(doc, { type: 'saved', uids: sent, ids: [id1, id2, newId] });
    expect(doc.stages.map((s) => s.id)).toEqual([id1, id2, newId, undefined]);
    expect(doc.stages[2]!.uid).toBe('new-1');
  });

  it('tells unsaved changes apart from spaces, empty rows and ids', () => {
    const before = signature(loaded());
    let doc = editorReducer(loaded(), { type: 'addItem', uid: id1, lane: 'questions' });
    expect(signature(doc)).toBe(before);
    doc = editorReducer(doc, { type: 'renameStage', uid: id1, name: ' Kesadaran ' });
    expect(signature(doc)).toBe(before);
    doc = editorReducer(doc, { type: 'moveStage', from: 0, to: 1 });
    expect(signature(doc)).not.toBe(before);
    const unsaved = editorReducer(loaded(), { type: 'addStage', uid: 'new-1', name: 'Advokasi' });
    const saved = editorReducer(unsaved, { type: 'saved', uids: ['new-1'], ids: ['0b5e1c00-0000-4000-8000-000000000303'] });
    expect(signature(saved)).toBe(signature(unsaved));
  });

  it('points at the inputs that stop a save', () => {
    let doc = editorReducer(loaded(), { type: 'renameStage', uid: id2, name: '  ' });
    doc = editorReducer(doc, { type: 'addTouchpoint', uid: id1 });
    doc = editorReducer(doc, { type: 'setTouchpoint', uid: id1, index: 0, channel: 'custom', label: '' });
    expect(validate(doc, 1)).toEqual({
      [fieldId(id2, 'name')]: 'validation.stage_name',
      [fieldId(id1, 'touchpoints', 0, 'label')]: 'validation.touchpoint_label',
    });
    expect(validate(loaded(), 1)).toEqual({});
    expect(validate(loaded(), 0)).toEqual({ _form: 'validation.invalid' });
  });

  it('refuses, without the validation library, what the server\'s schema would refuse', () => {
    const long = 'x'.repeat(501);
    let doc = editorReducer(loaded(), { type: 'insertItem', uid: id1, lane: 'content', at: 0, value: long });
    expect(validate(doc, 1)).toEqual({ _form: 'validation.too_long' });
    expect(mapSaveSchema.safeParse(toSave(doc, 1)).success).toBe(false);
    doc = editorReducer(loaded(), { type: 'renameStage', uid: id1, name: 'n'.repeat(121) });
    expect(validate(doc, 1)).toEqual({ _form: 'validation.too_long' });
    doc = editorReducer(loaded(), { type: 'setEmotionAll', uid: id1, score: 3, note: '' });
    expect(validate(doc, 1)).toEqual({ _form: 'validation.emotion_range' });
    // Whatever validate() lets through, the schema takes.
    doc = editorReducer(loaded(), { type: 'setEmotionAll', uid: id1, score: -2, note: 'Kesal' });
    expect(validate(doc, 1)).toEqual({});
    expect(mapSaveSchema.safeParse(toSave(doc, 1)).success).toBe(true);
  });

  it('inserts an item or a touchpoint where the menu says ("add below"), up to the lane limit', () => {
    let doc = editorReducer(loaded(), { type: 'insertItem', uid: id1, lane: 'questions', at: 0, value: 'Buka jam berapa?' });
    doc = editorReducer(doc, { type: 'insertItem', uid: id1, lane: 'questions', at: 1, value: 'Bisa jemput?' });
    doc = editorReducer(doc, { type: 'insertItem', uid: id1, lane: 'questions', at: 1, value: 'Harga berapa?' });
    expect(doc.stages[0]!.lanes.questions).toEqual(['Buka jam berapa?', 'Harga berapa?', 'Bisa jemput?']);
    doc = editorReducer(doc, { type: 'insertTouchpoint', uid: id2, at: 0, channel: 'custom', label: 'Grup arisan' });
    doc = editorReducer(doc, { type: 'insertTouchpoint', uid: id2, at: 0, channel: 'instagram', label: '' });
    expect(doc.stages[1]!.lanes.touchpoints).toEqual([
      { channel: 'instagram', label: '' },
      { channel: 'custom', label: 'Grup arisan' },
    ]);
    for (let i = 0; i < 40; i++) doc = editorReducer(doc, { type: 'insertItem', uid: id2, lane: 'content', at: 0, value: `Konten ${i}` });
    expect(doc.stages[1]!.lanes.content).toHaveLength(30);
    expect(doc.stages[1]!.lanes.content[0]).toBe('Konten 29');
  });

  it('undoes the last action, one at a time; a change that changes nothing is not one', () => {
    let h = historyOf(loaded());
    h = applyAction(h, { type: 'renameStage', uid: id1, name: 'Kenal usaha' });
    h = applyAction(h, { type: 'removeStage', uid: id2 });
    // A move past the end leaves the map as it was: nothing recorded.
    const before = h;
    h = applyAction(h, { type: 'moveItem', uid: id1, lane: 'painPoints', from: 0, to: 1 });
    expect(h).toBe(before);
    expect(h.past).toHaveLength(2);
    h = undo(h);
    expect(h.doc.stages.map((s) => s.name)).toEqual(['Kenal usaha', 'Pembelian']);
    h = undo(h);
    expect(h.doc).toEqual(loaded());
    expect(undo(h)).toBe(h);
  });

  it('keeps the ids a save gave when undoing past the save, and keeps at most HISTORY steps', () => {
    let h = historyOf(loaded());
    h = applyAction(h, { type: 'addStage', uid: 'new-1', name: 'Advokasi' });
    h = applyAction(h, { type: 'renameStage', uid: 'new-1', name: 'Mengajak teman' });
    const newId = '0b5e1c00-0000-4000-8000-000000000303';
    h = applyAction(h, { type: 'saved', uids: h.doc.stages.map((s) => s.uid), ids: [id1, id2, newId] });
    expect(h.past).toHaveLength(2);
    h = undo(h);
    // The stage is stored now: undoing the rename must update that row, not insert another one.
    expect(h.doc.stages[2]).toMatchObject({ uid: 'new-1', id: newId, name: 'Advokasi' });
    for (let i = 0; i < HISTORY + 10; i++) h = applyAction(h, { type: 'setMetric', uid: id1, metric: `m${i}` });
    expect(h.past).toHaveLength(HISTORY);
    expect(applyAction(h, { type: 'reset', doc: loaded() }).past).toEqual([]);
  });
});
