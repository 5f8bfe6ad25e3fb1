/**
 * Buyer personas: fictional, research-based customers of one segment, that journeys are mapped
 * for. Every function is scoped to the caller's tenant; an unknown id, a malformed one or one of
 * another business is NotFound, and nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeys, personas } from '@/db/schema';
import { audit } from '../core/audit';
import { AppError, NotFoundError } from '../core/errors';
import { channels, LIMITS } from '../journeys/model';
import type { JourneyContext } from '../journeys/queries';
import { decodeLogo, sniffImageType } from '../images/images';
import { avatarColors, PHOTO_MAX_BYTES } from './fields';
import { withTenant, type Tx } from '../core/tenancy';

export { avatarColors, genders, PHOTO_MAX_BYTES, type AvatarColor } from './fields';

export type PersonaContext = JourneyContext;

// base64 of the largest photo plus the "data:image/jpeg;base64," prefix.
const PHOTO_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 32;

const text = (max: number) => z.string().trim().max(max, 'validation.too_long').default('');
const long = LIMITS.text * 2;

/** A stored photo: a data URL of a real PNG, JPEG or WebP image (bytes checked), at most 200 KB. */
const photoDataUrl = z.string().superRefine((value, issue) => {
  if (value.length > PHOTO_MAX_CHARS) {
    issue.addIssue({ code: 'custom', message: 'validation.image_size' });
    return;
  }
  const image = decodeLogo(value);
  if (!image) issue.addIssue({ code: 'custom', message: 'validation.image_type' });
  else if (image.bytes.length > PHOTO_MAX_BYTES) issue.addIssue({ code: 'custom', message: 'validation.image_size' });
});

/**
 * A persona as created or edited. Same fields and limits as the exchange format's persona
 * (lib/journey-model personaDocSchema), plus how it looks. `photoUrl`: a data URL to set, null to
 * remove, absent to keep.
 */
export const personaInputSchema = z.object({
  name: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(LIMITS.name, 'validation.too_long'),
  avatarColor: z.enum(avatarColors, 'validation.invalid').default('emerald'),
  photoUrl: photoDataUrl.nullable().optional(),
  ageRange: text(60),
  gender: text(30),
  location: text(LIMITS.name),
  occupation: text(LIMITS.name),
  lifestyle: text(long),
  personality: text(long),
  goals: text(long),
  painPoints: text(long),
  expectations: text(long),
  shoppingPreferences: text(long),
  preferredChannels: z
    .array(z.enum(channels, 'validation.invalid'))
    .max(channels.length, 'validation.invalid')
    .default([])
    .transform((list) => [...new Set(list)]),
  activeTimes: text(LIMITS.name),
  brandView: text(long),
  notes: text(LIMITS.text * 4),
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

/** Checks an uploaded photo by its bytes and encodes it; refusals name the form field `photo`. */
export async function photoFromFile(file: Blob): Promise<string> {
  if (file.size > PHOTO_MAX_BYTES) throw new AppError('validation.image_size', { field: 'photo' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) throw new AppError('validation.image_type', { field: 'photo' });
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

const isId = (id: string) => z.uuid().safeParse(id).success;

async function personaRow(tx: Tx, tenantId: string, id: string) {
  if (!isId(id)) throw new NotFoundError('persona');
  const [p] = await tx.select().from(personas).where(and(eq(personas.tenantId, tenantId), eq(personas.id, id)));
  if (!p) throw new NotFoundError('persona');
  return p;
}

/** The business's personas for the list: active ones by name, then (if asked) archived ones. No photo bytes. */
export async function listPersonas(ctx: PersonaContext, opts: { includeArchived?: boolean } = {}) {
  return withTenant(ctx.tenantId, (tx) =>
    tx
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
      .where(and(eq(personas.tenantId, ctx.tenantId), opts.includeArchived ? undefined : isNull(personas.archivedAt)))
      .orderBy(sql`${personas.archivedAt} is not null`, asc(sql`lower(${personas.name})`), asc(personas.createdAt)),
  );
}

/** How many personas are archived (the list offers to show them only when there are some). */
export async function countArchivedPersonas(ctx: PersonaContext): Promise<number> {
  const [row] = await withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(personas)
      .where(and(eq(personas.tenantId, ctx.tenantId), sql`${personas.archivedAt} is not null`)),
  );
  return row?.n ?? 0;
}

export async function getPersona(ctx: PersonaContext, id: string) {
  return withTenant(ctx.tenantId, (tx) => personaRow(tx, ctx.tenantId, id));
}

/** The stored photo as bytes (for its route); null when the persona has none. NotFound outside the tenant. */
export async function getPersonaPhoto(ctx: PersonaContext, id: string) {
  const p = await getPersona(ctx, id);
  return decodeLogo(p.photoUrl);
}

export async function createPersona(ctx: PersonaContext, input: PersonaInput) {
  const { photoUrl, ...fields } = parseInput(input);
  const id = randomUUID();
  await withTenant(ctx.tenantId, async (tx) => {
    await tx.insert(personas).values({ tenantId: ctx.tenantId, id, ...fields, photoUrl: photoUrl ?? null });
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'persona.created', targetType: 'persona', targetId: id, ip: ctx.ip });
  });
  return { id };
}

/** Replaces the persona's fields; the photo is kept unless `photoUrl` is given (null removes it). */
export async function updatePersona(ctx: PersonaContext, id: string, input: PersonaInput) {
  const { photoUrl, ...fields } = parseInput(input);
  await withTenant(ctx.tenantId, async (tx) => {
    await personaRow(tx, ctx.tenantId, id);
    await tx
      .update(personas)
      .set({ ...fields, ...(photoUrl === undefined ? {} : { photoUrl }), updatedAt: new Date() })
      .where(and(eq(personas.tenantId, ctx.tenantId), eq(personas.id, id)));
  });
}

/** The copy's name: the original's with the suffix, shortened so it stays within the name limit. */
export function copyName(name: string, suffix: string): string {
  const room = LIMITS.name - suffix.length - 1;
  return `${name.slice(0, Math.max(1, room)).trimEnd()} ${suffix}`.slice(0, LIMITS.name);
}

/**
 * A new, active persona with the same fields, named "<name> <suffix>". The suffix comes from the
 * caller in the user's language ("(salinan)" / "(copy)").
 */
export async function duplicatePersona(ctx: PersonaContext, id: string, suffix: string) {
  const copyId = randomUUID();
  await withTenant(ctx.tenantId, async (tx) => {
    const { tenantId: _t, id: _i, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = await personaRow(tx, ctx.tenantId, id);
    await tx.insert(personas).values({ ...fields, tenantId: ctx.tenantId, id: copyId, name: copyName(fields.name, suffix) });
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'persona.duplicated', targetType: 'persona', targetId: copyId, ip: ctx.ip, meta: { from: id } });
  });
  return { id: copyId };
}

