/**
 * The role and row-level-security helpers every table file uses. A tenant table gets exactly one
 * policy, `tenantIsolation(t.tenantId)`: rows of the tenant set for the transaction
 * (`app.tenant_id`, set by lib/core/tenancy.ts), for reads and writes.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The role every request runs as: owns nothing, has no BYPASSRLS. Created by migration 0000. */
export const appRole = pgRole('jejak_app').existing();

export const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;
export const currentUser = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

const sameTenant = (col: AnyPgColumn): SQL => sql`${col} = ${currentTenant}`;

/** The one policy of a tenant table: rows of the transaction's tenant only, for reads and writes. */
export const tenantIsolation = (col: AnyPgColumn) =>
  pgPolicy('tenant_isolation', { as: 'permissive', for: 'all', to: appRole, using: sameTenant(col), withCheck: sameTenant(col) });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
