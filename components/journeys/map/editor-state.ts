/**
 * The map editor's state as plain data: one document (ordered stages + cycle flag) changed only
 * through `editorReducer`, turned into what `saveMap` takes by `toSave`. Pure, unit-tested.
 */
import { LIMITS, mapSaveSchema, move, type Channel, type MapSave, type StageDoc, type StageKey, type TextLane } from '@/lib/journeys/model';

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
  | { type: 'setItem'; uid: string; lane: TextLane; index: number; value: string }
  | { type: 'removeItem'; uid: string; lane: TextLane; index: number }
  | { type: 'moveItem'; uid: string; lane: TextLane | 'touchpoints'; from: number; to: number }
  | { type: 'addTouchpoint'; uid: string }
  | { type: 'setTouchpoint'; uid: string; index: number; channel: TouchpointChannel; label: string }
  | { type: 'removeTouchpoint'; uid: string; index: number }
  | { type: 'setEmotion'; uid: string; score: number | null }
  | { type: 'setEmotionNote'; uid: string; note: string }
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
  return { ...doc, stages: doc.stages.map((s) => (s.uid === uid ? change(s) : s)) };
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
  const parsed = mapSaveSchema.safeParse(toSave(doc, revision));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '';
    issues._form = message.startsWith('validation.') ? message : 'validation.invalid';
  }
  return issues;
}
