/**
 * Journeys and their maps in the database: create (from a stage model, a template or an imported
 * file), read, save with optimistic concurrency, status, versions (snapshot, list, restore) and
 * export. Every function works inside the caller's transaction (`db: TenantDb`, opened by the
 * action wrapper or a page through `inTenant`) and never opens one of its own; every query names
 * the tenant. A foreign, unknown or malformed id is NotFound.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import { journeys, journeyStages, journeyVersions, personas, users } from '@/db/schema';
import type { JourneyStatus } from '../shared/journeys';
import { personaTexts } from '../personas/fields';
import { audit } from '../core/audit';
import { AppError, NotFoundError } from '../core/errors';
import { assertUuids, isUuid } from '../core/ids';
import {
  emptyLanes,
  isCycleModel,
  JOURNEY_FORMAT,
  JOURNEY_FORMAT_VERSION,
  journeyDocSchema,
  stageModels,
  type JourneyDoc,
  type MapConflict,
  type MapSave,
  type MapSaved,
  type PersonaDoc,
  type RevisionMove,
  type StageDoc,
  type StageKey,
  type StageModelKey,
} from './model';
import type { TenantDb } from '../core/tenancy';

export async function listJourneys(db: TenantDb, opts: { includeArchived?: boolean } = {}) {
  return db.tx
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
    .where(and(eq(journeys.tenantId, db.tenantId), opts.includeArchived ? undefined : sql`${journeys.status} <> 'archived'`))
    .orderBy(desc(journeys.updatedAt));
}

async function journeyRow(db: TenantDb, id: string) {
  assertUuids(id);
  const [j] = await db.tx.select().from(journeys).where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.id, id)));
  if (!j) throw new NotFoundError('journey');
  return j;
}

/** Locks the journey's row until the transaction ends: saves of one journey are checked one after the other. */
async function lockJourney(db: TenantDb, id: string) {
  await db.tx.execute(sql`select 1 from journeys where tenant_id = ${db.tenantId} and id = ${id} for update`);
}

async function stagesOf(db: TenantDb, journeyId: string) {
  return db.tx
    .select()
    .from(journeyStages)
    .where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.journeyId, journeyId)))
    .orderBy(asc(journeyStages.position));
}

async function personaRow(db: TenantDb, personaId: string | null) {
  if (!personaId) return null;
  const [p] = await db.tx.select().from(personas).where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, personaId)));
  return p ?? null;
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

/** A journey with its ordered stages and persona; NotFound outside the tenant. */
export async function getJourney(db: TenantDb, id: string) {
  const j = await journeyRow(db, id);
  const stages = (await stagesOf(db, id)).map(stageDoc);
  const persona = await personaRow(db, j.personaId);
  return { journey: j, stages, persona };
}

async function checkPersona(db: TenantDb, personaId: string | null | undefined) {
  if (!personaId) return null;
  assertUuids(personaId);
  const [p] = await db.tx.select({ id: personas.id }).from(personas).where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, personaId)));
  if (!p) throw new NotFoundError('persona');
  return p.id;
}

