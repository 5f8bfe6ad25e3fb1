/**
 * Buyer personas: fictional, research-based customers of one segment, that journeys are mapped
 * for. Every function works inside the caller's transaction (`db: TenantDb`, opened by the action
 * wrapper or a page through `inTenant`), never opens one of its own, and names the tenant in
 * every query. An unknown id, a malformed one or one of another business is NotFound, and
 * nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeys, personas } from '@/db/schema';
import { audit } from '../core/audit';
import { AppError, NotFoundError } from '../core/errors';
import { assertUuids, isUuid } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { decodeImage } from '../images/images';
import { channels } from '../journeys/model';
import { avatarColors, PERSONA_NAME_MAX, personaTextFields, PHOTO_MAX_BYTES, type PersonaTextField } from './fields';

export { avatarColors, genders, PHOTO_MAX_BYTES, type AvatarColor } from './fields';

// base64 of the largest photo plus the "data:image/jpeg;base64," prefix.
const PHOTO_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 32;

const text = (max: number) => z.string().trim().max(max, 'validation.too_long').default('');
type TextSchema = ReturnType<typeof text>;

const textShape = Object.fromEntries(Object.entries(personaTextFields).map(([k, max]) => [k, text(max)])) as Record<PersonaTextField, TextSchema>;

/** A stored photo: a data URL of a real PNG, JPEG or WebP image (bytes checked), at most 200 KB. */
const photoDataUrl = z.string().superRefine((value, issue) => {
  if (value.length > PHOTO_MAX_CHARS) {
    issue.addIssue({ code: 'custom', message: 'validation.image_size' });
    return;
  }
  const image = decodeImage(value);
  if (!image) issue.addIssue({ code: 'custom', message: 'validation.image_type' });
  else if (image.bytes.length > PHOTO_MAX_BYTES) issue.addIssue({ code: 'custom', message: 'validation.image_size' });
});

/**
 * A persona as created or edited: the text fields of lib/personas/fields.ts (as the exchange
 * format's persona has them), plus how it looks. `photoUrl`: a data URL to set, null to remove,
 * absent to keep.
 */
export const personaInputSchema = z.object({
  name: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(PERSONA_NAME_MAX, 'validation.too_long'),
  avatarColor: z.enum(avatarColors, 'validation.invalid').default('emerald'),
  photoUrl: photoDataUrl.nullable().optional(),
  ...textShape,
  preferredChannels: z
    .array(z.enum(channels, 'validation.invalid'))
    .max(channels.length, 'validation.invalid')
    .default([])
    .transform((list) => [...new Set(list)]),
});
export type PersonaInput = z.input<typeof personaInputSchema>;
type ValidPersona = z.output<typeof personaInputSchema>;

/** Form field names differ from input keys only for the photo (a file on the form). */
const formField = (key: string) => (key === 'photoUrl' ? 'photo' : key);

function parseInput(input: PersonaInput): ValidPersona {
  const parsed = personaInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  throw new AppError(key, { field: formField(String(issue.path[0] ?? '')) || undefined });
}

async function personaRow(db: TenantDb, id: string) {
  assertUuids(id);
  const [p] = await db.tx.select().from(personas).where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, id)));
  if (!p) throw new NotFoundError('persona');
  return p;
}

/** What a persona card shows (list and paged list): no photo bytes, only whether there is one. */
const cardColumns = () => ({
  id: personas.id,
  name: personas.name,
  avatarColor: personas.avatarColor,
  hasPhoto: sql<boolean>`${personas.photoUrl} is not null`,
  ageRange: personas.ageRange,
  gender: personas.gender,
  location: personas.location,
  occupation: personas.occupation,
  preferredChannels: personas.preferredChannels,
  archivedAt: personas.archivedAt,
  updatedAt: personas.updatedAt,
});

/** The business's personas for the list: active ones by name, then (if asked) archived ones. No photo bytes. */
export async function listPersonas(db: TenantDb, opts: { includeArchived?: boolean } = {}) {
  return db.tx
    .select(cardColumns())
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), opts.includeArchived ? undefined : isNull(personas.archivedAt)))
    .orderBy(sql`${personas.archivedAt} is not null`, asc(sql`lower(${personas.name})`), asc(personas.createdAt));
}

/** Personas per page of the list (two columns on a laptop: an even number). */
export const PERSONA_PAGE_SIZE = 24;
/** Options a persona picker offers before a search: the most recently changed ones. */
export const PERSONA_PICKER_LIMIT = 50;
/** The longest search the list and the pickers read (more is cut, never an error). */
export const PERSONA_SEARCH_MAX = 100;

/** The list's query, from the URL: anything malformed is dropped, never an error. */
export const personaListQuery = z.object({
  q: z.string().trim().max(PERSONA_SEARCH_MAX).optional().catch(undefined),
  archived: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  after: z.string().max(600).optional().catch(undefined),
});
export type PersonaListQuery = z.output<typeof personaListQuery>;

