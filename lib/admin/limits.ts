/**
 * A business's plan, its limits and the admins' notes (issue 12, item 5), through the admin door:
 * reading them is part of the business page's view; changing them is one unit of work
 * (`withAdmin`, action `business.limits_changed`) with the reason the admin typed, its audit entry
 * in the same transaction, the new plan and limits in the entry's details (`limitsAuditMeta`; the
 * entry before it holds the old ones).
 *
 * They live in `business_plans` (migration 0016): only jejak_admin writes it; the app role reads a
 * business's own plan and limits to enforce them (lib/reviews/plan-limits.ts) and cannot read the
 * notes. A null limit is no limit; a business without a row is unlimited on the default plan.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { businessPlans } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import type { AdminDb } from './door';
import { typedReason } from './suspension';

export const MAX_REVIEW_LINKS_LIMIT = 1_000_000;
export const MAX_REVIEWS_PER_MONTH_LIMIT = 10_000_000;
export const PLAN_NAME_MAX = 40;
export const NOTES_MAX = 2000;

/** A limit as typed: empty is "no limit" (null); else a whole number from 0 to `max`. */
const limitField = (max: number) =>
  z
    .string()
    .trim()
    .default('')
    .transform((v, ctx): number | null => {
      if (v === '') return null;
      const n = /^\d{1,9}$/.test(v.replace(/[.\s]/g, '')) ? Number(v.replace(/[.\s]/g, '')) : NaN;
      if (!Number.isSafeInteger(n) || n < 0 || n > max) {
        ctx.addIssue({ code: 'custom', message: 'validation.limit_range' });
        return z.NEVER;
      }
      return n;
    });

export const planLimitsInput = z.object({
  tenantId: z.uuid('validation.invalid'),
  plan: z.string().trim().max(PLAN_NAME_MAX, 'validation.too_long').default(''),
  maxReviewLinks: limitField(MAX_REVIEW_LINKS_LIMIT),
  maxReviewsPerMonth: limitField(MAX_REVIEWS_PER_MONTH_LIMIT),
  notes: z.string().trim().max(NOTES_MAX, 'validation.too_long').default(''),
  // Not `reason`: the business page has several forms, and a field's name is its element id.
  limitsReason: typedReason,
});
export type PlanLimitsInput = z.output<typeof planLimitsInput>;

export interface PlanLimits {
  plan: string | null;
  maxReviewLinks: number | null;
  maxReviewsPerMonth: number | null;
  notes: string | null;
}

export interface PlanView extends PlanLimits {
  /** When an admin last changed them; null: never (the default plan, no limits). */
  updatedAt: Date | null;
  usage: { reviewLinks: number; reviewsThisMonth: number };
}

/**
 * The business's plan, limits, notes and their use (review links; reviews this calendar month in
 * the business's time zone, spam excluded, as the app counts them). NotFound for an unknown business.
 */
export async function planOf(db: AdminDb, tenantId: string): Promise<PlanView> {
  if (!isUuid(tenantId)) throw new NotFoundError('tenant');
  const [row] = await queryRows<{
    plan: string | null;
    max_review_links: number | null;
    max_reviews_per_month: number | null;
    notes: string | null;
    updated_at: string | null;
    review_links: number;
    reviews_month: number;
  }>(
    db.tx,
    sql`select p.plan, p.max_review_links, p.max_reviews_per_month, p.notes, to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at,
               (select count(*)::int from review_links l where l.tenant_id = t.id) as review_links,
               (select count(*)::int from reviews r where r.tenant_id = t.id and r.status <> 'spam'
                  and r.created_at >= date_trunc('month', now() at time zone t.time_zone::text) at time zone t.time_zone::text) as reviews_month
        from tenants t left join business_plans p on p.tenant_id = t.id
        where t.id = ${tenantId}`,
  );
  if (!row) throw new NotFoundError('tenant');
  return {
    plan: row.plan,
    maxReviewLinks: row.max_review_links,
    maxReviewsPerMonth: row.max_reviews_per_month,
    notes: row.notes,
    updatedAt: row.updated_at ? new Date(row.updated_at) : null,
    usage: { reviewLinks: Number(row.review_links), reviewsThisMonth: Number(row.reviews_month) },
  };
}

/**
 * Sets the business's plan, limits and notes (empty text: none). Answers what they were and are,
 * for the audit entry; `changed` is false when nothing differs (nothing is written then).
 * NotFound for an unknown business.
 */
export async function setPlanLimits(
  db: AdminDb,
  tenantId: string,
  input: Pick<PlanLimitsInput, 'plan' | 'maxReviewLinks' | 'maxReviewsPerMonth' | 'notes'>,
): Promise<{ changed: boolean; before: PlanLimits; after: PlanLimits }> {
  const current = await planOf(db, tenantId);
  const before: PlanLimits = { plan: current.plan, maxReviewLinks: current.maxReviewLinks, maxReviewsPerMonth: current.maxReviewsPerMonth, notes: current.notes };
  const after: PlanLimits = {
    plan: input.plan.trim() || null,
    maxReviewLinks: input.maxReviewLinks,
    maxReviewsPerMonth: input.maxReviewsPerMonth,
    notes: input.notes.trim() || null,
  };
  const changed = (Object.keys(after) as (keyof PlanLimits)[]).some((k) => after[k] !== before[k]);
  if (!changed) return { changed, before, after };
  await db.tx
    .insert(businessPlans)
    .values({ tenantId, ...after, updatedAt: sql`now()`, updatedBy: db.actor.userId })
    .onConflictDoUpdate({ target: businessPlans.tenantId, set: { ...after, updatedAt: sql`now()`, updatedBy: db.actor.userId } });
  return { changed, before, after };
}

/** What the platform audit entry keeps of a change: the new plan and limits, and whether notes are set (not their text). */
export function limitsAuditMeta(input: Pick<PlanLimitsInput, 'plan' | 'maxReviewLinks' | 'maxReviewsPerMonth' | 'notes'>): Record<string, unknown> {
  return { plan: input.plan.trim() || null, maxReviewLinks: input.maxReviewLinks, maxReviewsPerMonth: input.maxReviewsPerMonth, notes: input.notes.trim() !== '' };
}