async function setArchived(ctx: PersonaContext, id: string, archived: boolean) {
  if (!isId(id)) throw new NotFoundError('persona');
  await withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx
      .update(personas)
      .set({ archivedAt: archived ? sql`coalesce(${personas.archivedAt}, now())` : null, updatedAt: new Date() })
      .where(and(eq(personas.tenantId, ctx.tenantId), eq(personas.id, id)))
      .returning({ id: personas.id });
    if (rows.length === 0) throw new NotFoundError('persona');
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: archived ? 'persona.archived' : 'persona.restored', targetType: 'persona', targetId: id, ip: ctx.ip });
  });
}

/** Hides the persona from lists and pickers; journeys mapped for it keep it. */
export function archivePersona(ctx: PersonaContext, id: string) {
  return setArchived(ctx, id, true);
}

export function unarchivePersona(ctx: PersonaContext, id: string) {
  return setArchived(ctx, id, false);
}

/** The journeys mapped for this persona. NotFound outside the tenant. */
export async function journeysUsingPersona(ctx: PersonaContext, id: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    await personaRow(tx, ctx.tenantId, id);
    return tx
      .select({ id: journeys.id, name: journeys.name, status: journeys.status })
      .from(journeys)
      .where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.personaId, id)))
      .orderBy(asc(sql`lower(${journeys.name})`));
  });
}

/**
 * Id and name of the active personas, for a journey's persona select. `keep` names one to list
 * even if archived (the persona a journey already has, so the select does not drop it).
 */
export async function personaOptions(ctx: PersonaContext, opts: { keep?: string | null } = {}) {
  const keep = opts.keep && isId(opts.keep) ? opts.keep : null;
  return withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ id: personas.id, name: personas.name })
      .from(personas)
      .where(and(eq(personas.tenantId, ctx.tenantId), keep ? or(isNull(personas.archivedAt), eq(personas.id, keep)) : isNull(personas.archivedAt)))
      .orderBy(asc(sql`lower(${personas.name})`), asc(personas.createdAt)),
  );
}