/** Reads the list's address leniently: a repeated or malformed parameter is simply not applied. */
export function readPersonaListQuery(params: Record<string, string | string[] | undefined>): PersonaListQuery {
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const parsed = personaListQuery.parse({ q: one(params.q)?.slice(0, PERSONA_SEARCH_MAX), archived: one(params.archived), after: one(params.after) });
  return { ...parsed, q: parsed.q || undefined };
}

/**
 * Conditions matching a search on the name: every word of it, anywhere in the name, any case
 * ("bu sar" finds "Bu Sari"). LIKE's own characters are escaped, so a search is only ever text.
 * A business has hundreds or a few thousand personas: its rows are found by the primary key's
 * `tenant_id` and filtered, no index of its own needed.
 */
function nameMatches(q: string | undefined) {
  const words = (q ?? '').toLowerCase().match(/[^\s]+/gu)?.slice(0, 8) ?? [];
  return words.map((w) => sql`lower(${personas.name}) like ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
}

/** A page's position in the list: archived or not, the name in lower case, the creation time (to the microsecond), the id. */
const personaCursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string().max(PERSONA_NAME_MAX * 4), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);
type PersonaCursor = z.output<typeof personaCursorSchema>;

function encodePersonaCursor(c: PersonaCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodePersonaCursor(raw: string | undefined): PersonaCursor | undefined {
  if (!raw || raw.length > 600) return undefined;
  try {
    const parsed = personaCursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface PersonaPage {
  rows: Awaited<ReturnType<typeof listPersonas>>;
  /** The cursor of the next page, when there is one. */
  next?: string;
}

/**
 * One page of the list: `PERSONA_PAGE_SIZE` personas in the list's order (active ones by name, then,
 * if asked, archived ones), from the cursor on, matching the search if there is one. Keyset paging
 * (the position of the last row shown, never OFFSET): page 80 costs what page 1 does, and a persona
 * added or archived meanwhile neither repeats nor skips a row. A cursor that does not decode is the
 * first page.
 */
export async function listPersonasPage(db: TenantDb, query: { q?: string; includeArchived?: boolean; after?: string }, pageSize = PERSONA_PAGE_SIZE): Promise<PersonaPage> {
  const cursor = decodePersonaCursor(query.after);
  const archivedKey = sql`(${personas.archivedAt} is not null)`;
  const nameKey = sql`lower(${personas.name})`;
  const keyset = cursor
    ? sql`(${archivedKey}, ${nameKey}, ${personas.createdAt}, ${personas.id}) > (${cursor[0] === 1}::boolean, ${cursor[1]}::text, ${cursor[2]}::timestamptz, ${cursor[3]}::uuid)`
    : undefined;
  const rows = await db.tx
    .select({
      ...cardColumns(),
      nameKey: sql<string>`${nameKey}`,
      createdKey: sql<string>`to_char(${personas.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), query.includeArchived ? undefined : isNull(personas.archivedAt), ...nameMatches(query.q), keyset))
    .orderBy(archivedKey, asc(nameKey), asc(personas.createdAt), asc(personas.id))
    .limit(pageSize + 1);
  const shown = rows.slice(0, pageSize);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map(({ nameKey: _n, createdKey: _c, ...r }) => r),
    next: rows.length > pageSize && last ? encodePersonaCursor([last.archivedAt ? 1 : 0, last.nameKey, last.createdKey, last.id]) : undefined,
  };
}

/** How many personas there are, active and archived, and how many of the list match a search. */
export async function countPersonas(db: TenantDb, query: { q?: string; includeArchived?: boolean } = {}): Promise<{ active: number; archived: number; matching: number }> {
  const cond = and(query.includeArchived ? undefined : isNull(personas.archivedAt), ...nameMatches(query.q));
  const matching = cond ? sql`count(*) filter (where ${cond})::int` : sql`count(*)::int`;
  const [row] = await db.tx
    .select({
      active: sql<number>`count(*) filter (where ${personas.archivedAt} is null)::int`,
      archived: sql<number>`count(*) filter (where ${personas.archivedAt} is not null)::int`,
      matching: sql<number>`${matching}`,
    })
    .from(personas)
    .where(eq(personas.tenantId, db.tenantId));
  return { active: row?.active ?? 0, archived: row?.archived ?? 0, matching: row?.matching ?? 0 };
}

/** How many personas are archived (the list offers to show them only when there are some). */
export async function countArchivedPersonas(db: TenantDb): Promise<number> {
  const [row] = await db.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), sql`${personas.archivedAt} is not null`));
  return row?.n ?? 0;
}

export async function getPersona(db: TenantDb, id: string) {
  return personaRow(db, id);
}

/** The stored photo as bytes (for its route); null when the persona has none. NotFound outside the tenant. */
export async function getPersonaPhoto(db: TenantDb, id: string) {
  assertUuids(id);
  const [p] = await db.tx.select({ photoUrl: personas.photoUrl }).from(personas).where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, id)));
  if (!p) throw new NotFoundError('persona');
  return decodeImage(p.photoUrl);
}

export async function createPersona(db: TenantDb, input: PersonaInput): Promise<{ id: string }> {
  const { photoUrl, ...fields } = parseInput(input);
  const id = randomUUID();
  await db.tx.insert(personas).values({ tenantId: db.tenantId, id, ...fields, photoUrl: photoUrl ?? null });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'persona.created', targetType: 'persona', targetId: id, ip: db.ip });
  return { id };
}

