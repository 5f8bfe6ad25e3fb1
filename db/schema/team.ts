/** Joining a team: staff invitations (memberships themselves are in accounts.ts). */
import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberRole, tenants, users } from './accounts';
import { createdAt, tenantIsolation } from './policies';

/** A staff invitation: single use, expires. Only the hash of its secret is stored. */
export const invites = pgTable(
  'invites',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    role: memberRole('role').notNull().default('staff'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('invites_token_key').on(t.tenantId, t.tokenHash),
    tenantIsolation(t.tenantId),
  ],
);

export type Invite = typeof invites.$inferSelect;