/** `id`: keep a stage's identity (restoring a version over it); none: a new stage. */
async function insertStages(db: TenantDb, journeyId: string, stages: (Omit<StageDoc, 'id'> & { id?: string })[]) {
  if (stages.length === 0) return;
  await db.tx.insert(journeyStages).values(
    stages.map((s, position) => ({
      tenantId: db.tenantId,
      ...(s.id ? { id: s.id } : {}),
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

export async function createJourney(db: TenantDb, input: NewJourney): Promise<{ id: string }> {
  const id = input.id ?? randomUUID();
  const stages: Omit<StageDoc, 'id'>[] =
    input.stages ??
    stageModels[input.model].map((key) => ({ key, name: input.stageNames[key] ?? key, emotion: { score: null, note: '' }, metric: '', lanes: emptyLanes() }));
  const personaId = await checkPersona(db, input.personaId);
  await db.tx.insert(journeys).values({
    tenantId: db.tenantId,
    id,
    name: input.name,
    personaId,
    stageModel: input.model,
    templateKey: input.templateKey ?? null,
    isCycle: input.isCycle ?? isCycleModel(input.model),
    createdBy: db.userId,
  });
  await insertStages(db, id, stages);
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'journey.created', targetType: 'journey', targetId: id, ip: db.ip, meta: { model: input.model, template: input.templateKey ?? null } });
  return { id };
}

/**
 * Saves the whole map. `save.revision` must be the journey's current revision: if someone else
 * saved in between, nothing is written and the caller is told (an AppError whose data is a
 * MapConflict; their edits stay in their editor).
 * Stages keep their ids; new ones get ids (returned, so the editor updates those rows on its next
 * save instead of inserting them again); missing ones are deleted.
 */
export async function saveMap(db: TenantDb, journeyId: string, save: MapSave): Promise<MapSaved> {
  const j = await journeyRow(db, journeyId);
  const bumped = await db.tx
    .update(journeys)
    .set({ revision: sql`${journeys.revision} + 1`, isCycle: save.isCycle, updatedAt: new Date() })
    .where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.id, journeyId), eq(journeys.revision, save.revision)))
    .returning({ revision: journeys.revision });
  if (bumped.length === 0) {
    const conflict: MapConflict = { conflict: true, revision: j.revision };
    throw new AppError('errors.journey_conflict', { params: { revision: j.revision }, data: conflict });
  }
  const existing = new Set((await stagesOf(db, journeyId)).map((s) => s.id));
  const keptIds = save.stages.map((s) => s.id).filter((x): x is string => !!x && existing.has(x));
  await db.tx
    .delete(journeyStages)
    .where(
      and(
        eq(journeyStages.tenantId, db.tenantId),
        eq(journeyStages.journeyId, journeyId),
        keptIds.length ? notInArray(journeyStages.id, keptIds) : undefined,
      ),
    );
  const stageIds: string[] = [];
  for (const [position, s] of save.stages.entries()) {
    const values = { position, stageKey: s.key, name: s.name, emotionScore: s.emotion.score, emotionNote: s.emotion.note, metric: s.metric, lanes: s.lanes };
    // An id sent twice names one row: the second stage is stored as a new one.
    if (s.id && existing.has(s.id) && !stageIds.includes(s.id)) {
      await db.tx.update(journeyStages).set(values).where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.id, s.id)));
      stageIds.push(s.id);
    } else {
      const [row] = await db.tx.insert(journeyStages).values({ tenantId: db.tenantId, journeyId, ...values }).returning({ id: journeyStages.id });
      stageIds.push(row!.id);
    }
  }
  return { revision: bumped[0]!.revision, stageIds };
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
  db: TenantDb,
  journeyId: string,
  input: JourneyDetails,
  seen?: JourneyDetails,
): Promise<RevisionMove> {
  assertUuids(journeyId);
  // Lock the row first, so two saves of the details are checked one after the other.
  await lockJourney(db, journeyId);
  const j = await journeyRow(db, journeyId);
  const personaId = await checkPersona(db, input.personaId);
  const now: JourneyDetails = { name: j.name, personaId: j.personaId, status: j.status };
  const same = (a: JourneyDetails, b: JourneyDetails) => a.name === b.name && a.personaId === b.personaId && a.status === b.status;
  if (seen && !same(now, seen) && !same(now, { ...input, personaId })) {
    throw new AppError('errors.journey_details_conflict', { params: { name: j.name } });
  }
  const [row] = await db.tx
    .update(journeys)
    .set({ name: input.name, personaId, status: input.status, updatedAt: new Date(), revision: sql`${journeys.revision} + 1` })
    .where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.id, journeyId)))
    .returning({ revision: journeys.revision });
  // The row is locked, so the revision before this increment was exactly one less.
  return { from: row!.revision - 1, to: row!.revision };
}

function personaDoc(p: typeof personas.$inferSelect): PersonaDoc {
  return { name: p.name, ...personaTexts(p), preferredChannels: p.preferredChannels as PersonaDoc['preferredChannels'] };
}

/** The journey in the exchange format (see docs/journey-format.md). */
export async function exportJourney(db: TenantDb, journeyId: string): Promise<JourneyDoc> {
  const { journey: j, stages, persona } = await getJourney(db, journeyId);
  return {
    format: JOURNEY_FORMAT,
    version: JOURNEY_FORMAT_VERSION,
    name: j.name,
    status: j.status,
    stageModel: j.stageModel,
    isCycle: j.isCycle,
    persona: persona ? personaDoc(persona) : null,
    stages: stages.map(({ id: _id, ...rest }) => rest),
  };
}

