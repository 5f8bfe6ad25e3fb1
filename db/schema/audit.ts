/** The audit log of a business. */
import { index, inet, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './accounts';
import { createdAt, tenantIsolation } from './policies';

/** What happened in a business, by whom. Written in the same transaction as the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: inet('ip'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_tenant_time_idx').on(t.tenantId, t.createdAt),
    tenantIsolation(t.tenantId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
