import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, tenants, users } from '@/db/schema';
import { demo, seed } from '@/db/seed';
import { env } from '@/lib/env';
import { withPlatform, withTenant } from '@/lib/tenancy';

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
    const admins = await withPlatform((tx) => tx.select().from(users).where(eq(users.email, demo.admin.email)));
    expect(admins).toHaveLength(1);
    expect(admins[0]?.isPlatformAdmin).toBe(true);
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
