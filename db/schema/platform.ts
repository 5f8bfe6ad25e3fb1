/** The app's own bookkeeping: rate-limit events and submitted form ids. Both are pruned as they age. */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './accounts';
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
