/** Platform admins for tests: made by the owner role (the app role may not), with a live session, verified or not. */
import { eq, sql } from 'drizzle-orm';
import { withOwnerDatabase } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import type { AdminActor } from '@/lib/admin/door';
import { createUserSession } from '@/lib/auth/sessions';
import { makeUser } from './factory';

export async function makeAdmin(): Promise<{ id: string; email: string }> {
  const u = await makeUser({ name: 'Admin Uji' });
  await withOwnerDatabase((db) => db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, u.id)));
  return u;
}

/** A new sign-in of `userId` (a session row, as the password sign-in makes), as an admin actor. */
export async function actorFor(userId: string, ip = '203.0.113.7'): Promise<AdminActor> {
  const { sessionId } = await createUserSession(userId);
  return { userId, sessionId, ip };
}

/** Marks a session as past the second factor, as the owner: the tests' shortcut past enrolment. */
export async function verifySession(actor: AdminActor): Promise<void> {
  await withOwnerDatabase((db) => db.update(userSessions).set({ secondFactorAt: sql`now()` }).where(eq(userSessions.id, actor.sessionId)));
}

/** A platform admin past the second factor. */
export async function verifiedAdmin(): Promise<AdminActor> {
  const admin = await makeAdmin();
  const actor = await actorFor(admin.id);
  await verifySession(actor);
  return actor;
}
