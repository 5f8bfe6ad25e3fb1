/**
 * The map editor's state as plain data: one document (ordered stages + cycle flag) changed only
 * through `editorReducer`, turned into what `saveMap` takes by `toSave`. Pure, unit-tested.
 */
// Client code: no validation library here (lib/journeys/limits.ts is zod-free; model.ts only for types).
import { LIMITS } from '@/lib/journeys/limits';
import type { Channel, MapSave, StageDoc, StageKey, TextLane } from '@/lib/journeys/model';

/** Moves the item at `from` to `to` (both clamped); a new array. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [x] = out.splice(from, 1);
  out.splice(target, 0, x as T);
  return out;
}

export interface EditorStage extends Omit<StageDoc, 'id'> {
  /** React key and DOM id stem: the stage id once saved, a local one before. */
  uid: string;
  id?: string;
}

export interface EditorDoc {
  isCycle: boolean;
  stages: EditorStage[];
}

export type TouchpointChannel = Channel | 'custom';

export type EditorAction =
  | { type: 'reset'; doc: EditorDoc }
  | { type: 'addStage'; uid: string; name: string }
  | { type: 'renameStage'; uid: string; name: string }
  | { type: 'removeStage'; uid: string }
  | { type: 'moveStage'; from: number; to: number }
  | { type: 'addItem'; uid: string; lane: TextLane }
  /** A new item at `at` (0…length): "add below" in an item's menu. */
  | { type: 'insertItem'; uid: string; lane: TextLane; at: number; value: string }
  | { type: 'setItem'; uid: string; lane: TextLane; index: number; value: string }
  | { type: 'removeItem'; uid: string; lane: TextLane; index: number }
  | { type: 'moveItem'; uid: string; lane: TextLane | 'touchpoints'; from: number; to: number }
  | { type: 'addTouchpoint'; uid: string }
  | { type: 'insertTouchpoint'; uid: string; at: number; channel: TouchpointChannel; label: string }
  | { type: 'setTouchpoint'; uid: string; index: number; channel: TouchpointChannel; label: string }
  | { type: 'removeTouchpoint'; uid: string; index: number }
  | { type: 'setEmotion'; uid: string; score: number | null }
  | { type: 'setEmotionNote'; uid: string; note: string }
  /** Both at once: one edit of the emotion cell is one step to undo. */
  | { type: 'setEmotionAll'; uid: string; score: number | null; note: string }
  | { type: 'setMetric'; uid: string; metric: string }
  | { type: 'setCycle'; value: boolean }
  /** The server stored the stages sent as `uids` (in that order) under `ids`. */
  | { type: 'saved'; uids: string[]; ids: string[] };

export function fromStages(stages: StageDoc[], isCycle: boolean): EditorDoc {
  return { isCycle, stages: stages.map((s, i) => ({ ...s, uid: s.id ?? `stage-${i}` })) };
}

export function newStage(uid: string, name: string, key: StageKey | null = null): EditorStage {
  return {
    uid,
    key,
    name,
    emotion: { score: null, note: '' },
    metric: '',
    lanes: { actions: [], touchpoints: [], questions: [], painPoints: [], opportunities: [], content: [] },
  };
}

function updateStage(doc: EditorDoc, uid: string, change: (s: EditorStage) => EditorStage): EditorDoc {
  let changed = false;
  const stages = doc.stages.map((s) => {
    if (s.uid !== uid) return s;
    const next = change(s);
    changed ||= next !== s;
    return next;
  });
  // Nothing changed (a move past either end, a full lane): the same document, so nothing to undo.
  return changed ? { ...doc, stages } : doc;
}

function withLane<L extends keyof EditorStage['lanes']>(s: EditorStage, lane: L, items: EditorStage['lanes'][L]): EditorStage {
  return { ...s, lanes: { ...s.lanes, [lane]: items } };
}

