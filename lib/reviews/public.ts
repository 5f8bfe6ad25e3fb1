/**
 * The customer's side of a review link (/r/<slug>): find the slug's business in the platform
 * routing table, then — inside that business, as an anonymous visitor (`inTenant({ tenantId,
 * userId: '' }, …)`) — load the link, count the visit and take the review.
 *
 * `submitReview` is idempotent by the form's one-time key: the insert and the duplicate check are
 * one statement against a unique constraint (tenant_id, submission_key), in the caller's one
 * transaction, so a double tap, a browser retry or a resubmit after a timeout stores exactly one
 * review and answers every attempt with the same review id.
 */
import { and, eq, sql } from 'drizzle-orm';
import { journeyStages, reviewLinkRoutes, reviewLinks, reviews, tenants } from '@/db/schema';
import { AppError, NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import { withPlatform, type TenantDb } from '../core/tenancy';
import type { Locale } from '../shared/locales';
import { reviewPageErrors, type ReviewSubmission } from './model';
import { monthlyReviewLimitError, monthlyReviewLimitReached } from './plan-limits';
import { hashSlug, normalizeSlug } from './slug';

/**
 * Which business and link a slug (as typed: case, spaces and dashes do not matter) belongs to;
 * null when it cannot be a slug or names nothing. A platform lookup: its own unit of work, run
 * before any business is known. (Callers rate-limit it per address: `guardedLookup`.)
 */
export async function routeReviewSlug(rawSlug: string): Promise<{ tenantId: string; linkId: string } | null> {
  const slug = normalizeSlug(rawSlug);
  if (!slug) return null;
  const [route] = await withPlatform((tx) =>
    tx.select({ tenantId: reviewLinkRoutes.tenantId, linkId: reviewLinkRoutes.linkId }).from(reviewLinkRoutes).where(eq(reviewLinkRoutes.slugHash, hashSlug(slug))),
  );
  return route ?? null;
}

export type ReviewLinkState = 'open' | 'inactive' | 'expired';

export interface PublicReviewLink {
  state: ReviewLinkState;
  linkId: string;
  slug: string;
  title: string;
  thankYou: string;
  askNps: boolean;
  askComment: boolean;
  askContact: boolean;
  askTestimonial: boolean;
  googleMapsUrl: string | null;
  touchpoint: string;
  stageName: string | null;
  businessName: string;
  /** For the logo's URL (`logoPath(tenantId, logoVersion)`); null when the business has no logo. */
  logoVersion: string | null;
  timeZone: string;
  /** The business's language for its public pages; null: follow the customer's browser. */
  defaultLocale: Locale | null;
  /** Suspended by a platform admin: the page is "temporarily unavailable" (503) and takes nothing. */
  suspended: boolean;
}

/**
 * A business suspended by a platform admin accepts nothing on its public pages: thrown by the
 * writes below (a suspension that lands between the page's first read and the write still refuses).
 */
export class BusinessSuspendedError extends Error {
  constructor() {
    super('business suspended');
  }
}

/** Whether `db`'s business is suspended by a platform admin (the public pages answer 503 then). */
export async function businessSuspended(db: TenantDb): Promise<boolean> {
  const [row] = await db.tx.select({ suspendedAt: tenants.suspendedAt }).from(tenants).where(eq(tenants.id, db.tenantId));
  return row?.suspendedAt != null;
}

function stateOf(link: { active: boolean; expiresAt: Date | null }, now = new Date()): ReviewLinkState {
  if (!link.active) return 'inactive';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** What the public page shows for a link of `db`'s business; null when the business has no such link. */
export async function loadPublicReviewLink(db: TenantDb, linkId: string): Promise<PublicReviewLink | null> {
  if (!isUuid(linkId)) return null;
  const [row] = await db.tx
    .select({
      linkId: reviewLinks.id,
      slug: reviewLinks.slug,
      title: reviewLinks.title,
      thankYou: reviewLinks.thankYou,
      askNps: reviewLinks.askNps,
      askComment: reviewLinks.askComment,
      askContact: reviewLinks.askContact,
      askTestimonial: reviewLinks.askTestimonial,
      googleMapsUrl: reviewLinks.googleMapsUrl,
      touchpoint: reviewLinks.touchpoint,
      active: reviewLinks.active,
      expiresAt: reviewLinks.expiresAt,
      stageName: journeyStages.name,
      businessName: tenants.name,
      logoVersion: sql<string | null>`case when ${tenants.logoUrl} is null then null else (extract(epoch from ${tenants.updatedAt}) * 1000)::bigint::text end`,
      timeZone: tenants.timeZone,
      defaultLocale: tenants.defaultLocale,
      suspended: sql<boolean>`${tenants.suspendedAt} is not null`,
    })
    .from(reviewLinks)
    .innerJoin(tenants, eq(tenants.id, reviewLinks.tenantId))
    .leftJoin(journeyStages, and(eq(journeyStages.tenantId, reviewLinks.tenantId), eq(journeyStages.id, reviewLinks.stageId)))
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(tenants.id, db.tenantId), eq(reviewLinks.id, linkId)));
  if (!row) return null;
  const { active, expiresAt, ...rest } = row;
  return { ...rest, state: stateOf({ active, expiresAt }) };
}

