/** The app's own bookkeeping: rate-limit events and submitted form ids. Both are pruned as they age. */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './accounts';
import { createdAt, tenantIsolation } from './policies';

/**
 * Events counted by the rate limiter (failed sign-ins per account and per IP, later public
 * review submissions). Kept in the database so limits hold across restarts and app instances.
 * Platform table: keyed by hashed account or IP, no tenant.
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_lookup_idx').on(t.bucket, t.key, t.at)],
);

/** Submitted form ids: a form posted twice (double tap, flaky network retry) is stored once. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation(t.tenantId)],
);

/**
 * One-time password-reset links a platform admin issues for a member (lib/admin/reset-links.ts):
 * only the SHA-256 of the token is kept; a link is good once, until `expires_at`, and issuing a new
 * one for the same user voids the earlier unused ones. Platform table (about an account, not a
 * business's data). jejak_app has no privilege on it at all: the public reset page goes through
 * two SECURITY DEFINER functions (migration 0016) that check a token and use it, atomically.
 */
export const passwordResetLinks = pgTable(
  'password_reset_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The admin who issued it (no foreign key: the platform audit log names them too). */
    issuedBy: uuid('issued_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('password_reset_links_token_key').on(t.tokenHash), index('password_reset_links_user_idx').on(t.userId)],
);

export type PasswordResetLink = typeof passwordResetLinks.$inferSelect;
