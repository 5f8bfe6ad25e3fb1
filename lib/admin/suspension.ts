/**
 * Suspending a business and reactivating it (issue 12, item 5), through the admin door: each is
 * one unit of work (`withAdmin`, its audit entry in the same transaction) with the reason the admin
 * typed, written as the entry's reason.
 *
 * What a suspension does is enforced where the business is used, not here: the session's membership
 * (lib/accounts/accounts.ts `sessionUserIn`) skips a suspended business, so its members' pages,
 * actions and route handlers refuse it at once, existing sessions included; its public review
 * links and testimonial page answer 503 and take nothing (lib/reviews/page/serve.ts and
 * testimonials.ts, and `submitReview` in the review's own transaction). Reactivating clears the two
 * columns, and everything works again. Only jejak_admin may write them (migration 0014).
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tenants } from '@/db/schema';
import { NotFoundError } from '../core/errors';
import { TYPED_REASON_MAX, TYPED_REASON_MIN, type AdminDb } from './door';

/** A reason an admin types for an action that changes a business (written to the platform audit log). */
export const typedReason = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .min(TYPED_REASON_MIN, 'validation.reason_short')
  .max(TYPED_REASON_MAX, 'validation.too_long');

export const suspensionInput = z.object({ tenantId: z.uuid('validation.invalid'), reason: typedReason });
export type SuspensionInput = z.output<typeof suspensionInput>;

export interface SuspensionState {
  suspendedAt: Date | null;
  reason: string | null;
}

/** The business's suspension, read through the door; NotFound for an unknown business. */
export async function suspensionOf(db: AdminDb, tenantId: string): Promise<SuspensionState> {
  const [row] = await db.tx
    .select({ suspendedAt: tenants.suspendedAt, reason: tenants.suspendedReason })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!row) throw new NotFoundError('tenant');
  return row;
}

/**
 * Suspends the business with the admin's reason. Suspending one already suspended changes nothing
 * (its first reason and time stay): `changed` says which. NotFound for an unknown business.
 */
export async function suspendBusiness(db: AdminDb, tenantId: string, reason: string): Promise<{ changed: boolean }> {
  const updated = await db.tx
    .update(tenants)
    .set({ suspendedAt: sql`now()`, suspendedReason: reason.trim() })
    .where(and(eq(tenants.id, tenantId), isNull(tenants.suspendedAt)))
    .returning({ id: tenants.id });
  if (updated.length) return { changed: true };
  await suspensionOf(db, tenantId); // unknown: NotFound
  return { changed: false };
}

/** Lifts the suspension. Reactivating an active business changes nothing (`changed: false`). NotFound for an unknown business. */
export async function reactivateBusiness(db: AdminDb, tenantId: string): Promise<{ changed: boolean }> {
  const updated = await db.tx
    .update(tenants)
    .set({ suspendedAt: null, suspendedReason: null })
    .where(and(eq(tenants.id, tenantId), isNotNull(tenants.suspendedAt)))
    .returning({ id: tenants.id });
  if (updated.length) return { changed: true };
  await suspensionOf(db, tenantId);
  return { changed: false };
}
