/**
 * The platform admin console (issue 12): the admins' second factor and the platform audit log.
 * Platform tables (no tenant). The request path's role, `jejak_app`, has no privilege on any of
 * them; only `jejak_admin`, the role of the admin door (lib/admin/door.ts), reaches them, and the
 * audit log is append-only for everyone, its owner included (migration 0013).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, inet, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './accounts';
import { createdAt, tenantIsolation } from './policies';

/**
 * A platform admin's TOTP secret (RFC 6238, base32). A row without `enrolled_at` is an enrolment
 * shown but not yet confirmed with a code. `last_used_step` is the 30-second step of the last code
 * accepted: a code of that step or an earlier one is refused (no replay).
 */
export const adminTotp = pgTable('admin_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

/** Ten single-use recovery codes per admin, stored as SHA-256 of the code (80-bit random codes: see lib/admin/factor.ts). */
export const adminRecoveryCodes = pgTable(
  'admin_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * What platform admins did: who, what, to which business, why, from where, when. Written by the
 * admin door in the same transaction as the work. No foreign keys: the record outlives the admin's
 * account and the business (an erasure is recorded here and stays). The business is
 * `target_tenant_id`, not `tenant_id`: this is no tenant table and no tenant's data.
 */
export const platformAudit = pgTable(
  'platform_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorUserId: uuid('actor_user_id').notNull(),
    action: text('action').notNull(),
    targetTenantId: uuid('target_tenant_id'),
    reason: text('reason').notNull(),
    ip: inet('ip'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('platform_audit_time_idx').on(t.createdAt, t.id),
    index('platform_audit_actor_idx').on(t.actorUserId, t.createdAt),
    index('platform_audit_target_idx').on(t.targetTenantId, t.createdAt),
    index('platform_audit_action_idx').on(t.action, t.createdAt),
  ],
);

/**
 * A business's plan and limits, set by a platform admin (lib/admin/limits.ts, through the door) and
 * enforced by the app: a business without a row, or a null limit, is unlimited. A tenant table
 * (its business's row only, forced row-level security), but the app role may only READ the plan and
 * the limits, never write them, and cannot read the admin's notes at all: only jejak_admin writes
 * here (migration 0016). Goes with its business (cascade).
 */
export const businessPlans = pgTable(
  'business_plans',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** The plan's name as the admin writes it (e.g. "Gratis", "Pro"); null: the default plan. */
    plan: text('plan'),
    /** How many review links the business may have (archived ones included); null: no limit. */
    maxReviewLinks: integer('max_review_links'),
    /** How many reviews the business may receive per calendar month in its own time zone; null: no limit. */
    maxReviewsPerMonth: integer('max_reviews_per_month'),
    /** The admins' own notes about the business: jejak_admin only, never the app. */
    notes: text('notes'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The admin who last changed the row (no foreign key: the record outlives the account). */
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    check('business_plans_max_review_links_range', sql`${t.maxReviewLinks} between 0 and 1000000`),
    check('business_plans_max_reviews_range', sql`${t.maxReviewsPerMonth} between 0 and 10000000`),
    tenantIsolation(t.tenantId),
  ],
);

export type BusinessPlan = typeof businessPlans.$inferSelect;
export type AdminTotp = typeof adminTotp.$inferSelect;
export type PlatformAuditEntry = typeof platformAudit.$inferSelect;
