/**
 * Journeys and their maps in the database: create (from a stage model, a template or an imported
 * file), read, save with optimistic concurrency, status, versions (snapshot, list, restore) and
 * export. Every function is scoped to the caller's tenant; a foreign or unknown id is NotFound.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, asc, desc, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import { journeys, journeyStages, journeyVersions, personas, users, type JourneyStatus } from '@/db/schema';
import { audit } from '../core/audit';
import { AppError, NotFoundError } from '../core/errors';
import {
  emptyLanes,
  isCycleModel,
  JOURNEY_FORMAT,
  JOURNEY_FORMAT_VERSION,
  journeyDocSchema,
  stageModels,
  type JourneyDoc,
  type MapSave,
  type PersonaDoc,
  type StageDoc,
  type StageKey,
  type StageModelKey,
} from './model';
import { withTenant, type Tx } from '../core/tenancy';

export interface JourneyContext {
  tenantId: string;
  userId: string;
  ip?: string | null;
}

export async function listJourneys(ctx: JourneyContext, opts: { includeArchived?: boolean } = {}) {
  return withTenant(ctx.tenantId, (tx) =>
    tx
      .select({
        id: journeys.id,
        name: journeys.name,
        status: journeys.status,
        updatedAt: journeys.updatedAt,
        personaId: journeys.personaId,
        personaName: personas.name,
        stageCount: sql<number>`(select count(*)::int from journey_stages s where s.tenant_id = ${journeys.tenantId} and s.journey_id = ${journeys.id})`,
      })
      .from(journeys)
      .leftJoin(personas, and(eq(personas.tenantId, journeys.tenantId), eq(personas.id, journeys.personaId)))
      .where(and(eq(journeys.tenantId, ctx.tenantId), opts.includeArchived ? undefined : sql`${journeys.status} <> 'archived'`))
      .orderBy(desc(journeys.updatedAt)),
  );
}

const uuid = z.uuid();

/** A malformed id names nothing: answer as for an unknown one, before the database sees it. */
function assertIds(...ids: string[]) {
  for (const id of ids) if (!uuid.safeParse(id).success) throw new NotFoundError('id');
}

async function journeyRow(tx: Tx, tenantId: string, id: string) {
  assertIds(id);
  const [j] = await tx.select().from(journeys).where(and(eq(journeys.tenantId, tenantId), eq(journeys.id, id)));
  if (!j) throw new NotFoundError('journey');
  return j;
}

async function stagesOf(tx: Tx, tenantId: string, journeyId: string) {
  return tx
    .select()
    .from(journeyStages)
    .where(and(eq(journeyStages.tenantId, tenantId), eq(journeyStages.journeyId, journeyId)))
    .orderBy(asc(journeyStages.position));
}

function stageDoc(s: typeof journeyStages.$inferSelect): StageDoc {
  return {
    id: s.id,
    key: (s.stageKey as StageKey | null) ?? null,
    name: s.name,
    emotion: { score: s.emotionScore, note: s.emotionNote },
    metric: s.metric,
    lanes: { ...emptyLanes(), ...s.lanes },
  };
}

/** A journey with its ordered stages and persona name; NotFound outside the tenant. */
export async function getJourney(ctx: JourneyContext, id: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    const j = await journeyRow(tx, ctx.tenantId, id);
    const stages = (await stagesOf(tx, ctx.tenantId, id)).map(stageDoc);
    const [p] = j.personaId ? await tx.select().from(personas).where(and(eq(personas.tenantId, ctx.tenantId), eq(personas.id, j.personaId))) : [];
    return { journey: j, stages, persona: p ?? null };
  });
}

async function checkPersona(tx: Tx, tenantId: string, personaId: string | null | undefined) {
  if (!personaId) return null;
  assertIds(personaId);
  const [p] = await tx.select({ id: personas.id }).from(personas).where(and(eq(personas.tenantId, tenantId), eq(personas.id, personaId)));
  if (!p) throw new NotFoundError('persona');
  return p.id;
}

