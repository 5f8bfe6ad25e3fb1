/**
 * Settings: the business's details and logo persist, the logo is checked by its bytes, and the
 * session's view of a business carries only a logo version, never the image itself.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants, users as usersTable } from '@/db/schema';
import { changePassword, loadSessionUser } from '@/lib/accounts/accounts';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/core/errors';
import { decodeImage, IMAGE_MAX_BYTES, imageDataUrl, logoPath, sniffImageType } from '@/lib/images/images';
import { getMemberLogo, getTenant, updateTenant } from '@/lib/team/team';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';
import { makeTenant, makeUser } from '../support/factory';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const webp = new Uint8Array([...Buffer.from('RIFF'), 30, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { key: (err as AppError).key, field: (err as AppError).opts.field };
}

describe('logo checks', () => {
  it('recognises PNG, JPEG and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(svg)).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('encodes an accepted image with the type its bytes show, whatever the browser claimed', async () => {
    const url = await imageDataUrl(new Blob([png], { type: 'image/jpeg' }), 'logo');
    expect(url).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(decodeImage(url)).toEqual({ type: 'image/png', bytes: Buffer.from(png) });
  });

  it('refuses an SVG or any non-image on the logo field, even when labelled image/png', async () => {
    expect(await refusal(imageDataUrl(new Blob([svg], { type: 'image/png' }), 'logo'))).toEqual({ key: 'validation.image_type', field: 'logo' });
    expect(await refusal(imageDataUrl(new Blob(['hello'], { type: 'image/webp' }), 'logo'))).toEqual({ key: 'validation.image_type', field: 'logo' });
  });

  it('accepts exactly 200 KB and refuses one byte more', async () => {
    const at = new Uint8Array(IMAGE_MAX_BYTES);
    at.set(png);
    await expect(imageDataUrl(new Blob([at]), 'logo')).resolves.toMatch(/^data:image\/png;base64,/);
    const over = new Uint8Array(IMAGE_MAX_BYTES + 1);
    over.set(png);
    expect(await refusal(imageDataUrl(new Blob([over]), 'logo'))).toEqual({ key: 'validation.image_size', field: 'logo' });
  });

  it('serves only well-formed stored logos whose bytes match their declared type', () => {
    expect(decodeImage(null)).toBeNull();
    expect(decodeImage('https://example.com/logo.png')).toBeNull();
    expect(decodeImage(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`)).toBeNull();
    expect(decodeImage(`data:image/jpeg;base64,${Buffer.from(png).toString('base64')}`)).toBeNull();
  });

  it('builds the logo URL from the business and the logo version', () => {
    expect(logoPath('t1', null)).toBeNull();
    expect(logoPath('t1', '123')).toBe('/api/business-logo/t1?v=123');
  });
});

describe('business settings', () => {
  let a: Awaited<ReturnType<typeof makeTenant>>;
  let b: Awaited<ReturnType<typeof makeTenant>>;
  const ctx = () => ({ tenantId: a.id, userId: a.owner.id });

  beforeAll(async () => {
    a = await makeTenant('Warung Lama');
    b = await makeTenant('Warung Tetangga');
  });

  it('saves the details and records who changed them', async () => {
    await inTenant(ctx(), (db) => updateTenant(db, { name: 'Warung Bu Sri', businessType: 'warung', city: 'Makassar', timeZone: 'Asia/Makassar' }));
    const t = await inTenant(ctx(), (db) => getTenant(db));
    expect(t).toMatchObject({ name: 'Warung Bu Sri', businessType: 'warung', city: 'Makassar', timeZone: 'Asia/Makassar', logoUrl: null });
    const entries = await withTenant(a.id, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, a.id), eq(auditLog.action, 'tenant.updated'))),
    );
    expect(entries.map((e) => e.actorUserId)).toContain(a.owner.id);
  });

  it('keeps the logo when none is given, replaces it, and removes it with null', async () => {
    const details = { name: 'Warung Bu Sri', businessType: 'warung', city: 'Makassar', timeZone: 'Asia/Makassar' } as const;
    const first = await imageDataUrl(new Blob([png]), 'logo');
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: first }));
    expect((await inTenant(ctx(), (db) => getTenant(db))).logoUrl).toBe(first);

    await inTenant(ctx(), (db) => updateTenant(db, { ...details, city: 'Maros' }));
    expect(await inTenant(ctx(), (db) => getTenant(db))).toMatchObject({ city: 'Maros', logoUrl: first });

    const second = await imageDataUrl(new Blob([jpeg]), 'logo');
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: second }));
    expect((await inTenant(ctx(), (db) => getTenant(db))).logoUrl).toBe(second);

    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: null }));
    expect((await inTenant(ctx(), (db) => getTenant(db))).logoUrl).toBeNull();
  });

  it("changes only the caller's business", async () => {
    await inTenant(ctx(), (db) => updateTenant(db, { name: 'Warung A', businessType: 'cafe', city: 'Bogor', timeZone: 'Asia/Jakarta', logoUrl: null }));
    const [other] = await withTenant(b.id, (tx) => tx.select().from(tenants).where(eq(tenants.id, b.id)));
    expect(other).toMatchObject({ name: 'Warung Tetangga', logoUrl: null });
  });

  it('gives the session a logo version that changes with the logo, not the logo itself', async () => {
    const details = { name: 'Warung A', businessType: 'cafe', city: 'Bogor', timeZone: 'Asia/Jakarta' } as const;
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: null }));
    const none = (await loadSessionUser(a.owner.id, a.id))!.tenant!;
    expect(none.logoVersion).toBeNull();
    expect(none).not.toHaveProperty('logoUrl');

    const pngLogo = await imageDataUrl(new Blob([png]), 'logo');
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: pngLogo }));
    const v1 = (await loadSessionUser(a.owner.id, a.id))!.tenant!.logoVersion;
    expect(v1).toMatch(/^\d+$/);
    await new Promise((r) => setTimeout(r, 5));
    const webpLogo = await imageDataUrl(new Blob([webp]), 'logo');
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: webpLogo }));
    const v2 = (await loadSessionUser(a.owner.id, a.id))!.tenant!.logoVersion;
    expect(v2).toMatch(/^\d+$/);
    expect(v2).not.toBe(v1);
  });

  it('serves the logo (its route) to members of the business only', async () => {
    const details = { name: 'Warung A', businessType: 'cafe', city: 'Bogor', timeZone: 'Asia/Jakarta' } as const;
    const logo = await imageDataUrl(new Blob([png]), 'logo');
    await inTenant(ctx(), (db) => updateTenant(db, { ...details, logoUrl: logo }));
    expect(await inTenant(ctx(), getMemberLogo)).toBe(logo);
    // Another business's owner naming this business: nothing, as for a business without a logo.
    expect(await inTenant({ tenantId: a.id, userId: b.owner.id }, getMemberLogo)).toBeNull();
    expect(await inTenant({ tenantId: b.id, userId: b.owner.id }, getMemberLogo)).toBeNull();
  });
});

describe('password change (the profile page relies on these answers)', () => {
  it('names the current-password field when it is wrong, and changes nothing', async () => {
    const u = await makeUser({ passwordHash: await hashPassword('lama-rahasia-1') });
    expect(await refusal(changePassword(u.id, 'salah-sekali', 'baru-rahasia-2', null))).toEqual({ key: 'validation.wrong_password', field: 'currentPassword' });
    const [row] = await withPlatform((tx) => tx.select({ sessionVersion: usersTable.sessionVersion }).from(usersTable).where(eq(usersTable.id, u.id)));
    expect(row?.sessionVersion).toBe(1);
  });

  it('ends every session by bumping the session version', async () => {
    const u = await makeUser({ passwordHash: await hashPassword('lama-rahasia-1') });
    expect(await changePassword(u.id, 'lama-rahasia-1', 'baru-rahasia-2', null)).toEqual({ alreadyChanged: false });
    const [row] = await withPlatform((tx) => tx.select({ sessionVersion: usersTable.sessionVersion }).from(usersTable).where(eq(usersTable.id, u.id)));
    expect(row?.sessionVersion).toBe(2);
  });

  it('answers a change sent twice (a double tap, a retry) as done, not as a wrong current password, and changes once', async () => {
    const u = await makeUser({ passwordHash: await hashPassword('lama-rahasia-1') });
    const version = async () =>
      (await withPlatform((tx) => tx.select({ v: usersTable.sessionVersion }).from(usersTable).where(eq(usersTable.id, u.id))))[0]?.v;
    expect(await changePassword(u.id, 'lama-rahasia-1', 'baru-rahasia-2', null)).toEqual({ alreadyChanged: false });
    expect(await changePassword(u.id, 'lama-rahasia-1', 'baru-rahasia-2', null)).toEqual({ alreadyChanged: true });
    expect(await version()).toBe(2);
    // Both at once: one changes it, the other finds it done.
    const w = await makeUser({ passwordHash: await hashPassword('lama-rahasia-1') });
    const both = await Promise.all([1, 2].map(() => changePassword(w.id, 'lama-rahasia-1', 'baru-rahasia-2', null)));
    expect(both.map((r) => r.alreadyChanged).sort()).toEqual([false, true]);
    // Any other new password with a wrong current one is still refused on its field.
    expect(await refusal(changePassword(u.id, 'lama-rahasia-1', 'lain-lagi-3', null))).toEqual({ key: 'validation.wrong_password', field: 'currentPassword' });
  });
});
