/**
 * Read-only share links: the secret is shown once and stored hashed, the link opens the map for
 * anyone until it is revoked, and no business can list, make or revoke links on another's journey.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, journeys, journeyShareLinks } from '@/db/schema';
import { NotFoundError } from '@/lib/core/errors';
import { createShareLink, hashShareToken, listShareLinks, resolveShareLink, revokeShareLink, shareTokenPattern } from '@/lib/journeys/sharing';
import { createJourney, getJourney, saveMap, type JourneyContext } from '@/lib/journeys/queries';
import { checkLimit, guardedLookup } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import { withTenant } from '@/lib/core/tenancy';
import { makeTenant } from '../support/factory';

async function business(name = 'Bengkel Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { ctx: { tenantId: t.id, userId: t.owner.id } satisfies JourneyContext, name: t.name };
}

async function journey(ctx: JourneyContext) {
  const { id } = await createJourney(ctx, { name: 'Servis mobil', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
  const { journey: j, stages } = await getJourney(ctx, id);
  stages[1]!.lanes.touchpoints = [{ channel: 'whatsapp', label: '' }];
  stages[1]!.emotion = { score: 2, note: 'Diperbaiki di tempat' };
  await saveMap(ctx, id, { revision: j.revision, isCycle: false, stages });
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
    const link = await createShareLink(ctx, await journey(ctx));
    const ip = `198.51.100.${randomInt(1, 255)}-${randomUUID().slice(0, 6)}`;
    const visit = (token: string, from = ip) => guardedLookup(from, () => resolveShareLink(ctx.tenantId, token));
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
    const link = await createShareLink(ctx, id);
    expect(link.token).toMatch(shareTokenPattern);
    expect(link.path).toBe(`/share/${ctx.tenantId}/${link.token}`);

    const shared = await resolveShareLink(ctx.tenantId, link.token);
    expect(shared?.tenantName).toBe(name);
    expect(shared?.doc.name).toBe('Servis mobil');
    expect(shared?.doc.stages.map((s) => s.name)).toEqual(['Sebelum', 'Beli', 'Sesudah']);
    expect(shared?.doc.stages[1]).toMatchObject({ emotion: { score: 2, note: 'Diperbaiki di tempat' }, lanes: { touchpoints: [{ channel: 'whatsapp', label: '' }] } });

    // Later edits show through the same link.
    const { journey: j, stages } = await getJourney(ctx, id);
    await saveMap(ctx, id, { revision: j.revision, isCycle: false, stages: stages.slice(0, 2) });
    expect((await resolveShareLink(ctx.tenantId, link.token))?.doc.stages).toHaveLength(2);

    const listed = await listShareLinks(ctx, id);
    expect(listed.map((l) => [l.id, l.author])).toEqual([[link.id, 'Test User']]);

    expect(await revokeShareLink(ctx, link.id)).toEqual({ journeyId: id });
    expect(await resolveShareLink(ctx.tenantId, link.token)).toBeNull();
    expect(await listShareLinks(ctx, id)).toEqual([]);
    await notFound(revokeShareLink(ctx, link.id));
    expect((await actions(ctx.tenantId)).sort()).toEqual(['journey.share_revoked', 'journey.shared']);
  });

  it('keep only a hash of the secret; each link is separate', async () => {
    const { ctx } = await business();
    const id = await journey(ctx);
    const one = await createShareLink(ctx, id);
    const two = await createShareLink(ctx, id);
    expect(one.token).not.toBe(two.token);
    const rows = await withTenant(ctx.tenantId, (tx) => tx.select().from(journeyShareLinks).where(eq(journeyShareLinks.tenantId, ctx.tenantId)));
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashShareToken(one.token), hashShareToken(two.token)].sort());
    expect(JSON.stringify(rows)).not.toContain(one.token);

    await revokeShareLink(ctx, one.id);
    expect(await resolveShareLink(ctx.tenantId, one.token)).toBeNull();
    expect(await resolveShareLink(ctx.tenantId, two.token)).not.toBeNull();
    expect((await listShareLinks(ctx, id)).map((l) => l.id)).toEqual([two.id]);
  });

  it('answer null for a wrong token, a wrong or malformed business id, or a token of another shape', async () => {
    const { ctx } = await business();
    const other = await business('Kopi');
    const link = await createShareLink(ctx, await journey(ctx));
    expect(await resolveShareLink(ctx.tenantId, 'A'.repeat(32))).toBeNull();
    expect(await resolveShareLink(other.ctx.tenantId, link.token)).toBeNull();
    expect(await resolveShareLink(randomUUID(), link.token)).toBeNull();
    expect(await resolveShareLink('not-a-uuid', link.token)).toBeNull();
    expect(await resolveShareLink(ctx.tenantId, `${link.token}x`)).toBeNull();
    expect(await resolveShareLink(ctx.tenantId, "' or 1=1 --")).toBeNull();
  });

  it('go when their journey is deleted', async () => {
    const { ctx } = await business();
    const id = await journey(ctx);
    const link = await createShareLink(ctx, id);
    await withTenant(ctx.tenantId, (tx) => tx.delete(journeys).where(and(eq(journeys.tenantId, ctx.tenantId), eq(journeys.id, id))));
    expect(await resolveShareLink(ctx.tenantId, link.token)).toBeNull();
  });
});

describe('another business', () => {
  it("cannot make, list or revoke links on a journey that is not its own, and A's link keeps working", async () => {
    const a = await business('Bengkel A');
    const b = await business('Kopi B');
    const id = await journey(a.ctx);
    const link = await createShareLink(a.ctx, id);

    await notFound(createShareLink(b.ctx, id));
    await notFound(listShareLinks(b.ctx, id));
    await notFound(revokeShareLink(b.ctx, link.id));
    await notFound(revokeShareLink(b.ctx, randomUUID()));

    expect(await resolveShareLink(a.ctx.tenantId, link.token)).not.toBeNull();
    expect((await listShareLinks(a.ctx, id)).map((l) => l.id)).toEqual([link.id]);
    const stored = await withTenant(a.ctx.tenantId, (tx) =>
      tx.select().from(journeyShareLinks).where(and(eq(journeyShareLinks.tenantId, a.ctx.tenantId), eq(journeyShareLinks.id, link.id))),
    );
    expect(stored[0]?.revokedAt).toBeNull();
    expect(await actions(b.ctx.tenantId)).toEqual([]);
  });
});