async function insertStages(tx: Tx, tenantId: string, journeyId: string, stages: Omit<StageDoc, 'id'>[]) {
  if (stages.length === 0) return;
  await tx.insert(journeyStages).values(
    stages.map((s, position) => ({
      tenantId,
      journeyId,
      position,
      stageKey: s.key,
      name: s.name,
      emotionScore: s.emotion.score,
      emotionNote: s.emotion.note,
      metric: s.metric,
      lanes: s.lanes,
    })),
  );
}

export interface NewJourney {
  name: string;
  personaId?: string | null;
  model: StageModelKey;
  /** Stage names for the model's keys, in the user's language. */
  stageNames: Partial<Record<StageKey, string>>;
  /** Prefilled stages (a template) instead of the model's empty ones. */
  stages?: Omit<StageDoc, 'id'>[];
  templateKey?: string | null;
  isCycle?: boolean;
  /** A fixed id (the demo seed); new journeys otherwise get a random one. */
  id?: string;
}

export async function createJourney(ctx: JourneyContext, input: NewJourney) {
  const id = input.id ?? randomUUID();
  const stages: Omit<StageDoc, 'id'>[] =
    input.stages ??
    stageModels[input.model].map((key) => ({ key, name: input.stageNames[key] ?? key, emotion: { score: null, note: '' }, metric: '', lanes: emptyLanes() }));
  await withTenant(ctx.tenantId, async (tx) => {
    const personaId = await checkPersona(tx, ctx.tenantId, input.personaId);
    await tx.insert(journeys).values({
      tenantId: ctx.tenantId,
      id,
      name: input.name,
      personaId,
      stageModel: input.model,
      templateKey: input.templateKey ?? null,
      isCycle: input.isCycle ?? isCycleModel(input.model),
      createdBy: ctx.userId,
    });
    await insertStages(tx, ctx.tenantId, id, stages);
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.created', targetType: 'journey', targetId: id, ip: ctx.ip, meta: { model: input.model, template: input.templateKey ?? null } });
  });
  return { id };
}

/**
 * Saves the whole map. `save.revision` must be the journey's current revision: if someone else
 * saved in between, nothing is written and the caller is told (their edits stay in their editor).
 * Stages keep their ids; new ones get ids; missing ones are deleted.
 */
export async function saveMap(ctx: JourneyContext, journeyId: string, save: MapSave) {
  return withTenant(ctx.tenantId, async (tx) => {
    const j = await journeyRow(tx, ctx.tenantId, journeyId);
    const bumped = await tx
      .update(journeys)
      .set({ revision: sql`${journeys.revision} + 1`, isCycle: save.isCycle, updatedAt: new Date() })
      .where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, journeyId), eq(journeys.revision, save.revision)))
      .returning({ revision: journeys.revision });
    if (bumped.length === 0) throw new AppError('errors.journey_conflict', { params: { revision: j.revision } });
    const existing = new Set((await stagesOf(tx, ctx.tenantId, journeyId)).map((s) => s.id));
    const keptIds = save.stages.map((s) => s.id).filter((x): x is string => !!x && existing.has(x));
    await tx
      .delete(journeyStages)
      .where(
        and(
          eq(journeyStages.tenantId, ctx.tenantId),
          eq(journeyStages.journeyId, journeyId),
          keptIds.length ? notInArray(journeyStages.id, keptIds) : undefined,
        ),
      );
    for (const [position, s] of save.stages.entries()) {
      const values = { position, stageKey: s.key, name: s.name, emotionScore: s.emotion.score, emotionNote: s.emotion.note, metric: s.metric, lanes: s.lanes };
      if (s.id && existing.has(s.id)) {
        await tx.update(journeyStages).set(values).where(and(eq(journeyStages.tenantId, ctx.tenantId), eq(journeyStages.id, s.id)));
      } else {
        await tx.insert(journeyStages).values({ tenantId: ctx.tenantId, journeyId, ...values });
      }
    }
    return { revision: bumped[0]!.revision };
  });
}

export interface JourneyDetails {
  name: string;
  personaId: string | null;
  status: JourneyStatus;
}

