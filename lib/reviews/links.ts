/**
 * Review links, the owner's side: a link asks for reviews on one stage of one journey (and,
 * optionally, one touchpoint), under a short slug served at /r/<slug>. Making a link also adds its
 * route (slug hash → business, link) to the platform routing table, in the same transaction.
 *
 * Every function works inside the caller's transaction (`db: TenantDb`) and names the tenant in
 * every query: an id of another business is NotFound, like an unknown one.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { journeys, journeyStages, reviewLinkRoutes, reviewLinks, tenants } from '@/db/schema';
import { audit } from '../core/audit';
import { NotFoundError } from '../core/errors';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { endOfDayIn, type ReviewLinkInput } from './model';
import { assertReviewLinkAllowed } from './plan-limits';
import { hashSlug, newReviewSlug, normalizeSlug } from './slug';

/** The journey and the stage must both be this business's, and the stage that journey's. */
async function checkJourneyStage(db: TenantDb, journeyId: string, stageId: string): Promise<void> {
  assertUuids(journeyId, stageId);
  const [row] = await db.tx
    .select({ id: journeyStages.id })
    .from(journeyStages)
    .innerJoin(journeys, and(eq(journeys.tenantId, journeyStages.tenantId), eq(journeys.id, journeyStages.journeyId)))
    .where(and(eq(journeyStages.tenantId, db.tenantId), eq(journeys.tenantId, db.tenantId), eq(journeyStages.id, stageId), eq(journeys.id, journeyId)));
  if (!row) throw new NotFoundError('stage');
}

async function businessTimeZone(db: TenantDb): Promise<string> {
  const [row] = await db.tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, db.tenantId));
  return row?.timeZone ?? 'Asia/Jakarta';
}

/** The input's columns (expiry: the end of the chosen day in the business's time zone). */
async function linkColumns(db: TenantDb, input: ReviewLinkInput) {
  return {
    journeyId: input.journeyId,
    stageId: input.stageId,
    touchpoint: input.touchpoint,
    title: input.title,
    thankYou: input.thankYou,
    askNps: input.askNps,
    askComment: input.askComment,
    askContact: input.askContact,
    askTestimonial: input.askTestimonial,
    googleMapsUrl: input.googleMapsUrl,
    expiresAt: input.expiresAt ? endOfDayIn(input.expiresAt, await businessTimeZone(db)) : null,
  };
}

/**
 * A new link. The slug is random (lib/reviews/slug.ts); the route is claimed first with ON
 * CONFLICT DO NOTHING, so a collision (astronomically rare) just draws another slug without
 * aborting the transaction. `opts.slug` fixes the slug (tooling: the seed's `demo-bengkel`); a
 * taken or malformed fixed slug is an error.
 */
export async function createReviewLink(db: TenantDb, input: ReviewLinkInput, opts: { slug?: string } = {}): Promise<{ id: string; slug: string }> {
  await checkJourneyStage(db, input.journeyId, input.stageId);
  // The plan's limit on review links (lib/reviews/plan-limits.ts), under its lock until this transaction ends.
  await assertReviewLinkAllowed(db);
  const columns = await linkColumns(db, input);
  const id = randomUUID();
  let slug: string | null = null;
  for (let attempt = 0; attempt < (opts.slug ? 1 : 8) && !slug; attempt++) {
    const candidate = opts.slug ? normalizeSlug(opts.slug) : newReviewSlug();
    if (!candidate) throw new Error(`not a review link slug: ${opts.slug}`);
    const claimed = await db.tx
      .insert(reviewLinkRoutes)
      .values({ slugHash: hashSlug(candidate), tenantId: db.tenantId, linkId: id })
      .onConflictDoNothing({ target: reviewLinkRoutes.slugHash })
      .returning({ slugHash: reviewLinkRoutes.slugHash });
    if (claimed.length) slug = candidate;
  }
  if (!slug) throw new Error(opts.slug ? `review link slug taken: ${opts.slug}` : 'no free review link slug');
  await db.tx.insert(reviewLinks).values({ tenantId: db.tenantId, id, slug, ...columns, createdBy: db.userId || null });
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review_link.created', targetType: 'review_link', targetId: id, ip: db.ip, meta: { journeyId: input.journeyId, stageId: input.stageId } });
  return { id, slug };
}

/** Changes a link's questions, texts, stage or expiry; the slug stays (it is printed on posters). */
export async function updateReviewLink(db: TenantDb, id: string, input: ReviewLinkInput): Promise<{ id: string; slug: string }> {
  assertUuids(id);
  await checkJourneyStage(db, input.journeyId, input.stageId);
  const columns = await linkColumns(db, input);
  const rows = await db.tx
    .update(reviewLinks)
    .set({ ...columns, updatedAt: new Date() })
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(reviewLinks.id, id)))
    .returning({ id: reviewLinks.id, slug: reviewLinks.slug });
  if (!rows.length) throw new NotFoundError('review_link');
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review_link.updated', targetType: 'review_link', targetId: id, ip: db.ip });
  return rows[0]!;
}

