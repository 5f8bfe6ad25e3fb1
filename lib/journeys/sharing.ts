/**
 * Read-only share links to a journey, for people outside the team (a partner, a consultant).
 * Like invites, the secret is shown once and only its hash is stored; a link works until it is
 * revoked. Member functions are scoped to the caller's tenant: a foreign id is NotFound.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { journeys, journeyShareLinks, tenants, users } from '@/db/schema';
import { audit } from '../core/audit';
import { NotFoundError } from '../core/errors';
import { exportJourney, type JourneyContext } from './queries';
import { withTenant, type Tx } from '../core/tenancy';

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function sharePath(tenantId: string, token: string): string {
  return `/share/${tenantId}/${token}`;
}

/** The shape of a token this module makes (24 random bytes, base64url): others are not looked up. */
export const shareTokenPattern = /^[A-Za-z0-9_-]{32}$/;

async function checkJourney(tx: Tx, tenantId: string, journeyId: string) {
  const [j] = await tx.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.tenantId, tenantId), eq(journeys.id, journeyId)));
  if (!j) throw new NotFoundError('journey');
}

/** A new link; the secret is returned once (for the URL) and stored only hashed. */
export async function createShareLink(ctx: JourneyContext, journeyId: string) {
  const token = randomBytes(24).toString('base64url');
  const id = randomUUID();
  await withTenant(ctx.tenantId, async (tx) => {
    await checkJourney(tx, ctx.tenantId, journeyId);
    await tx.insert(journeyShareLinks).values({ tenantId: ctx.tenantId, id, journeyId, tokenHash: hashShareToken(token), createdBy: ctx.userId });
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.shared', targetType: 'journey', targetId: journeyId, ip: ctx.ip, meta: { linkId: id } });
  });
  return { id, token, path: sharePath(ctx.tenantId, token) };
}

/** The journey's links that still work, oldest first. */
export async function listShareLinks(ctx: JourneyContext, journeyId: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    await checkJourney(tx, ctx.tenantId, journeyId);
    return tx
      .select({ id: journeyShareLinks.id, createdAt: journeyShareLinks.createdAt, author: users.name })
      .from(journeyShareLinks)
      .leftJoin(users, eq(users.id, journeyShareLinks.createdBy))
      .where(and(eq(journeyShareLinks.tenantId, ctx.tenantId), eq(journeyShareLinks.journeyId, journeyId), isNull(journeyShareLinks.revokedAt)))
      .orderBy(asc(journeyShareLinks.createdAt));
  });
}

/** Stops a link at once; returns the journey it was for. */
export async function revokeShareLink(ctx: JourneyContext, linkId: string) {
  return withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx
      .update(journeyShareLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(journeyShareLinks.tenantId, ctx.tenantId), eq(journeyShareLinks.id, linkId), isNull(journeyShareLinks.revokedAt)))
      .returning({ journeyId: journeyShareLinks.journeyId });
    if (rows.length === 0) throw new NotFoundError('share_link');
    const { journeyId } = rows[0]!;
    await audit(tx, { tenantId: ctx.tenantId, actorUserId: ctx.userId, action: 'journey.share_revoked', targetType: 'journey', targetId: journeyId, ip: ctx.ip, meta: { linkId } });
    return { journeyId };
  });
}

/**
 * What a share link shows, for its public page: the business's name and the journey as an
 * exchange document. Null for an unknown, malformed or revoked link (all answered alike).
 */
export async function resolveShareLink(tenantId: string, token: string) {
  if (!shareTokenPattern.test(token)) return null;
  try {
    const link = await withTenant(tenantId, async (tx) => {
      const [row] = await tx
        .select({ journeyId: journeyShareLinks.journeyId, tenantName: tenants.name })
        .from(journeyShareLinks)
        .innerJoin(tenants, eq(tenants.id, journeyShareLinks.tenantId))
        .where(and(eq(journeyShareLinks.tenantId, tenantId), eq(journeyShareLinks.tokenHash, hashShareToken(token)), isNull(journeyShareLinks.revokedAt)));
      return row ?? null;
    });
    if (!link) return null;
    // No user: the visitor is anonymous; the link alone grants reading this one journey.
    const doc = await exportJourney({ tenantId, userId: '' }, link.journeyId);
    return { tenantName: link.tenantName, doc };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
