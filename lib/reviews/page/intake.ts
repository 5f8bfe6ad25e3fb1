/**
 * The review page's intake in the review's own transaction (serve.ts opens it with `inTenant`):
 * a submission key already stored is the same review (the thank-you again, no limit taken), else
 * the rate limits (per address, per link) are taken with `takeHitIn` in this transaction and the
 * review stored after them. So a review that rolls back leaves no hit, a committed review always
 * has its hits, and a retry of a stored review is never refused for the hits of others.
 */
import { and, eq } from 'drizzle-orm';
import { reviews } from '@/db/schema';
import { isUuid } from '@/lib/core/ids';
import type { TenantDb } from '@/lib/core/tenancy';
import { releaseHitIn, takeHitIn } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import type { ReviewSubmission } from '../model';
import { submitReview } from '../public';

/** The review stored under this submission key in `db`'s business, or null. */
export async function findReviewByKey(db: TenantDb, key: string): Promise<string | null> {
  if (!isUuid(key)) return null;
  const [row] = await db.tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.tenantId, db.tenantId), eq(reviews.submissionKey, key)));
  return row?.id ?? null;
}

export type IntakeOutcome = { outcome: 'stored' | 'duplicate'; reviewId: string } | { outcome: 'limited'; retryAt: Date | undefined };

/**
 * Stores the review once per key, within the limits, in the caller's one transaction. Refusals of
 * `submitReview` (unknown link, closed link, malformed key) are thrown: the caller's transaction
 * rolls back, with the hits taken here.
 */
export async function storeReviewWithinLimits(
  db: TenantDb,
  linkId: string,
  input: ReviewSubmission,
  meta: {
    key: string;
    locale: 'id' | 'en';
    spamReason: string | null;
    ip: string | null;
    /** Sent from the owner's counter-mode address (its key checked): one tablet, many customers. */
    counter?: boolean;
  },
): Promise<IntakeOutcome> {
  const before = await findReviewByKey(db, meta.key);
  if (before) return { outcome: 'duplicate', reviewId: before };

  const hits: (string | undefined)[] = [];
  // A shop's counter tablet sends every customer's review from one address: its link's counter
  // limit stands in for the per-address one (the per-link limit holds for both).
  const perSender = meta.counter
    ? ([[limits.reviewSubmitPerCounter, linkId]] as const)
    : meta.ip
      ? ([[limits.reviewSubmitPerAddress, meta.ip]] as const)
      : [];
  const taken = [...perSender, [limits.reviewSubmitPerLink, linkId] as const];
  for (const [limit, subject] of taken) {
    const hit = await takeHitIn(db.tx, limit, subject);
    if (!hit.allowed) {
      for (const id of hits) await releaseHitIn(db.tx, id);
      // Waiting for the lock may have been waiting for this very key's first attempt: the limit
      // it filled does not refuse the review it stored.
      const meanwhile = await findReviewByKey(db, meta.key);
      if (meanwhile) return { outcome: 'duplicate', reviewId: meanwhile };
      return { outcome: 'limited', retryAt: hit.retryAt };
    }
    hits.push(hit.hitId);
  }

  const { reviewId, duplicate } = await submitReview(db, linkId, input, { key: meta.key, locale: meta.locale, spamReason: meta.spamReason });
  // Another attempt with this key committed first: nothing new was stored, so nothing is counted.
  if (duplicate) for (const id of hits) await releaseHitIn(db.tx, id);
  return { outcome: duplicate ? 'duplicate' : 'stored', reviewId };
}
