/**
 * Buyer personas: create, read, edit, duplicate, archive; bad input is refused with the field to
 * fix; and nothing here reaches into another business, whatever id it is given.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { createJourney } from '@/lib/journeys/queries';
import { LIMITS } from '@/lib/journeys/model';
import {
  archivePersona,
  copyName,
  createPersona,
  duplicatePersona,
  getPersona,
  getPersonaPhoto,
  journeysUsingPersona,
  listPersonas,
  personaOptions,
  PHOTO_MAX_BYTES,
  unarchivePersona,
  updatePersona,
  type PersonaInput,
} from '@/lib/personas/queries';
import { imageDataUrl } from '@/lib/images/images';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const pngUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

/** Who acts: each call below is one unit of work in their business (`inTenant`), as an action or page opens it. */
async function business(name = 'Bengkel Uji'): Promise<{ tenantId: string; userId: string }> {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id };
}

const budi: PersonaInput = {
  name: 'Pak Budi',
  avatarColor: 'sky',
  ageRange: '35–44',
  gender: 'male',
  location: 'Bekasi',
  occupation: 'Karyawan swasta',
  goals: 'Mobil keluarga selalu siap dipakai mudik.',
  painPoints: 'Bengkel susah dihubungi, harus menunggu berhari-hari.',
  preferredChannels: ['whatsapp', 'google_maps', 'whatsapp'],
  activeTimes: 'Malam hari',
};

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { key: (err as AppError).key, field: (err as AppError).opts.field };
}