/**
 * Changes the name, persona and status. `seen` is what the form showed when it was opened: if a
 * teammate changed the details since (to something other than what this save asks for), nothing
 * is written and the caller is told, so neither change silently replaces the other. Map saves do
 * not count: they touch other fields.
 *
 * This bumps the revision like a map save (a version snapshot includes the details); the result
 * names the revision it moved from and to, so an editor whose edits started from `from` knows
 * nobody else saved in between and can carry on from `to`.
 */
export async function updateJourneyDetails(
  ctx: JourneyContext,
  journeyId: string,
  input: JourneyDetails,
  seen?: JourneyDetails,
): Promise<{ from: number; to: number }> {
  return withTenant(ctx.tenantId, async (tx) => {
    assertIds(journeyId);
    // Lock the row first, so two saves of the details are checked one after the other.
    await tx.execute(sql`select 1 from journeys where tenant_id = ${ctx.tenantId} and id = ${journeyId} for update`);
    const j = await journeyRow(tx, ctx.tenantId, journeyId);
    const personaId = await checkPersona(tx, ctx.tenantId, input.personaId);
    const now: JourneyDetails = { name: j.name, personaId: j.personaId, status: j.status };
    const same = (a: JourneyDetails, b: JourneyDetails) => a.name === b.name && a.personaId === b.personaId && a.status === b.status;
    if (seen && !same(now, seen) && !same(now, { ...input, personaId })) {
      throw new AppError('errors.journey_details_conflict', { params: { name: j.name } });
    }
    const [row] = await tx
      .update(journeys)
      .set({ name: input.name, personaId, status: input.status, updatedAt: new Date(), revision: sql`${journeys.revision} + 1` })
      .where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, journeyId)))
      .returning({ revision: journeys.revision });
    // The row is locked, so the revision before this increment was exactly one less.
    return { from: row!.revision - 1, to: row!.revision };
  });
}

function personaDoc(p: typeof personas.$inferSelect): PersonaDoc {
  return {
    name: p.name,
    ageRange: p.ageRange,
    gender: p.gender,
    location: p.location,
    occupation: p.occupation,
    lifestyle: p.lifestyle,
    personality: p.personality,
    goals: p.goals,
    painPoints: p.painPoints,
    expectations: p.expectations,
    shoppingPreferences: p.shoppingPreferences,
    preferredChannels: p.preferredChannels as PersonaDoc['preferredChannels'],
    activeTimes: p.activeTimes,
    brandView: p.brandView,
    notes: p.notes,
  };
}

async function docIn(tx: Tx, tenantId: string, journeyId: string): Promise<JourneyDoc> {
  const j = await journeyRow(tx, tenantId, journeyId);
  const stages = (await stagesOf(tx, tenantId, journeyId)).map(stageDoc);
  const [p] = j.personaId ? await tx.select().from(personas).where(and(eq(personas.tenantId, tenantId), eq(personas.id, j.personaId))) : [];
  return {
    format: JOURNEY_FORMAT,
    version: JOURNEY_FORMAT_VERSION,
    name: j.name,
    status: j.status,
    stageModel: j.stageModel,
    isCycle: j.isCycle,
    persona: p ? personaDoc(p) : null,
    stages: stages.map(({ id: _id, ...rest }) => rest),
  };
}

/** The journey in the exchange format (see docs/journey-format.md). */
export function exportJourney(ctx: JourneyContext, journeyId: string): Promise<JourneyDoc> {
  return withTenant(ctx.tenantId, (tx) => docIn(tx, ctx.tenantId, journeyId));
}

/** Creates a new journey (and a copy of its persona, if the file has one) from an exchange document. */
export async function importJourney(ctx: JourneyContext, doc: JourneyDoc) {
  const valid = journeyDocSchema.parse(doc);
  const id = randomUUID();
  await withTenant(ctx.tenantId, async (tx) => {
    let personaId: string | null = null;
    if (valid.persona) {
      personaId = randomUUID();
      await tx.insert(personas).values({ tenantId: ctx.tenantId, id: personaId, ...valid.persona });
    }
    await tx.insert(journeys).values({
      tenantId: ctx.tenantId,
      id,
      name: valid.name,
      personaId,
      status: valid.status === 'archived' ? 'draft' : valid.status,
      stageModel: valid.stageModel,
      isCycle: valid.isCycle,
      createdBy: ctx.userId,
    });
    await insertStages(tx, ctx.tenantId, id, valid.stages);
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.imported', targetType: 'journey', targetId: id, ip: ctx.ip });
  });
  return { id };
}