export function editorReducer(doc: EditorDoc, action: EditorAction): EditorDoc {
  switch (action.type) {
    case 'reset':
      return action.doc;
    case 'addStage':
      if (doc.stages.length >= LIMITS.stages) return doc;
      return { ...doc, stages: [...doc.stages, newStage(action.uid, action.name)] };
    case 'renameStage':
      return updateStage(doc, action.uid, (s) => ({ ...s, name: action.name }));
    case 'removeStage':
      return { ...doc, stages: doc.stages.filter((s) => s.uid !== action.uid) };
    case 'moveStage':
      return { ...doc, stages: move(doc.stages, action.from, action.to) };
    case 'addItem':
      return updateStage(doc, action.uid, (s) => (s.lanes[action.lane].length >= LIMITS.itemsPerLane ? s : withLane(s, action.lane, [...s.lanes[action.lane], ''])));
    case 'insertItem':
      return updateStage(doc, action.uid, (s) => {
        const items = s.lanes[action.lane];
        if (items.length >= LIMITS.itemsPerLane) return s;
        const at = Math.max(0, Math.min(items.length, action.at));
        return withLane(s, action.lane, [...items.slice(0, at), action.value, ...items.slice(at)]);
      });
    case 'setItem':
      return updateStage(doc, action.uid, (s) => withLane(s, action.lane, s.lanes[action.lane].map((x, i) => (i === action.index ? action.value : x))));
    case 'removeItem':
      return updateStage(doc, action.uid, (s) => withLane(s, action.lane, s.lanes[action.lane].filter((_, i) => i !== action.index)));
    case 'moveItem':
      return updateStage(doc, action.uid, (s) => {
        const items: unknown[] = s.lanes[action.lane];
        if (action.to < 0 || action.to >= items.length || action.from < 0 || action.from >= items.length) return s;
        return { ...s, lanes: { ...s.lanes, [action.lane]: move(items, action.from, action.to) } };
      });
    case 'addTouchpoint':
      return updateStage(doc, action.uid, (s) =>
        s.lanes.touchpoints.length >= LIMITS.itemsPerLane ? s : withLane(s, 'touchpoints', [...s.lanes.touchpoints, { channel: 'whatsapp', label: '' }]),
      );
    case 'insertTouchpoint':
      return updateStage(doc, action.uid, (s) => {
        const items = s.lanes.touchpoints;
        if (items.length >= LIMITS.itemsPerLane) return s;
        const at = Math.max(0, Math.min(items.length, action.at));
        return withLane(s, 'touchpoints', [...items.slice(0, at), { channel: action.channel, label: action.label }, ...items.slice(at)]);
      });
    case 'setTouchpoint':
      return updateStage(doc, action.uid, (s) =>
        withLane(
          s,
          'touchpoints',
          // The label is the channel's name for "Other" and an optional note on a catalogue channel
          // ("WhatsApp: Tanya harga"): it is what print and share show, so it is kept across a change of channel.
          s.lanes.touchpoints.map((t, i) => (i === action.index ? { channel: action.channel, label: action.label } : t)),
        ),
      );
    case 'removeTouchpoint':
      return updateStage(doc, action.uid, (s) => withLane(s, 'touchpoints', s.lanes.touchpoints.filter((_, i) => i !== action.index)));
    case 'setEmotion':
      return updateStage(doc, action.uid, (s) => ({ ...s, emotion: { ...s.emotion, score: action.score } }));
    case 'setEmotionNote':
      return updateStage(doc, action.uid, (s) => ({ ...s, emotion: { ...s.emotion, note: action.note } }));
    case 'setEmotionAll':
      return updateStage(doc, action.uid, (s) => ({ ...s, emotion: { score: action.score, note: action.note } }));
    case 'setMetric':
      return updateStage(doc, action.uid, (s) => ({ ...s, metric: action.metric }));
    case 'setCycle':
      return { ...doc, isCycle: action.value };
    case 'saved': {
      const idOf = new Map(action.uids.map((uid, i) => [uid, action.ids[i]]));
      return { ...doc, stages: doc.stages.map((s) => (idOf.get(s.uid) ? { ...s, id: idOf.get(s.uid) } : s)) };
    }
  }
}

/** What `saveMap` takes. Items left empty are dropped rather than refused: an empty row is not content. */
export function toSave(doc: EditorDoc, revision: number): MapSave {
  const text = (items: string[]) => items.filter((x) => x.trim() !== '');
  return {
    revision,
    isCycle: doc.isCycle,
    stages: doc.stages.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      key: s.key,
      name: s.name,
      emotion: { score: s.emotion.score, note: s.emotion.note },
      metric: s.metric,
      lanes: {
        actions: text(s.lanes.actions),
        touchpoints: s.lanes.touchpoints.map((t) => ({ channel: t.channel, label: t.label })),
        questions: text(s.lanes.questions),
        painPoints: text(s.lanes.painPoints),
        opportunities: text(s.lanes.opportunities),
        content: text(s.lanes.content),
      },
    })),
  };
}