describe('personas', () => {
  it('creates with defaults for what was left out, and reads it back', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, { name: '  Bu Sari  ' }));
    const p = await inTenant(ctx, (db) => getPersona(db, id));
    expect(p).toMatchObject({ id, tenantId: ctx.tenantId, name: 'Bu Sari', avatarColor: 'emerald', photoUrl: null, ageRange: '', preferredChannels: [], archivedAt: null });
  });

  it('stores every field, channels once each, and edits replace them', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, budi));
    expect(await inTenant(ctx, (db) => getPersona(db, id))).toMatchObject({ ...budi, preferredChannels: ['whatsapp', 'google_maps'] });

    await inTenant(ctx, (db) => updatePersona(db, id, { ...budi, occupation: 'Sopir taksi online', preferredChannels: ['phone'], notes: 'Dari survei Maret.' }));
    expect(await inTenant(ctx, (db) => getPersona(db, id))).toMatchObject({ occupation: 'Sopir taksi online', preferredChannels: ['phone'], notes: 'Dari survei Maret.', location: 'Bekasi' });

    await inTenant(ctx, (db) => updatePersona(db, id, { name: 'Pak Budi' }));
    expect(await inTenant(ctx, (db) => getPersona(db, id))).toMatchObject({ name: 'Pak Budi', location: '', preferredChannels: [] });
  });

  it('keeps the photo unless told to set or remove it', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, { ...budi, photoUrl: pngUrl }));
    expect(await inTenant(ctx, (db) => getPersonaPhoto(db, id))).toEqual({ type: 'image/png', bytes: Buffer.from(png) });
    await inTenant(ctx, (db) => updatePersona(db, id, { ...budi, occupation: 'Guru' }));
    expect((await inTenant(ctx, (db) => getPersona(db, id))).photoUrl).toBe(pngUrl);
    await inTenant(ctx, (db) => updatePersona(db, id, { ...budi, photoUrl: null }));
    expect((await inTenant(ctx, (db) => getPersona(db, id))).photoUrl).toBeNull();
    expect(await inTenant(ctx, (db) => getPersonaPhoto(db, id))).toBeNull();
  });

  it('lists active personas by name; archived ones only when asked, after the active ones', async () => {
    const ctx = await business();
    const b = await inTenant(ctx, (db) => createPersona(db, { name: 'budi' }));
    const a = await inTenant(ctx, (db) => createPersona(db, { name: 'Ani' }));
    const c = await inTenant(ctx, (db) => createPersona(db, { name: 'Citra' }));
    await inTenant(ctx, (db) => archivePersona(db, a.id));
    expect((await inTenant(ctx, (db) => listPersonas(db))).map((p) => p.id)).toEqual([b.id, c.id]);
    const all = await inTenant(ctx, (db) => listPersonas(db, { includeArchived: true }));
    expect(all.map((p) => p.id)).toEqual([b.id, c.id, a.id]);
    expect(all[2]!.archivedAt).toBeInstanceOf(Date);
    expect(all[0]!.hasPhoto).toBe(false);
    expect(await inTenant(ctx, (db) => personaOptions(db))).toEqual([
      { id: b.id, name: 'budi' },
      { id: c.id, name: 'Citra' },
    ]);
    // A journey's current persona stays in its select even when archived.
    expect((await inTenant(ctx, (db) => personaOptions(db, { keep: a.id }))).map((p) => p.name)).toEqual(['Ani', 'budi', 'Citra']);

    await inTenant(ctx, (db) => unarchivePersona(db, a.id));
    expect((await inTenant(ctx, (db) => listPersonas(db))).map((p) => p.name)).toEqual(['Ani', 'budi', 'Citra']);
    expect((await inTenant(ctx, (db) => getPersona(db, a.id))).archivedAt).toBeNull();
  });

  it('duplicates into a new active persona named with the suffix, photo included', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, { ...budi, photoUrl: pngUrl }));
    await inTenant(ctx, (db) => archivePersona(db, id));
    const copy = await inTenant(ctx, (db) => duplicatePersona(db, id, '(salinan)'));
    expect(copy.id).not.toBe(id);
    const p = await inTenant(ctx, (db) => getPersona(db, copy.id));
    expect(p).toMatchObject({ ...budi, name: 'Pak Budi (salinan)', preferredChannels: ['whatsapp', 'google_maps'], photoUrl: pngUrl, archivedAt: null });
    expect((await inTenant(ctx, (db) => getPersona(db, id))).name).toBe('Pak Budi');
    await inTenant(ctx, (db) => unarchivePersona(db, id));
    // Each change is in the business's audit log, attributed to who made it.
    const log = await withTenant(ctx.tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)).orderBy(auditLog.createdAt));
    const personaEvents = log.filter((r) => r.action.startsWith('persona.'));
    expect(personaEvents.map((r) => [r.action, r.targetId, r.actorUserId])).toEqual([
      ['persona.created', id, ctx.userId],
      ['persona.archived', id, ctx.userId],
      ['persona.duplicated', copy.id, ctx.userId],
      ['persona.restored', id, ctx.userId],
    ]);
  });

  it('shortens a long name so the copy still fits the limit', () => {
    const long = 'x'.repeat(LIMITS.name);
    expect(copyName(long, '(copy)')).toHaveLength(LIMITS.name);
    expect(copyName(long, '(copy)').endsWith(' (copy)')).toBe(true);
    expect(copyName('Bu Sari', '(copy)')).toBe('Bu Sari (copy)');
  });

  it('lists the journeys mapped for the persona', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, budi));
    const other = await inTenant(ctx, (db) => createPersona(db, { name: 'Bu Sari' }));
    const j = await inTenant(ctx, (db) => createJourney(db, { name: 'Servis AC mobil', personaId: id, model: 'five_stage', stageNames: {} }));
    await inTenant(ctx, (db) => createJourney(db, { name: 'Cuci mobil', personaId: other.id, model: 'blank', stageNames: {} }));
    expect(await inTenant(ctx, (db) => journeysUsingPersona(db, id))).toEqual([{ id: j.id, name: 'Servis AC mobil', status: 'draft' }]);
  });
});

