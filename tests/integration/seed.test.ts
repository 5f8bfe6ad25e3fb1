import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, tenants, users } from '@/db/schema';
import { demo, demoSharePath, seed } from '@/lib/demo/seed';
import { resolveShareLink } from '@/lib/journeys/sharing';
import { getJourney, listVersions } from '@/lib/journeys/queries';
import { env } from '@/lib/core/env';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';

describe('demo seed', () => {
  it('puts the demo businesses and accounts in place, and running it again changes nothing', async () => {
    await seed();
    await seed();
    const bengkel = await withTenant(demo.bengkel.tenant.id, async (tx) => ({
      tenant: await tx.select().from(tenants),
      members: await tx.select().from(memberships),
    }));
    expect(bengkel.tenant.map((t) => t.name)).toEqual(['Bengkel Maju Jaya']);
    expect(bengkel.members.map((m) => m.role).sort()).toEqual(['owner', 'staff']);
    const admins = await withPlatform((tx) => tx.select({ isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.email, demo.admin.email)));
    expect(admins).toHaveLength(1);
    expect(admins[0]?.isPlatformAdmin).toBe(true);
  });

  it('gives Bengkel Maju Jaya a persona, a journey from the bengkel template with two versions, and a working share link', async () => {
    await seed();
    const ctx = { tenantId: demo.bengkel.tenant.id, userId: demo.bengkel.owner.id };
    const { journey, stages, versions } = await inTenant(ctx, async (db) => ({
      ...(await getJourney(db, demo.bengkel.journeyId)),
      versions: await listVersions(db, demo.bengkel.journeyId),
    }));
    expect(journey.personaId).toBe(demo.bengkel.personaId);
    expect(journey.templateKey).toBe('bengkel');
    expect(stages.length).toBeGreaterThanOrEqual(5);
    expect(stages.every((s) => s.lanes.touchpoints.length > 0 && s.lanes.painPoints.length > 0)).toBe(true);
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
    // Opened as the share page opens it: an anonymous visitor in the link's business.
    const shared = await inTenant({ tenantId: demo.bengkel.tenant.id, userId: '' }, (db) => resolveShareLink(db, demo.bengkel.shareLink.token));
    expect(shared?.doc.name).toBe(journey.name);
    expect(demoSharePath).toBe(`/share/${demo.bengkel.tenant.id}/${demo.bengkel.shareLink.token}`);
  });

  it('refuses to run in production unless ALLOW_SEED=1', async () => {
    const saved = { ...env };
    try {
      Object.assign(env, { NODE_ENV: 'production', ALLOW_SEED: '0' });
      await expect(seed()).rejects.toThrow(/ALLOW_SEED=1/);
    } finally {
      Object.assign(env, saved);
    }
  });
});