/** Creates a new journey (and a copy of its persona, if the file has one) from an exchange document. */
export async function importJourney(db: TenantDb, doc: JourneyDoc): Promise<{ id: string }> {
  const valid = journeyDocSchema.parse(doc);
  const id = randomUUID();
  let personaId: string | null = null;
  if (valid.persona) {
    personaId = randomUUID();
    await db.tx.insert(personas).values({ tenantId: db.tenantId, id: personaId, ...valid.persona });
  }
  await db.tx.insert(journeys).values({
    tenantId: db.tenantId,
    id,
    name: valid.name,
    personaId,
    status: valid.status === 'archived' ? 'draft' : valid.status,
    stageModel: valid.stageModel,
    isCycle: valid.isCycle,
    createdBy: db.userId,
  });
  await insertStages(db, id, valid.stages);
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'journey.imported', targetType: 'journey', targetId: id, ip: db.ip });
  return { id };
}

/** Keeps a named snapshot of the journey as it is now. */
export async function saveVersion(db: TenantDb, journeyId: string, input: { name: string; note: string }): Promise<{ id: string; number: number }> {
  const doc = await exportJourney(db, journeyId);
  // Serialise version numbering per journey.
  await lockJourney(db, journeyId);
  const [row] = await db.tx
    .select({ n: max(journeyVersions.number) })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId)));
  const number = (row?.n ?? 0) + 1;
  const id = randomUUID();
  await db.tx.insert(journeyVersions).values({ tenantId: db.tenantId, id, journeyId, number, name: input.name, note: input.note, snapshot: doc, createdBy: db.userId });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'journey.version_saved', targetType: 'journey', targetId: journeyId, ip: db.ip, meta: { version: number } });
  return { id, number };
}

export async function listVersions(db: TenantDb, journeyId: string) {
  await journeyRow(db, journeyId);
  return db.tx
    .select({ id: journeyVersions.id, number: journeyVersions.number, name: journeyVersions.name, note: journeyVersions.note, createdAt: journeyVersions.createdAt, author: users.name })
    .from(journeyVersions)
    .leftJoin(users, eq(users.id, journeyVersions.createdBy))
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId)))
    .orderBy(desc(journeyVersions.number));
}

/** Versions per page of the history. */
export const VERSION_PAGE_SIZE = 24;
/** Versions a compare picker offers before a search: the newest ones. */
export const VERSION_PICKER_LIMIT = 50;

/**
 * One page of the history, newest first: the versions numbered below `before` (none: from the
 * newest). Keyset paging on the version number (the unique index `tenant_id, journey_id, number`),
 * so version 3 of 300 costs what version 300 does. `older`: the `before` of the next page, if any.
 * NotFound outside the tenant.
 */
export async function listVersionsPage(db: TenantDb, journeyId: string, opts: { before?: number } = {}, pageSize = VERSION_PAGE_SIZE) {
  await journeyRow(db, journeyId);
  const before = opts.before !== undefined && Number.isSafeInteger(opts.before) && opts.before > 0 ? opts.before : undefined;
  const rows = await db.tx
    .select({ id: journeyVersions.id, number: journeyVersions.number, name: journeyVersions.name, note: journeyVersions.note, createdAt: journeyVersions.createdAt, author: users.name })
    .from(journeyVersions)
    .leftJoin(users, eq(users.id, journeyVersions.createdBy))
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId), before ? sql`${journeyVersions.number} < ${before}` : undefined))
    .orderBy(desc(journeyVersions.number))
    .limit(pageSize + 1);
  const shown = rows.slice(0, pageSize);
  return { rows: shown, older: rows.length > pageSize ? shown[shown.length - 1]!.number : undefined };
}

/**
 * A compare picker's versions that stay few however long the history: the newest
 * `VERSION_PICKER_LIMIT`, or those matching a search (a number finds that version; words, every
 * one anywhere in the name), newest first; `include` (the versions being compared) always among
 * them. `more`: others exist that a search would find. NotFound outside the tenant.
 */
