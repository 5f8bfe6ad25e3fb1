/**
 * The journey map as data, independent of the database: stage models, the channel catalogue,
 * the exchange format (export/import and version snapshots), reordering and the diff of two
 * versions. Pure functions, unit-tested.
 */
import { z } from 'zod';
import { personaTextFieldNames, personaTextFields, type PersonaTextField } from '../personas/fields';
import { channels } from '../shared/journeys';
import { LIMITS } from './limits';

export const stageModels = {
  five_stage: ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'],
  five_phase: ['awareness', 'consideration', 'research', 'purchase', 'review'],
  three_stage: ['pre_purchase', 'purchase', 'post_purchase'],
  blank: [],
} as const satisfies Record<string, readonly string[]>;
export type StageModelKey = keyof typeof stageModels;
export const stageModelKeys = Object.keys(stageModels) as StageModelKey[];
export const stageKeys = ['awareness', 'consideration', 'research', 'purchase', 'retention', 'advocacy', 'review', 'pre_purchase', 'post_purchase'] as const;
export type StageKey = (typeof stageKeys)[number];

/** Models whose last stage feeds the first (loyal customers bring new ones): drawn as a cycle. */
export function isCycleModel(model: StageModelKey): boolean {
  return model === 'five_stage';
}

// The channel catalogue is shared with the database layer (lib/shared/journeys.ts).
export { channels, type Channel } from '../shared/journeys';

export const lanes = ['actions', 'touchpoints', 'questions', 'painPoints', 'opportunities', 'content'] as const;
export type Lane = (typeof lanes)[number];
export const textLanes = ['actions', 'questions', 'painPoints', 'opportunities', 'content'] as const;
export type TextLane = (typeof textLanes)[number];

// The size limits are plain numbers in lib/journeys/limits.ts (client code imports them from there).
export { LIMITS };

const item = z.string().trim().min(1, 'validation.required').max(LIMITS.text, 'validation.too_long');
const touchpoint = z.object({
  // A catalogue channel, or 'custom' with the owner's own label.
  channel: z.union([z.enum(channels), z.literal('custom')]),
  label: z.string().trim().max(LIMITS.name, 'validation.too_long').default(''),
});

export const lanesSchema = z.object({
  actions: z.array(item).max(LIMITS.itemsPerLane).default([]),
  touchpoints: z
    .array(touchpoint)
    .max(LIMITS.itemsPerLane)
    .default([])
    .refine((tps) => tps.every((t) => t.channel !== 'custom' || t.label.length > 0), 'validation.touchpoint_label'),
  questions: z.array(item).max(LIMITS.itemsPerLane).default([]),
  painPoints: z.array(item).max(LIMITS.itemsPerLane).default([]),
  opportunities: z.array(item).max(LIMITS.itemsPerLane).default([]),
  content: z.array(item).max(LIMITS.itemsPerLane).default([]),
});
export type Lanes = z.output<typeof lanesSchema>;

export const emptyLanes = (): Lanes => ({ actions: [], touchpoints: [], questions: [], painPoints: [], opportunities: [], content: [] });

export const stageSchema = z.object({
  /** Present for a stage that already exists (kept stable across saves); absent for a new one. */
  id: z.uuid().optional(),
  key: z.enum(stageKeys).nullable().default(null),
  name: z.string().trim().min(1, 'validation.stage_name').max(LIMITS.name, 'validation.too_long'),
  emotion: z
    .object({
      score: z.number().int().min(-2, 'validation.emotion_range').max(2, 'validation.emotion_range').nullable().default(null),
      note: z.string().trim().max(LIMITS.text, 'validation.too_long').default(''),
    })
    .default({ score: null, note: '' }),
  metric: z.string().trim().max(LIMITS.text, 'validation.too_long').default(''),
  lanes: lanesSchema.default(emptyLanes()),
});
export type StageDoc = z.output<typeof stageSchema>;

/** What the map editor saves: the ordered stages, with the revision it started from. */
export const mapSaveSchema = z.object({
  revision: z.number().int().positive(),
  isCycle: z.boolean().default(false),
  stages: z.array(stageSchema).max(LIMITS.stages, 'validation.too_many_stages'),
});
export type MapSave = z.output<typeof mapSaveSchema>;

/** What a map save answers: the journey's new revision and the stored id of each stage sent, in order (new stages included). */
export interface MapSaved {
  revision: number;
  stageIds: string[];
}

/** What a refused map save tells the editor (the error's data): the map changed since it was loaded; it is now at `revision`. */
export interface MapConflict {
  conflict: true;
  revision: number;
}

/** What the map editor is answered: the save, or (with the error) the conflict that refused it. */
export type MapSaveAnswer = MapSaved | MapConflict;

/** What a save of the journey's details answers: the revision it moved the journey from and to. */
export interface RevisionMove {
  from: number;
  to: number;
}

/** A persona's text fields as the exchange format carries them: the one list in lib/personas/fields.ts. */
const personaTextSchemas = Object.fromEntries(personaTextFieldNames.map((k) => [k, z.string().max(personaTextFields[k]).default('')])) as {
  [K in PersonaTextField]: z.ZodDefault<z.ZodString>;
};

