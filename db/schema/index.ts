/**
 * Every table of Jejak, one file per domain. Tenant tables carry `tenant_id`, a primary key that
 * starts with it and foreign keys that include it, so they can be distributed by `tenant_id` on
 * Citus. Row-level security restricts the app role (`jejak_app`) to the tenant set for the
 * transaction (see lib/core/tenancy.ts); `tests/integration/schema-rules.test.ts` checks these
 * rules. How to add a table: docs/architecture.md.
 *
 * Files here import drizzle, each other and lib/shared only (the lint enforces it).
 */
export { appRole } from './policies';
export * from './accounts';
export * from './audit';
export * from './team';
export * from './platform';
export * from './personas';
export * from './journeys';
export * from './reviews';
export * from './admin';
export * from './dashboard';