export async function versionChoices(db: TenantDb, journeyId: string, opts: { q?: string; include?: string[] } = {}, limit = VERSION_PICKER_LIMIT) {
  await journeyRow(db, journeyId);
  const q = (opts.q ?? '').trim().slice(0, 100).toLowerCase();
  const number = /^#?\d{1,9}$/.test(q) ? Number(q.replace('#', '')) : null;
  const words = number === null ? (q.match(/[^\s]+/gu)?.slice(0, 8) ?? []) : [];
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = number !== null ? [sql`${journeyVersions.number} = ${number}`] : words.map((w) => sql`lower(${journeyVersions.name}) like ${like(w)}`);
  const columns = { id: journeyVersions.id, number: journeyVersions.number, name: journeyVersions.name };
  const found = await db.tx
    .select(columns)
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId), ...match))
    .orderBy(desc(journeyVersions.number))
    .limit(limit + 1);
  const options = found.slice(0, limit);
  const missing = (opts.include ?? []).filter((id) => isUuid(id) && !options.some((o) => o.id === id));
  if (missing.length) {
    const extra = await db.tx
      .select(columns)
      .from(journeyVersions)
      .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId), inArray(journeyVersions.id, missing)));
    options.push(...extra);
    options.sort((a, b) => b.number - a.number);
  }
  return { options, more: found.length > limit };
}

/** Versions' snapshots, by id; NotFound if any id is not a version of this journey. */
export async function getVersions(db: TenantDb, journeyId: string, ids: string[]) {
  assertUuids(journeyId, ...ids);
  const rows = await db.tx
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId), inArray(journeyVersions.id, ids)));
  if (rows.length !== new Set(ids).size) throw new NotFoundError('version');
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)!;
    return { ...r, doc: journeyDocSchema.parse(r.snapshot) };
  });
}

/** What a restore would overwrite (the stages and the cycle), comparable across a snapshot's round trip. */
function mapOf(doc: unknown): string | null {
  const parsed = journeyDocSchema.safeParse(doc);
  return parsed.success ? JSON.stringify({ isCycle: parsed.data.isCycle, stages: parsed.data.stages }) : null;
}

/**
 * Makes an old version the current map. The map as it was is kept as a version first (named by
 * `kept`, in the user's language), unless the newest version already holds exactly that map; the
 * history keeps every version. The journey row is locked first, so a save cannot slip in between
 * read and write. Answers the restored version and the version now holding the map as it was.
 */
export async function restoreVersion(
  db: TenantDb,
  journeyId: string,
  versionId: string,
  kept: (restored: { number: number; name: string }) => { name: string; note: string },
): Promise<{ number: number; name: string; kept: number }> {
  await journeyRow(db, journeyId);
  await lockJourney(db, journeyId);
  const [v] = await getVersions(db, journeyId, [versionId]);
  const [newest] = await db.tx
    .select({ number: journeyVersions.number, snapshot: journeyVersions.snapshot })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.tenantId, db.tenantId), eq(journeyVersions.journeyId, journeyId)))
    .orderBy(desc(journeyVersions.number))
    .limit(1);
  const now = mapOf(await exportJourney(db, journeyId));
  const keptNumber =
    newest && now !== null && mapOf(newest.snapshot) === now ? newest.number : (await saveVersion(db, journeyId, kept({ number: v!.number, name: v!.name }))).number;
  // A restored stage that is still on the map (same model stage, else same name) keeps its id, so
  // what hangs off it by id (review links, reviews) stays with it.
  const identity = (key: string | null, name: string) => (key ? `k:${key}` : `n:${name.trim().toLocaleLowerCase('id-ID')}`);
  const current = await stagesOf(db, journeyId);
  const keptIds = new Set<string>();
  const stages = v!.doc.stages.map((s) => {
    const same = current.find((c) => !keptIds.has(c.id) && identity(c.stageKey, c.name) === identity(s.key, s.name));
    if (same) keptIds.add(same.id);
    return { ...s, id: same?.id };
  });
  await db.tx.delete(journeyStages).where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeyStages.journeyId, journeyId)));
  await insertStages(db, journeyId, stages);
  await db.tx
    .update(journeys)
    .set({ isCycle: v!.doc.isCycle, revision: sql`${journeys.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.id, journeyId)));
  await audit(db.tx, {
    tenantId: db.tenantId,
    actorUserId: db.userId,
    action: 'journey.version_restored',
    targetType: 'journey',
    targetId: journeyId,
    ip: db.ip,
    meta: { version: v!.number, kept: keptNumber },
  });
  return { number: v!.number, name: v!.name, kept: keptNumber };
}
