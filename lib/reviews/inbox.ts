/**
 * The owner's review inbox: the list with its filters, mark read / spam (restorable: nothing is
 * ever deleted, the app may not delete reviews), a private note, featuring as a testimonial (only
 * with the customer's consent) and erasing a customer's personal data on request (UU PDP).
 *
 * Every function works inside the caller's transaction (`db: TenantDb`) and names the tenant in
 * every query: a review of another business is NotFound, like an unknown one.
 */
import { and, desc, eq, gte, ilike, lte, ne, sql, type SQL } from 'drizzle-orm';
import { journeys, journeyStages, reviewLinks, reviews } from '@/db/schema';
import { audit } from '../core/audit';
import { themePattern } from '../dashboard/themes';
import { AppError, NotFoundError } from '../core/errors';
import { assertUuids } from '../core/ids';
import type { TenantDb } from '../core/tenancy';
import { npsGroupRange, REVIEW_LIMITS, type NpsGroup, type ReviewStatusValue } from './model';

export interface ReviewFilter {
  journeyId?: string;
  stageId?: string;
  linkId?: string;
  stars?: number;
  npsGroup?: NpsGroup;
  /** 'inbox' = everything but spam. */
  status?: ReviewStatusValue | 'inbox';
  hasComment?: boolean;
  /** Words in the comment, case-insensitive (`%` and `_` are taken literally). */
  q?: string;
  /** 4–5 stars (positive) or 1–2 stars (negative), as the dashboard's comment themes split them. */
  sentiment?: 'positive' | 'negative';
  /** A comment theme (a word or two-word phrase) as the dashboard counts it: casual spellings and stopwords in between included. */
  theme?: string;
  /** Inclusive bounds on when the review came in. */
  from?: Date;
  to?: Date;
  /** Page size, default 50, at most 5000 (the CSV export asks for the whole filtered list). */
  limit?: number;
  /** The last row of the previous page: the next page starts after it (keyset pagination). */
  before?: { createdAt: Date; id: string };
}

export const REVIEW_PAGE_SIZE = 50;
const MAX_LIMIT = 5000;

/**
 * Ordered and paginated on the time truncated to milliseconds: PostgreSQL keeps microseconds, a
 * JavaScript Date only milliseconds, so a cursor built from a row's Date must compare with the
 * same precision, or the page boundary would repeat or skip rows.
 */
const createdMs = sql<Date>`date_trunc('milliseconds', ${reviews.createdAt})`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(db: TenantDb, f: ReviewFilter): SQL[] {
  const ids = [f.journeyId, f.stageId, f.linkId, f.before?.id].filter((v): v is string => v !== undefined);
  assertUuids(...ids);
  const where: SQL[] = [eq(reviews.tenantId, db.tenantId)];
  if (f.journeyId) where.push(eq(reviews.journeyId, f.journeyId));
  if (f.stageId) where.push(eq(reviews.stageId, f.stageId));
  if (f.linkId) where.push(eq(reviews.linkId, f.linkId));
  if (f.stars !== undefined) where.push(eq(reviews.stars, f.stars));
  if (f.npsGroup) {
    const [lo, hi] = npsGroupRange[f.npsGroup];
    where.push(gte(reviews.nps, lo), lte(reviews.nps, hi));
  }
  if (f.status === 'inbox') where.push(ne(reviews.status, 'spam'));
  else if (f.status) where.push(eq(reviews.status, f.status));
  if (f.hasComment === true) where.push(ne(reviews.comment, ''));
  if (f.hasComment === false) where.push(eq(reviews.comment, ''));
  const q = f.q?.trim();
  if (q) where.push(ilike(reviews.comment, `%${escapeLike(q)}%`));
  if (f.sentiment === 'positive') where.push(gte(reviews.stars, 4));
  if (f.sentiment === 'negative') where.push(lte(reviews.stars, 2));
  const theme = f.theme ? themePattern(f.theme) : null;
  if (theme) where.push(sql`${reviews.comment} ~* ${theme}`);
  if (f.from) where.push(gte(reviews.createdAt, f.from));
  if (f.to) where.push(lte(reviews.createdAt, f.to));
  if (f.before) where.push(sql`(${createdMs}, ${reviews.id}) < (${f.before.createdAt.toISOString()}::timestamptz, ${f.before.id}::uuid)`);
  return where;
}