/** Keeps a named snapshot of the journey as it is now. */
export async function saveVersion(ctx: JourneyContext, journeyId: string, input: { name: string; note: string }) {
  return withTenant(ctx.tenantId, async (tx) => {
    const doc = await docIn(tx, ctx.tenantId, journeyId);
    // Serialise version numbering per journey.
    await tx.execute(sql`select 1 from journeys where tenant_id = ${ctx.tenantId} and id = ${journeyId} for update`);
    const [row] = await tx
      .select({ n: max(journeyVersions.number) })
      .from(journeyVersions)
      .where(and(eq(journeyVersions.tenantId, ctx.tenantId), eq(journeyVersions.journeyId, journeyId)));
    const number = (row?.n ?? 0) + 1;
    const id = randomUUID();
    await tx.insert(journeyVersions).values({ tenantId: ctx.tenantId, id, journeyId, number, name: input.name, note: input.note, snapshot: doc, createdBy: ctx.userId });
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.version_saved', targetType: 'journey', targetId: journeyId, ip: ctx.ip, meta: { version: number } });
    return { id, number };
  });
}

export async function listVersions(ctx: JourneyContext, journeyId: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    await journeyRow(tx, ctx.tenantId, journeyId);
    return tx
      .select({ id: journeyVersions.id, number: journeyVersions.number, name: journeyVersions.name, note: journeyVersions.note, createdAt: journeyVersions.createdAt, author: users.name })
      .from(journeyVersions)
      .leftJoin(users, eq(users.id, journeyVersions.createdBy))
      .where(and(eq(journeyVersions.tenantId, ctx.tenantId), eq(journeyVersions.journeyId, journeyId)))
      .orderBy(desc(journeyVersions.number));
  });
}

async function versionsIn(tx: Tx, tenantId: string, journeyId: string, ids: string[]) {
  assertIds(journeyId, ...ids);
  const rows = await tx
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, tenantId), eq(journeyVersions.journeyId, journeyId), inArray(journeyVersions.id, ids)));
  if (rows.length !== new Set(ids).size) throw new NotFoundError('version');
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)!;
    return { ...r, doc: journeyDocSchema.parse(r.snapshot) };
  });
}

/** Versions' snapshots, by id; NotFound if any id is not a version of this journey. */
export async function getVersions(ctx: JourneyContext, journeyId: string, ids: string[]) {
  return withTenant(ctx.tenantId, (tx) => versionsIn(tx, ctx.tenantId, journeyId, ids));
}

/**
 * Makes an old version the current map (the history keeps every version, including the newest).
 * One transaction with the journey row locked, so a save cannot slip in between read and write.
 */
export async function restoreVersion(ctx: JourneyContext, journeyId: string, versionId: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    await journeyRow(tx, ctx.tenantId, journeyId);
    await tx.execute(sql`select 1 from journeys where tenant_id = ${ctx.tenantId} and id = ${journeyId} for update`);
    const [v] = await versionsIn(tx, ctx.tenantId, journeyId, [versionId]);
    await tx.delete(journeyStages).where(and(eq(journeyStages.tenantId, ctx.tenantId), eq(journeyStages.journeyId, journeyId)));
    await insertStages(tx, ctx.tenantId, journeyId, v!.doc.stages);
    await tx
      .update(journeys)
      .set({ isCycle: v!.doc.isCycle, revision: sql`${journeys.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, journeyId)));
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.version_restored', targetType: 'journey', targetId: journeyId, ip: ctx.ip, meta: { version: v!.number } });
    return { number: v!.number };
  });
}
