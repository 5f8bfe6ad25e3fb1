/**
 * Read-only share links to a journey, for people outside the team (a partner, a consultant).
 * Like invites, the secret is shown once and only its hash is stored (lib/links/tokens.ts); a link
 * works until it is revoked. Every function works inside the caller's transaction (`db: TenantDb`)
 * and names the tenant in every query: a foreign id is NotFound.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { journeys, journeyShareLinks, tenants, users } from '@/db/schema';
import { audit } from '../core/audit';
import { NotFoundError } from '../core/errors';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { hashToken, newSecretToken, secretTokenPattern } from '../links/tokens';
import type { JourneyDoc } from './model';
import { exportJourney } from './queries';

export function sharePath(tenantId: string, token: string): string {
  return `/share/${tenantId}/${token}`;
}

async function checkJourney(db: TenantDb, journeyId: string) {
  assertUuids(journeyId);
  const [j] = await db.tx.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.id, journeyId)));
  if (!j) throw new NotFoundError('journey');
}

/** A new link; the secret is returned once (for the URL) and stored only hashed. */
export async function createShareLink(db: TenantDb, journeyId: string): Promise<{ id: string; token: string; path: string }> {
  const token = newSecretToken();
  const id = randomUUID();
  await checkJourney(db, journeyId);
  await db.tx.insert(journeyShareLinks).values({ tenantId: db.tenantId, id, journeyId, tokenHash: hashToken(token), createdBy: db.userId });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'journey.shared', targetType: 'journey', targetId: journeyId, ip: db.ip, meta: { linkId: id } });
  return { id, token, path: sharePath(db.tenantId, token) };
}

/** The journey's links that still work, oldest first. */
export async function listShareLinks(db: TenantDb, journeyId: string) {
  await checkJourney(db, journeyId);
  return db.tx
    .select({ id: journeyShareLinks.id, createdAt: journeyShareLinks.createdAt, author: users.name })
    .from(journeyShareLinks)
    .leftJoin(users, eq(users.id, journeyShareLinks.createdBy))
    .where(and(eq(journeyShareLinks.tenantId, db.tenantId), eq(journeyShareLinks.journeyId, journeyId), isNull(journeyShareLinks.revokedAt)))
    .orderBy(asc(journeyShareLinks.createdAt));
}

/** Stops a link at once; returns the journey it was for. */
export async function revokeShareLink(db: TenantDb, linkId: string): Promise<{ journeyId: string }> {
  assertUuids(linkId);
  const rows = await db.tx
    .update(journeyShareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(journeyShareLinks.tenantId, db.tenantId), eq(journeyShareLinks.id, linkId), isNull(journeyShareLinks.revokedAt)))
    .returning({ journeyId: journeyShareLinks.journeyId });
  if (rows.length === 0) throw new NotFoundError('share_link');
  const { journeyId } = rows[0]!;
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId, action: 'journey.share_revoked', targetType: 'journey', targetId: journeyId, ip: db.ip, meta: { linkId } });
  return { journeyId };
}

/**
 * What a share link shows, for its public page: the business's name and the journey as an
 * exchange document. Null for an unknown, malformed or revoked link (all answered alike).
 *
 * `db` is the link's business as an anonymous visitor sees it (`inTenant({ tenantId, userId: '' }, …)`):
 * the link alone grants reading this one journey; lookup and export run in that one transaction.
 */
export async function resolveShareLink(db: TenantDb, token: string): Promise<{ tenantName: string; doc: JourneyDoc } | null> {
  if (!secretTokenPattern.test(token)) return null;
  const [link] = await db.tx
    .select({ journeyId: journeyShareLinks.journeyId, tenantName: tenants.name })
    .from(journeyShareLinks)
    .innerJoin(tenants, eq(tenants.id, journeyShareLinks.tenantId))
    .where(and(eq(journeyShareLinks.tenantId, db.tenantId), eq(journeyShareLinks.tokenHash, hashToken(token)), isNull(journeyShareLinks.revokedAt)));
  if (!link) return null;
  try {
    const doc = await exportJourney(db, link.journeyId);
    return { tenantName: link.tenantName, doc };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