/** Replaces the persona's fields; the photo is kept unless `photoUrl` is given (null removes it). */
export async function updatePersona(db: TenantDb, id: string, input: PersonaInput): Promise<void> {
  const { photoUrl, ...fields } = parseInput(input);
  assertUuids(id);
  const rows = await db.tx
    .update(personas)
    .set({ ...fields, ...(photoUrl === undefined ? {} : { photoUrl }), updatedAt: new Date() })
    .where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, id)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new NotFoundError('persona');
}

/** The copy's name: the original's with the suffix, shortened so it stays within the name limit. */
export function copyName(name: string, suffix: string): string {
  const room = PERSONA_NAME_MAX - suffix.length - 1;
  return `${name.slice(0, Math.max(1, room)).trimEnd()} ${suffix}`.slice(0, PERSONA_NAME_MAX);
}

/**
 * A new, active persona with the same fields, named "<name> <suffix>". The suffix comes from the
 * caller in the user's language ("(salinan)" / "(copy)").
 */
export async function duplicatePersona(db: TenantDb, id: string, suffix: string): Promise<{ id: string }> {
  const copyId = randomUUID();
  // Everything but identity, state and times: the copy is a new, active persona.
  const { tenantId: _t, id: _i, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = await personaRow(db, id);
  await db.tx.insert(personas).values({ ...fields, tenantId: db.tenantId, id: copyId, name: copyName(fields.name, suffix) });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'persona.duplicated', targetType: 'persona', targetId: copyId, ip: db.ip, meta: { from: id } });
  return { id: copyId };
}

async function setArchived(db: TenantDb, id: string, archived: boolean): Promise<void> {
  assertUuids(id);
  const rows = await db.tx
    .update(personas)
    .set({ archivedAt: archived ? sql`coalesce(${personas.archivedAt}, now())` : null, updatedAt: new Date() })
    .where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, id)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new NotFoundError('persona');
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: archived ? 'persona.archived' : 'persona.restored', targetType: 'persona', targetId: id, ip: db.ip });
}

/** Hides the persona from lists and pickers; journeys mapped for it keep it. */
export function archivePersona(db: TenantDb, id: string): Promise<void> {
  return setArchived(db, id, true);
}

export function unarchivePersona(db: TenantDb, id: string): Promise<void> {
  return setArchived(db, id, false);
}

/** The journeys mapped for this persona. NotFound outside the tenant. */
export async function journeysUsingPersona(db: TenantDb, id: string) {
  await personaRow(db, id);
  return db.tx
    .select({ id: journeys.id, name: journeys.name, status: journeys.status })
    .from(journeys)
    .where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.personaId, id)))
    .orderBy(asc(sql`lower(${journeys.name})`));
}

/**
 * A persona select's options that stay small however many personas the business has: the active
 * personas matching the search (every word anywhere in the name), else the `PERSONA_PICKER_LIMIT`
 * most recently changed ones, sorted by name; `more` when others exist that a search would find.
 * `keep` (the persona a journey already has, even archived) is always among the options.
 */
export async function personaPicker(db: TenantDb, opts: { keep?: string | null; q?: string; limit?: number } = {}): Promise<{ options: { id: string; name: string }[]; more: boolean }> {
  const keep = opts.keep && isUuid(opts.keep) ? opts.keep : null;
  const limit = opts.limit ?? PERSONA_PICKER_LIMIT;
  const found = await db.tx
    .select({ id: personas.id, name: personas.name })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), isNull(personas.archivedAt), ...nameMatches(opts.q?.slice(0, PERSONA_SEARCH_MAX))))
    .orderBy(desc(personas.updatedAt), desc(personas.id))
    .limit(limit + 1);
  const options = found.slice(0, limit);
  if (keep && !options.some((p) => p.id === keep)) {
    const [kept] = await db.tx
      .select({ id: personas.id, name: personas.name })
      .from(personas)
      .where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, keep)));
    if (kept) options.push(kept);
  }
  const collator = new Intl.Collator('id', { sensitivity: 'base' });
  options.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { options, more: found.length > limit };
}

/** Whether the id names an active persona of the business (what a journey may be given from a picker). */
export async function isPickablePersona(db: TenantDb, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [p] = await db.tx
    .select({ id: personas.id })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), eq(personas.id, id), isNull(personas.archivedAt)));
  return !!p;
}

/**
 * Id and name of all the active personas (unbounded: for a picker prefer `personaPicker`). `keep` names one to list
 * even if archived (the persona a journey already has, so the select does not drop it).
 */
export async function personaOptions(db: TenantDb, opts: { keep?: string | null } = {}) {
  const keep = opts.keep && isUuid(opts.keep) ? opts.keep : null;
  return db.tx
    .select({ id: personas.id, name: personas.name })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), keep ? or(isNull(personas.archivedAt), eq(personas.id, keep)) : isNull(personas.archivedAt)))
    .orderBy(asc(sql`lower(${personas.name})`), asc(personas.createdAt));
}
