/** Test data written through the app's own tenant-scoped path. Random ids: files share one database. */
import { randomUUID } from 'node:crypto';
import { memberships, tenants, users, type MemberRole } from '@/db/schema';
import { withPlatform, withTenant } from '@/lib/core/tenancy';

export async function makeUser(over: { email?: string; name?: string; passwordHash?: string } = {}) {
  const id = randomUUID();
  const email = over.email ?? `u-${id.slice(0, 8)}@test.example`;
  await withPlatform((tx) =>
    tx.insert(users).values({ id, email, name: over.name ?? 'Test User', passwordHash: over.passwordHash ?? 'x' }),
  );
  return { id, email };
}

export async function makeTenant(name = 'Usaha Uji', members: { role?: MemberRole } = {}) {
  const id = randomUUID();
  const owner = await makeUser();
  await withTenant(id, async (tx) => {
    await tx.insert(tenants).values({ id, name });
    await tx.insert(memberships).values({ tenantId: id, userId: owner.id, role: members.role ?? 'owner' });
  });
  return { id, name, owner };
}