/** Reviews matching the filter, newest first, one page (pass the last row as `before` for the next). */
export async function listReviews(db: TenantDb, f: ReviewFilter = {}) {
  const limit = Math.min(Math.max(1, Math.trunc(f.limit ?? REVIEW_PAGE_SIZE)), MAX_LIMIT);
  return db.tx
    .select({
      id: reviews.id,
      linkId: reviews.linkId,
      journeyId: reviews.journeyId,
      stageId: reviews.stageId,
      touchpoint: reviews.touchpoint,
      stars: reviews.stars,
      nps: reviews.nps,
      comment: reviews.comment,
      customerName: reviews.customerName,
      customerWhatsapp: reviews.customerWhatsapp,
      contactConsent: reviews.contactConsent,
      testimonialConsent: reviews.testimonialConsent,
      status: reviews.status,
      spamReason: reviews.spamReason,
      featured: reviews.featured,
      note: reviews.note,
      locale: reviews.locale,
      erasedAt: reviews.erasedAt,
      createdAt: reviews.createdAt,
      linkTitle: reviewLinks.title,
      /** Null when the stage was removed from the map. */
      stageName: journeyStages.name,
      journeyName: journeys.name,
    })
    .from(reviews)
    .innerJoin(reviewLinks, and(eq(reviewLinks.tenantId, reviews.tenantId), eq(reviewLinks.id, reviews.linkId)))
    .innerJoin(journeys, and(eq(journeys.tenantId, reviews.tenantId), eq(journeys.id, reviews.journeyId)))
    .leftJoin(journeyStages, and(eq(journeyStages.tenantId, reviews.tenantId), eq(journeyStages.id, reviews.stageId)))
    .where(and(...conditions(db, f)))
    .orderBy(desc(createdMs), desc(reviews.id))
    .limit(limit);
}
export type ReviewRow = Awaited<ReturnType<typeof listReviews>>[number];

async function one(db: TenantDb, id: string) {
  assertUuids(id);
  const [row] = await db.tx
    .select({ id: reviews.id, status: reviews.status, featured: reviews.featured, testimonialConsent: reviews.testimonialConsent })
    .from(reviews)
    .where(and(eq(reviews.tenantId, db.tenantId), eq(reviews.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('review');
  return row;
}

const byId = (db: TenantDb, id: string) => and(eq(reviews.tenantId, db.tenantId), eq(reviews.id, id));

/** New → read, hide as spam, restore from spam. Spam is never featured: marking it unfeatures. */
export async function setReviewStatus(db: TenantDb, id: string, status: ReviewStatusValue): Promise<void> {
  const before = await one(db, id);
  if (before.status === status) return;
  await db.tx
    .update(reviews)
    .set(status === 'spam' ? { status, featured: false } : { status })
    .where(byId(db, id));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review.status_changed', targetType: 'review', targetId: id, ip: db.ip, meta: { from: before.status, to: status } });
}

/** The owner's private note (never shown to the customer). The text is not copied into the audit log. */
export async function setReviewNote(db: TenantDb, id: string, note: string): Promise<void> {
  await one(db, id);
  const text = note.trim();
  if (text.length > REVIEW_LIMITS.note) throw new AppError('validation.too_long', { field: 'note' });
  await db.tx.update(reviews).set({ note: text }).where(byId(db, id));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review.noted', targetType: 'review', targetId: id, ip: db.ip });
}

/** Shows (or stops showing) a review on the testimonial page: only with the customer's consent, never spam. */
export async function setReviewFeatured(db: TenantDb, id: string, featured: boolean): Promise<void> {
  const before = await one(db, id);
  if (featured && !before.testimonialConsent) throw new AppError('reviews:errors.no_testimonial_consent');
  if (featured && before.status === 'spam') throw new AppError('reviews:errors.spam_not_featured');
  if (before.featured === featured) return;
  await db.tx.update(reviews).set({ featured }).where(byId(db, id));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: featured ? 'review.featured' : 'review.unfeatured', targetType: 'review', targetId: id, ip: db.ip });
}

/**
 * Erases the customer's personal data on request (UU PDP), keeping the anonymous score.
 *
 * Cleared: name, WhatsApp number, both consents (no consent stands without its person), featured
 * (it needs the testimonial consent), the comment (free text that may identify them) and the
 * owner's private note (it may name them). Kept: stars, NPS, link, journey, stage, touchpoint,
 * status, language and time — so counts and scores stay true. `erased_at` records when.
 */
export async function eraseReviewContact(db: TenantDb, id: string): Promise<void> {
  await one(db, id);
  await db.tx
    .update(reviews)
    .set({ customerName: null, customerWhatsapp: null, contactConsent: false, testimonialConsent: false, featured: false, comment: '', note: '', erasedAt: new Date() })
    .where(byId(db, id));
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'review.erased', targetType: 'review', targetId: id, ip: db.ip });
}

/** How many reviews (spam not counted) each stage of a journey has: stage id → count. */
export async function reviewCountsByStage(db: TenantDb, journeyId: string): Promise<Record<string, number>> {
  assertUuids(journeyId);
  const rows = await db.tx
    .select({ stageId: reviews.stageId, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(eq(reviews.tenantId, db.tenantId), eq(reviews.journeyId, journeyId), ne(reviews.status, 'spam')))
    .groupBy(reviews.stageId);
  return Object.fromEntries(rows.map((r) => [r.stageId, Number(r.n)]));
}