/** Compares two states by what would be saved (ids and surrounding spaces aside): "unsaved changes". */
export function signature(doc: EditorDoc): string {
  const save = toSave(doc, 1);
  const content = { isCycle: save.isCycle, stages: save.stages.map(({ id: _id, ...rest }) => rest) };
  // The server trims what it stores, so spaces alone are not a change.
  return JSON.stringify(content, (_key, value: unknown) => (typeof value === 'string' ? value.trim() : value));
}

/** Ids of the inputs, so an error or a new row can be focused. */
export const fieldId = (uid: string, ...parts: (string | number)[]) => ['map', uid, ...parts].join('-');

/**
 * What stops a save, before it is sent: keyed by input id, valued by a `common:validation.*` key.
 * `_form` carries anything the schema refuses that no single input explains.
 */
export function validate(doc: EditorDoc, revision: number): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const s of doc.stages) {
    if (s.name.trim() === '') issues[fieldId(s.uid, 'name')] = 'validation.stage_name';
    s.lanes.touchpoints.forEach((t, i) => {
      if (t.channel === 'custom' && t.label.trim() === '') issues[fieldId(s.uid, 'touchpoints', i, 'label')] = 'validation.touchpoint_label';
    });
  }
  if (Object.keys(issues).length) return issues;
  // What the server's schema (lib/journeys/model.ts mapSaveSchema) refuses beyond those, checked
  // here without its validation library: the server checks it all again.
  const form = formIssue(toSave(doc, revision));
  if (form) issues._form = form;
  return issues;
}

function formIssue(save: MapSave): string | null {
  if (!Number.isInteger(save.revision) || save.revision < 1) return 'validation.invalid';
  if (save.stages.length > LIMITS.stages) return 'validation.too_many_stages';
  for (const s of save.stages) {
    if (s.name.trim().length > LIMITS.name) return 'validation.too_long';
    if (s.emotion.note.trim().length > LIMITS.text || s.metric.trim().length > LIMITS.text) return 'validation.too_long';
    if (s.emotion.score !== null && (!Number.isInteger(s.emotion.score) || s.emotion.score < -2 || s.emotion.score > 2)) return 'validation.emotion_range';
    for (const lane of ['actions', 'questions', 'painPoints', 'opportunities', 'content'] as const) {
      if (s.lanes[lane].length > LIMITS.itemsPerLane) return 'validation.invalid';
      if (s.lanes[lane].some((x) => x.trim().length > LIMITS.text)) return 'validation.too_long';
    }
    if (s.lanes.touchpoints.length > LIMITS.itemsPerLane) return 'validation.invalid';
    if (s.lanes.touchpoints.some((t) => t.label.trim().length > LIMITS.name)) return 'validation.too_long';
  }
  return null;
}

/**
 * "Undo the last action": the documents before each change, newest last, at most `HISTORY` deep.
 * A change that leaves the document as it was (a move past the end) is not recorded.
 */
export const HISTORY = 50;

export interface EditorHistory {
  doc: EditorDoc;
  past: EditorDoc[];
}

export function historyOf(doc: EditorDoc): EditorHistory {
  return { doc, past: [] };
}

export function applyAction(h: EditorHistory, action: EditorAction): EditorHistory {
  const doc = editorReducer(h.doc, action);
  if (doc === h.doc) return h;
  // Ids from a save are bookkeeping, not an action to undo; a reset starts over.
  if (action.type === 'saved') return { doc, past: h.past.map((d) => editorReducer(d, action)) };
  if (action.type === 'reset') return historyOf(doc);
  return { doc, past: [...h.past.slice(-(HISTORY - 1)), h.doc] };
}

export function undo(h: EditorHistory): EditorHistory {
  const prev = h.past[h.past.length - 1];
  return prev ? { doc: prev, past: h.past.slice(0, -1) } : h;
}
