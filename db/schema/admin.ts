/**
 * The platform admin console (issue 12): the admins' second factor and the platform audit log.
 * Platform tables (no tenant). The request path's role, `jejak_app`, has no privilege on any of
 * them; only `jejak_admin`, the role of the admin door (lib/admin/door.ts), reaches them, and the
 * audit log is append-only for everyone, its owner included (migration 0013).
 */
import { bigint, index, inet, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt } from './policies';

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

export type AdminTotp = typeof adminTotp.$inferSelect;
export type PlatformAuditEntry = typeof platformAudit.$inferSelect;
