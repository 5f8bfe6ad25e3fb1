/**
 * Read-only share links: the secret is shown once and stored hashed, the link opens the map for
 * anyone until it is revoked, and no business can list, make or revoke links on another's journey.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, journeys, journeyShareLinks } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { createShareLink, listShareLinks, resolveShareLink, revokeShareLink } from '@/lib/journeys/sharing';
import { hashToken, secretTokenPattern } from '@/lib/links/tokens';
import { createJourney, getJourney, saveMap } from '@/lib/journeys/queries';
import { checkLimit, guardedLookup } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import { inTenant, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

/** One unit of work, as a page or the action wrapper opens it: `fn` runs in one transaction of the tenant. */
function run<A extends unknown[], R>(who: Who, fn: (db: TenantDb, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return inTenant(who, (db) => fn(db, ...args));
}

/** As the share page opens a link: one transaction in the link's business, as an anonymous visitor. */
function openLink(tenantId: string, token: string) {
  return inTenant({ tenantId, userId: '' }, (db) => resolveShareLink(db, token));
}

async function business(name = 'Bengkel Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { ctx: { tenantId: t.id, userId: t.owner.id } satisfies Who, name: t.name };
}

async function journey(ctx: Who) {
  const { id } = await run(ctx, createJourney, { name: 'Servis mobil', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
  const { journey: j, stages } = await run(ctx, getJourney, id);
  stages[1]!.lanes.touchpoints = [{ channel: 'whatsapp', label: '' }];
  stages[1]!.emotion = { score: 2, note: 'Diperbaiki di tempat' };
  await run(ctx, saveMap, id, { revision: j.revision, isCycle: false, stages });
  return id;
}

async function notFound(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NotFoundError);
}

async function actions(tenantId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.tenantId, tenantId)));
  return rows.map((r) => r.action).filter((a) => a.startsWith('journey.share'));
}