/** Counts a visit (opened_count + 1). No cookie: every page view counts. Unknown ids are ignored. */
export async function recordReviewLinkOpen(db: TenantDb, linkId: string): Promise<void> {
  if (!isUuid(linkId)) return;
  await db.tx
    .update(reviewLinks)
    .set({ openedCount: sql`${reviewLinks.openedCount} + 1` })
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(reviewLinks.id, linkId)));
}

async function existingReview(db: TenantDb, key: string): Promise<string | null> {
  const [row] = await db.tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.tenantId, db.tenantId), eq(reviews.submissionKey, key)));
  return row?.id ?? null;
}

/**
 * Stores a customer's review, once per submission key, in the caller's one transaction.
 *
 * - A link of another business (or none) is NotFound; nothing is written.
 * - A business suspended by a platform admin: BusinessSuspendedError; nothing is written.
 * - A link that is off or expired refuses (`review_page:errors.closed`) — unless this key was
 *   already stored (the first attempt went through before the link closed): that answers as a
 *   duplicate, so the customer sees the same thank-you.
 * - A malformed key (the form's hidden field tampered with) is `review_page:errors.form_expired`.
 * - A business that has received all the reviews its plan allows this month refuses
 *   (`review_page:errors.monthly_limit`, lib/reviews/plan-limits.ts); nothing is written.
 * - Only what the link asks is kept: NPS, comment, contact and testimonial consent of a link that
 *   does not ask them are dropped. Name and number are kept only with contact consent (the
 *   schema refuses them without; the table's check constraint refuses them too).
 * - `meta.spamReason` set (honeypot, too fast, …): stored with status 'spam' and the reason —
 *   never dropped; the owner can restore it.
 * - submitted_count + 1 only for a new review.
 */
export async function submitReview(
  db: TenantDb,
  linkId: string,
  input: ReviewSubmission,
  meta: { key: string; locale: 'id' | 'en'; spamReason: string | null },
): Promise<{ reviewId: string; duplicate: boolean }> {
  if (!isUuid(linkId)) throw new NotFoundError('review_link');
  const [link] = await db.tx
    .select({
      journeyId: reviewLinks.journeyId,
      stageId: reviewLinks.stageId,
      touchpoint: reviewLinks.touchpoint,
      active: reviewLinks.active,
      expiresAt: reviewLinks.expiresAt,
      askNps: reviewLinks.askNps,
      askComment: reviewLinks.askComment,
      askContact: reviewLinks.askContact,
      askTestimonial: reviewLinks.askTestimonial,
      suspended: sql<boolean>`${tenants.suspendedAt} is not null`,
    })
    .from(reviewLinks)
    .innerJoin(tenants, eq(tenants.id, reviewLinks.tenantId))
    .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(tenants.id, db.tenantId), eq(reviewLinks.id, linkId)));
  if (!link) throw new NotFoundError('review_link');
  if (link.suspended) throw new BusinessSuspendedError();
  if (!isUuid(meta.key)) throw new AppError(reviewPageErrors.formExpired);

  if (stateOf(link) !== 'open') {
    const existing = await existingReview(db, meta.key);
    if (existing) return { reviewId: existing, duplicate: true };
    throw new AppError(reviewPageErrors.closed);
  }
  // The plan's monthly limit (lib/reviews/plan-limits.ts), under its lock until this transaction
  // ends; a retry of a review stored before the limit was reached is still that review.
  if (await monthlyReviewLimitReached(db)) {
    const existing = await existingReview(db, meta.key);
    if (existing) return { reviewId: existing, duplicate: true };
    throw new AppError(monthlyReviewLimitError);
  }

  const withContact = link.askContact && input.contactConsent;
  const inserted = await db.tx
    .insert(reviews)
    .values({
      tenantId: db.tenantId,
      linkId,
      journeyId: link.journeyId,
      stageId: link.stageId,
      touchpoint: link.touchpoint,
      stars: input.stars,
      nps: link.askNps ? input.nps : null,
      comment: link.askComment ? input.comment : '',
      customerName: withContact ? input.name : null,
      customerWhatsapp: withContact ? input.whatsapp : null,
      contactConsent: withContact && (input.name !== null || input.whatsapp !== null),
      testimonialConsent: link.askTestimonial && input.testimonialConsent,
      status: meta.spamReason ? 'spam' : 'new',
      spamReason: meta.spamReason || null,
      submissionKey: meta.key,
      locale: meta.locale,
    })
    .onConflictDoNothing({ target: [reviews.tenantId, reviews.submissionKey] })
    .returning({ id: reviews.id });

  if (inserted.length) {
    await db.tx
      .update(reviewLinks)
      .set({ submittedCount: sql`${reviewLinks.submittedCount} + 1` })
      .where(and(eq(reviewLinks.tenantId, db.tenantId), eq(reviewLinks.id, linkId)));
    return { reviewId: inserted[0]!.id, duplicate: false };
  }
  // Another attempt with this key got there first (it committed before our insert ran).
  const existing = await existingReview(db, meta.key);
  if (!existing) throw new Error('review submission key conflict without a row');
  return { reviewId: existing, duplicate: true };
}
