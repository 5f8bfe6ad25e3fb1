/**
 * A business's plan limits (issue 12, item 5), as the app enforces them: how many review links it
 * may have and how many reviews it may receive per calendar month in its own time zone. A platform
 * admin sets them (lib/admin/limits.ts, through the admin door); the app role may only read them
 * (`business_plans`, migration 0016). A business without a plan row, or a null limit, is unlimited.
 *
 * Both checks run in the transaction of the write they guard, after taking a per-business advisory
 * lock of their own, so two writes at the limit cannot both pass: the second waits for the first to
 * commit, then counts it (READ COMMITTED: each statement sees what committed before it). The lock
 * is taken only when the limit is set; an unlimited business pays one primary-key read.
 *
 * Review links are never deleted (only turned off), so the link limit counts every link. The
 * monthly review limit counts this month's reviews that are not spam, as the dashboards do.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { businessPlans } from '@/db/schema';
import { AppError } from '../core/errors';
import type { TenantDb } from '../core/tenancy';

/** The owner's message when the business has all the review links its plan allows (namespace common). */
export const reviewLinkLimitError = 'errors.review_link_limit';
/** The customer's message when the business has received all the reviews its plan allows this month (namespace review_page). */
export const monthlyReviewLimitError = 'review_page:errors.monthly_limit';

export interface AppPlanLimits {
  plan: string | null;
  maxReviewLinks: number | null;
  maxReviewsPerMonth: number | null;
}

const unlimited: AppPlanLimits = { plan: null, maxReviewLinks: null, maxReviewsPerMonth: null };

/** The business's plan and limits (read as the app role: never the admins' notes). */
export async function planLimitsIn(db: TenantDb): Promise<AppPlanLimits> {
  const [row] = await db.tx
    .select({ plan: businessPlans.plan, maxReviewLinks: businessPlans.maxReviewLinks, maxReviewsPerMonth: businessPlans.maxReviewsPerMonth })
    .from(businessPlans)
    .where(eq(businessPlans.tenantId, db.tenantId));
  return row ?? unlimited;
}

/** Serializes the business's writes against one limit until the transaction ends. */
async function lockLimit(db: TenantDb, what: 'review_links' | 'reviews'): Promise<void> {
  await db.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`jejak_plan_limit:${what}:${db.tenantId}`}, 0))`);
}

/** How many review links the business has (every one: links are turned off, never deleted). */
export async function reviewLinkCount(db: TenantDb): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db.tx, sql`select count(*)::int as n from review_links where tenant_id = ${db.tenantId}`);
  return Number(row?.n ?? 0);
}

/** This calendar month's reviews (spam excluded), the month as the business's own time zone has it. */
export async function reviewsThisMonth(db: TenantDb): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db.tx,
    sql`select count(*)::int as n from reviews r
        where r.tenant_id = ${db.tenantId} and r.status <> 'spam'
          and r.created_at >= (select date_trunc('month', now() at time zone t.time_zone::text) at time zone t.time_zone::text from tenants t where t.id = ${db.tenantId})`,
  );
  return Number(row?.n ?? 0);
}

/** The review-link limit and its use, for the owner's page. */
export async function reviewLinkAllowance(db: TenantDb): Promise<{ max: number | null; used: number }> {
  const { maxReviewLinks } = await planLimitsIn(db);
  return { max: maxReviewLinks, used: maxReviewLinks === null ? 0 : await reviewLinkCount(db) };
}

/**
 * Refuses a new review link beyond the plan's limit (AppError with the limit), inside the
 * transaction that creates it, under the business's link-limit lock.
 */
export async function assertReviewLinkAllowed(db: TenantDb): Promise<void> {
  const { maxReviewLinks } = await planLimitsIn(db);
  if (maxReviewLinks === null) return;
  await lockLimit(db, 'review_links');
  if ((await reviewLinkCount(db)) >= maxReviewLinks) throw new AppError(reviewLinkLimitError, { params: { max: maxReviewLinks } });
}

/** Whether the business may receive another review this month (no lock: for showing the page). */
export async function monthlyReviewsOpen(db: TenantDb): Promise<boolean> {
  const { maxReviewsPerMonth } = await planLimitsIn(db);
  return maxReviewsPerMonth === null || (await reviewsThisMonth(db)) < maxReviewsPerMonth;
}

/**
 * Whether the business has received all the reviews its plan allows this month, checked inside the
 * transaction that would store one, under the business's review-limit lock: of two reviews racing
 * for the last place, the second waits for the first to commit and then counts it, so exactly one
 * is stored. (submitReview refuses with `monthlyReviewLimitError` then, and stores nothing.)
 */
export async function monthlyReviewLimitReached(db: TenantDb): Promise<boolean> {
  const { maxReviewsPerMonth } = await planLimitsIn(db);
  if (maxReviewsPerMonth === null) return false;
  await lockLimit(db, 'reviews');
  return (await reviewsThisMonth(db)) >= maxReviewsPerMonth;
}