describe('share links', () => {
  it('after 30 wrong links from one IP in 15 minutes, answer "no such link" to that IP even for a real one', async () => {
    const { ctx } = await business();
    const link = await run(ctx, createShareLink, await journey(ctx));
    const ip = `198.51.100.${randomInt(1, 255)}-${randomUUID().slice(0, 6)}`;
    const visit = (token: string, from = ip) => guardedLookup(from, () => openLink(ctx.tenantId, token));
    expect((await visit(link.token))?.doc.name).toBe('Servis mobil');
    for (let i = 0; i < 30; i++) expect(await visit(randomBytes(24).toString('base64url'))).toBeNull();
    expect(await visit(link.token)).toBeNull();
    // Hits found links do not count, and other visitors are not affected.
    expect((await visit(link.token, `${ip}-other`))?.doc.name).toBe('Servis mobil');
    expect((await checkLimit(limits.linkGuessPerAddress, ip)).allowed).toBe(false);
  });

  it('open the current map read-only for anyone with the link, until revoked', async () => {
    const { ctx, name } = await business();
    const id = await journey(ctx);
    const link = await run(ctx, createShareLink, id);
    expect(link.token).toMatch(secretTokenPattern);
    expect(link.path).toBe(`/share/${ctx.tenantId}/${link.token}`);

    const shared = await openLink(ctx.tenantId, link.token);
    expect(shared?.tenantName).toBe(name);
    expect(shared?.doc.name).toBe('Servis mobil');
    expect(shared?.doc.stages.map((s) => s.name)).toEqual(['Sebelum', 'Beli', 'Sesudah']);
    expect(shared?.doc.stages[1]).toMatchObject({ emotion: { score: 2, note: 'Diperbaiki di tempat' }, lanes: { touchpoints: [{ channel: 'whatsapp', label: '' }] } });

    // Later edits show through the same link.
    const { journey: j, stages } = await run(ctx, getJourney, id);
    await run(ctx, saveMap, id, { revision: j.revision, isCycle: false, stages: stages.slice(0, 2) });
    expect((await openLink(ctx.tenantId, link.token))?.doc.stages).toHaveLength(2);

    const listed = await run(ctx, listShareLinks, id);
    expect(listed.map((l) => [l.id, l.author])).toEqual([[link.id, 'Test User']]);

    expect(await run(ctx, revokeShareLink, link.id)).toEqual({ journeyId: id });
    expect(await openLink(ctx.tenantId, link.token)).toBeNull();
    expect(await run(ctx, listShareLinks, id)).toEqual([]);
    await notFound(run(ctx, revokeShareLink, link.id));
    expect((await actions(ctx.tenantId)).sort()).toEqual(['journey.share_revoked', 'journey.shared']);
  });

  it('keep only a hash of the secret; each link is separate', async () => {
    const { ctx } = await business();
    const id = await journey(ctx);
    const one = await run(ctx, createShareLink, id);
    const two = await run(ctx, createShareLink, id);
    expect(one.token).not.toBe(two.token);
    const rows = await withTenant(ctx.tenantId, (tx) => tx.select().from(journeyShareLinks).where(eq(journeyShareLinks.tenantId, ctx.tenantId)));
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashToken(one.token), hashToken(two.token)].sort());
    // The stored form is the SHA-256 of the token, base64url: links made before keep working.
    expect(rows.find((r) => r.id === one.id)?.tokenHash).toBe(createHash('sha256').update(one.token).digest('base64url'));
    expect(JSON.stringify(rows)).not.toContain(one.token);

    await run(ctx, revokeShareLink, one.id);
    expect(await openLink(ctx.tenantId, one.token)).toBeNull();
    expect(await openLink(ctx.tenantId, two.token)).not.toBeNull();
    expect((await run(ctx, listShareLinks, id)).map((l) => l.id)).toEqual([two.id]);
  });

  it('answer null for a wrong token, a wrong or malformed business id, or a token of another shape', async () => {
    const { ctx } = await business();
    const other = await business('Kopi');
    const link = await run(ctx, createShareLink, await journey(ctx));
    expect(await openLink(ctx.tenantId, 'A'.repeat(32))).toBeNull();
    expect(await openLink(other.ctx.tenantId, link.token)).toBeNull();
    expect(await openLink(randomUUID(), link.token)).toBeNull();
    // A malformed business id opens no transaction at all (the page answers 404 before: idOr404).
    await notFound(openLink('not-a-uuid', link.token));
    expect(await openLink(ctx.tenantId, `${link.token}x`)).toBeNull();
    expect(await openLink(ctx.tenantId, "' or 1=1 --")).toBeNull();
  });

  it('go when their journey is deleted', async () => {
    const { ctx } = await business();
    const id = await journey(ctx);
    const link = await run(ctx, createShareLink, id);
    await withTenant(ctx.tenantId, (tx) => tx.delete(journeys).where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, id))));
    expect(await openLink(ctx.tenantId, link.token)).toBeNull();
  });
});

describe('another business', () => {
  it("cannot make, list or revoke links on a journey that is not its own, and A's link keeps working", async () => {
    const a = await business('Bengkel A');
    const b = await business('Kopi B');
    const id = await journey(a.ctx);
    const link = await run(a.ctx, createShareLink, id);

    await notFound(run(b.ctx, createShareLink, id));
    await notFound(run(b.ctx, listShareLinks, id));
    await notFound(run(b.ctx, revokeShareLink, link.id));
    await notFound(run(b.ctx, revokeShareLink, randomUUID()));

    expect(await openLink(a.ctx.tenantId, link.token)).not.toBeNull();
    expect((await run(a.ctx, listShareLinks, id)).map((l) => l.id)).toEqual([link.id]);
    const stored = await withTenant(a.ctx.tenantId, (tx) =>
      tx.select().from(journeyShareLinks).where(and(eq(journeyShareLinks.tenantId, a.ctx.tenantId), eq(journeyShareLinks.id, link.id))),
    );
    expect(stored[0]?.revokedAt).toBeNull();
    expect(await actions(b.ctx.tenantId)).toEqual([]);
  });
});