export const personaDocSchema = z.object({
  name: z.string().trim().min(1).max(LIMITS.name),
  ...personaTextSchemas,
  preferredChannels: z.array(z.enum(channels)).max(channels.length).default([]),
});
export type PersonaDoc = z.output<typeof personaDocSchema>;

export const JOURNEY_FORMAT = 'jejak.journey';
export const JOURNEY_FORMAT_VERSION = 1;

/**
 * The exchange format: export, import (into any business) and version snapshots. Documented in
 * docs/journey-format.md; stage ids are not part of it (they belong to one business).
 */
export const journeyDocSchema = z.object({
  format: z.literal(JOURNEY_FORMAT, 'validation.import_format'),
  version: z.literal(JOURNEY_FORMAT_VERSION, 'validation.import_version'),
  name: z.string().trim().min(1, 'validation.required').max(LIMITS.name, 'validation.too_long'),
  status: z.enum(['draft', 'active', 'archived']).default('draft'),
  stageModel: z.enum(stageModelKeys as [StageModelKey, ...StageModelKey[]]).default('blank'),
  isCycle: z.boolean().default(false),
  persona: personaDocSchema.nullable().default(null),
  stages: z.array(stageSchema.omit({ id: true })).max(LIMITS.stages, 'validation.too_many_stages'),
});
export type JourneyDoc = z.output<typeof journeyDocSchema>;

export interface ImportProblem {
  /** Where in the file, e.g. "stages.2.name". */
  path: string;
  /** A translation key under common:validation. */
  key: string;
}

/** Parses an uploaded file: either a valid document or the list of what is wrong, and where. */
export function parseJourneyDoc(text: string): { ok: true; doc: JourneyDoc } | { ok: false; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', key: 'validation.import_json' }] };
  }
  const parsed = journeyDocSchema.safeParse(raw);
  if (parsed.success) return { ok: true, doc: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 20).map((i) => ({
      path: i.path.join('.'),
      key: i.message.startsWith('validation.') ? i.message : 'validation.invalid',
    })),
  };
}

export type StageChange =
  | { kind: 'added'; name: string; index: number }
  | { kind: 'removed'; name: string; index: number }
  | { kind: 'renamed'; from: string; to: string; index: number }
  | { kind: 'moved'; name: string; from: number; to: number }
  | { kind: 'emotion'; name: string; from: number | null; to: number | null }
  | { kind: 'metric'; name: string; from: string; to: string }
  | { kind: 'items'; name: string; lane: Lane; added: string[]; removed: string[] };

function laneTexts(lanesDoc: Lanes, lane: Lane): string[] {
  return lane === 'touchpoints' ? lanesDoc.touchpoints.map((t) => (t.channel === 'custom' ? t.label : t.label ? `${t.channel}: ${t.label}` : t.channel)) : lanesDoc[lane];
}

/**
 * What changed from version a to version b, stage by stage. Stages are matched by their model
 * key when they have one, else by name, else by position.
 */
export function diffJourneys(a: Pick<JourneyDoc, 'stages'>, b: Pick<JourneyDoc, 'stages'>): StageChange[] {
  const changes: StageChange[] = [];
  const identity = (s: { key: string | null; name: string }) => (s.key ? `k:${s.key}` : `n:${s.name.toLowerCase()}`);
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  b.stages.forEach((sb, ib) => {
    let ia = a.stages.findIndex((sa, i) => !used.has(i) && identity(sa) === identity(sb));
    if (ia < 0 && a.stages.length === b.stages.length && !used.has(ib)) ia = ib; // renamed in place
    if (ia >= 0) {
      used.add(ia);
      pairs.push([ia, ib]);
    } else changes.push({ kind: 'added', name: sb.name, index: ib });
  });
  a.stages.forEach((sa, ia) => {
    if (!used.has(ia)) changes.push({ kind: 'removed', name: sa.name, index: ia });
  });
  for (const [ia, ib] of pairs) {
    const sa = a.stages[ia]!;
    const sb = b.stages[ib]!;
    if (sa.name !== sb.name) changes.push({ kind: 'renamed', from: sa.name, to: sb.name, index: ib });
    if (ia !== ib) changes.push({ kind: 'moved', name: sb.name, from: ia, to: ib });
    if (sa.emotion.score !== sb.emotion.score) changes.push({ kind: 'emotion', name: sb.name, from: sa.emotion.score, to: sb.emotion.score });
    if (sa.metric !== sb.metric) changes.push({ kind: 'metric', name: sb.name, from: sa.metric, to: sb.metric });
    for (const lane of lanes) {
      const before = laneTexts(sa.lanes, lane);
      const after = laneTexts(sb.lanes, lane);
      const added = after.filter((x) => !before.includes(x));
      const removed = before.filter((x) => !after.includes(x));
      if (added.length || removed.length) changes.push({ kind: 'items', name: sb.name, lane, added, removed });
    }
  }
  return changes;
}