describe('persona input checks', () => {
  it('refuses a missing name, an unknown colour or channel, and over-long text, naming the field', async () => {
    const ctx = await business();
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: '   ' })))).toEqual({ key: 'validation.required', field: 'name' });
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', avatarColor: 'hotpink' as never })))).toEqual({ key: 'validation.invalid', field: 'avatarColor' });
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', preferredChannels: ['fax' as never] })))).toEqual({ key: 'validation.invalid', field: 'preferredChannels' });
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', ageRange: '1'.repeat(61) })))).toEqual({ key: 'validation.too_long', field: 'ageRange' });
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'n'.repeat(LIMITS.name + 1) })))).toEqual({ key: 'validation.too_long', field: 'name' });
    expect(await inTenant(ctx, (db) => listPersonas(db))).toEqual([]);
  });

  it('refuses an oversize photo and anything that is not a PNG, JPEG or WebP, on the photo field', async () => {
    const ctx = await business();
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(png);
    const bigUrl = `data:image/png;base64,${Buffer.from(big).toString('base64')}`;
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', photoUrl: bigUrl })))).toEqual({ key: 'validation.image_size', field: 'photo' });
    const svg = `data:image/png;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`;
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', photoUrl: svg })))).toEqual({ key: 'validation.image_type', field: 'photo' });
    expect(await refusal(inTenant(ctx, (db) => createPersona(db, { name: 'A', photoUrl: 'https://example.com/a.png' })))).toEqual({ key: 'validation.image_type', field: 'photo' });

    const at = new Uint8Array(PHOTO_MAX_BYTES);
    at.set(png);
    await expect(imageDataUrl(new Blob([at]), 'photo')).resolves.toMatch(/^data:image\/png;base64,/);
    expect(await refusal(imageDataUrl(new Blob([big]), 'photo'))).toEqual({ key: 'validation.image_size', field: 'photo' });
    expect(await refusal(imageDataUrl(new Blob(['<svg/>'], { type: 'image/png' }), 'photo'))).toEqual({ key: 'validation.image_type', field: 'photo' });

    // Exactly at the limit is accepted through the whole path.
    const photoUrl = await imageDataUrl(new Blob([at]), 'photo');
    const { id } = await inTenant(ctx, (db) => createPersona(db, { name: 'A', photoUrl }));
    expect((await inTenant(ctx, (db) => getPersonaPhoto(db, id)))?.bytes.length).toBe(PHOTO_MAX_BYTES);
  });

  it('refuses an update with bad input and leaves the persona as it was', async () => {
    const ctx = await business();
    const { id } = await inTenant(ctx, (db) => createPersona(db, budi));
    const before = await inTenant(ctx, (db) => getPersona(db, id));
    expect(await refusal(inTenant(ctx, (db) => updatePersona(db, id, { ...budi, name: '' })))).toEqual({ key: 'validation.required', field: 'name' });
    expect(await inTenant(ctx, (db) => getPersona(db, id))).toEqual(before);
  });
});

describe('personas across businesses', () => {
  it("answers NotFound for another business's persona, and leaves it unchanged", async () => {
    const a = await business('Bengkel A');
    const b = await business('Kopi B');
    const { id } = await inTenant(a, (db) => createPersona(db, { ...budi, photoUrl: pngUrl }));
    const before = await inTenant(a, (db) => getPersona(db, id));

    await expect(inTenant(b, (db) => getPersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => getPersonaPhoto(db, id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => updatePersona(db, id, { name: 'Dibajak' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => updatePersona(db, id, { name: 'Dibajak', photoUrl: null }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => duplicatePersona(db, id, '(copy)'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => archivePersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => unarchivePersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTenant(b, (db) => journeysUsingPersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await inTenant(b, (db) => listPersonas(db, { includeArchived: true }))).toEqual([]);
    expect(await inTenant(b, (db) => personaOptions(db, { keep: id }))).toEqual([]);
    // A's persona cannot be attached to B's journey either.
    await expect(inTenant(b, (db) => createJourney(db, { name: 'X', personaId: id, model: 'blank', stageNames: {} }))).rejects.toBeInstanceOf(NotFoundError);

    expect(await inTenant(a, (db) => getPersona(db, id))).toEqual(before);
    expect((await inTenant(a, (db) => listPersonas(db))).map((p) => p.id)).toEqual([id]);
  });

  it('answers NotFound for unknown and malformed ids', async () => {
    const ctx = await business();
    for (const id of [randomUUID(), 'not-a-uuid', "'; drop table personas; --"]) {
      await expect(inTenant(ctx, (db) => getPersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
      await expect(inTenant(ctx, (db) => archivePersona(db, id))).rejects.toBeInstanceOf(NotFoundError);
      await expect(inTenant(ctx, (db) => duplicatePersona(db, id, '(copy)'))).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