/** Turns a link on or off (an off link answers with a friendly "closed" page). */
export async function setReviewLinkActive(db: TenantDb, id: string, active: boolean): Promise<void> {
  assertUuids(id);
  const rows = await db.tx
    .update(reviewLinks)
    .set({ active, updatedAt: new Date() })
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(reviewLinks.id, id)))
    .returning({ id: reviewLinks.id });
  if (!rows.length) throw new NotFoundError('review_link');
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review_link.updated', targetType: 'review_link', targetId: id, ip: db.ip, meta: { active } });
}

const linkFields = {
  id: reviewLinks.id,
  slug: reviewLinks.slug,
  title: reviewLinks.title,
  touchpoint: reviewLinks.touchpoint,
  journeyId: reviewLinks.journeyId,
  journeyName: journeys.name,
  stageId: reviewLinks.stageId,
  /** Null when the stage was removed from the map (its links and reviews stay). */
  stageName: journeyStages.name,
  active: reviewLinks.active,
  expiresAt: reviewLinks.expiresAt,
  openedCount: reviewLinks.openedCount,
  submittedCount: reviewLinks.submittedCount,
  createdAt: reviewLinks.createdAt,
};

const journeyJoin = and(eq(journeys.tenantId, reviewLinks.tenantId), eq(journeys.id, reviewLinks.journeyId));
const stageJoin = and(eq(journeyStages.tenantId, reviewLinks.tenantId), eq(journeyStages.id, reviewLinks.stageId));

/** The business's links (or one journey's), newest first, with their counts. */
export async function listReviewLinks(db: TenantDb, opts: { journeyId?: string } = {}) {
  if (opts.journeyId) assertUuids(opts.journeyId);
  return db.tx
    .select(linkFields)
    .from(reviewLinks)
    .innerJoin(journeys, journeyJoin)
    .leftJoin(journeyStages, stageJoin)
    .where(and(eq(reviewLinks.tenantId, db.tenantId), opts.journeyId ? eq(reviewLinks.journeyId, opts.journeyId) : undefined))
    .orderBy(desc(reviewLinks.createdAt), desc(reviewLinks.id));
}
export type ReviewLinkRow = Awaited<ReturnType<typeof listReviewLinks>>[number];

/**
 * One link with everything the edit form and the sharing page need, and the business's time
 * zone (the expiry field shows the day in it: `dateInZone`).
 */
export async function getReviewLink(db: TenantDb, id: string) {
  assertUuids(id);
  const [row] = await db.tx
    .select({
      ...linkFields,
      thankYou: reviewLinks.thankYou,
      askNps: reviewLinks.askNps,
      askComment: reviewLinks.askComment,
      askContact: reviewLinks.askContact,
      askTestimonial: reviewLinks.askTestimonial,
      googleMapsUrl: reviewLinks.googleMapsUrl,
      createdBy: reviewLinks.createdBy,
      updatedAt: reviewLinks.updatedAt,
      timeZone: tenants.timeZone,
    })
    .from(reviewLinks)
    .innerJoin(journeys, journeyJoin)
    .innerJoin(tenants, eq(tenants.id, reviewLinks.tenantId))
    .leftJoin(journeyStages, stageJoin)
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(tenants.id, db.tenantId), eq(reviewLinks.id, id)));
  if (!row) throw new NotFoundError('review_link');
  return row;
}
export type ReviewLinkDetail = Awaited<ReturnType<typeof getReviewLink>>;

/** Submitted ÷ opened as a whole percentage; null before anyone opened (no "0 %" of nothing). */
export function conversionRate(opened: number, submitted: number): number | null {
  return opened > 0 ? Math.round((submitted / opened) * 100) : null;
}

/** One touchpoint's links added up ('' : links with no touchpoint). */
export interface TouchpointTotal {
  touchpoint: string;
  links: number;
  opened: number;
  submitted: number;
  conversion: number | null;
}

/**
 * The links' counts per touchpoint: links grouped by their touchpoint text (spacing and capitals
 * aside, shown as the first link of the list has it), opened and submitted summed and the
 * conversion taken over the sums. Most submitted first; links with no touchpoint last.
 */
export function touchpointTotals(links: readonly Pick<ReviewLinkRow, 'touchpoint' | 'openedCount' | 'submittedCount'>[]): TouchpointTotal[] {
  const groups = new Map<string, TouchpointTotal>();
  for (const l of links) {
    const text = l.touchpoint.trim().replace(/\s+/g, ' ');
    const key = text.toLocaleLowerCase('id-ID');
    const g = groups.get(key) ?? { touchpoint: text, links: 0, opened: 0, submitted: 0, conversion: null };
    g.links += 1;
    g.opened += l.openedCount;
    g.submitted += l.submittedCount;
    groups.set(key, g);
  }
  const totals = [...groups.values()].map((g) => ({ ...g, conversion: conversionRate(g.opened, g.submitted) }));
  return totals.sort(
    (a, b) => Number(!a.touchpoint) - Number(!b.touchpoint) || b.submitted - a.submitted || b.opened - a.opened || a.touchpoint.localeCompare(b.touchpoint, 'id'),
  );
}
