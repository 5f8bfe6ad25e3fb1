/**
 * Buyer personas: fictional, research-based customers of one segment, that journeys are mapped
 * for. Every function works inside the caller's transaction (`db: TenantDb`, opened by the action
 * wrapper or a page through `inTenant`), never opens one of its own, and names the tenant in
 * every query. An unknown id, a malformed one or one of another business is NotFound, and
 * nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
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

/** The business's personas for the list: active ones by name, then (if asked) archived ones. No photo bytes. */
export async function listPersonas(db: TenantDb, opts: { includeArchived?: boolean } = {}) {
  return db.tx
    .select({
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
    })
    .from(personas)
    .where(and(eq(personas.tenantId, db.tenantId), opts.includeArchived ? undefined : isNull(personas.archivedAt)))
    .orderBy(sql`${personas.archivedAt} is not null`, asc(sql`lower(${personas.name})`), asc(personas.createdAt));
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
 * Id and name of the active personas, for a journey's persona select. `keep` names one to list
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
