/**
 * Deleting a business for good (issue 12, item 5; UU PDP erasure), through the admin door: the admin
 * types the business's exact name and a reason; in one transaction the door records the deletion in
 * the platform audit log (which has no foreign key to the business: the entry outlives it), then
 * `jejak_erase_tenant` (migration 0017) removes every row of the business in every table that holds
 * business rows (found in the catalog, so a table added later is covered), its routing rows, the
 * business itself, and the accounts of its members who belong to no other business and are not
 * platform admins (their sessions and reset links go with them). The function refuses to run in a
 * transaction that did not record that deletion. jejak_admin itself deletes nothing anywhere.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { AppError, NotFoundError } from '../core/errors';
import type { AdminDb } from './door';
import { typedReason } from './suspension';

export const erasureInput = z.object({
  tenantId: z.uuid('validation.invalid'),
  /** The business's name, typed again: compared exactly (surrounding spaces aside). */
  confirmName: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(200, 'validation.too_long'),
  /** The reason the admin typed (its own field name: the page has other reason fields). */
  deletionReason: typedReason,
});
export type ErasureInput = z.output<typeof erasureInput>;

/** How many rows went, per table (`users`: the accounts that belonged to this business only). */
export type ErasureReport = Record<string, number>;

/**
 * Erases the business `tenantId` if `confirmName` is its name. Refused with a field error on
 * `confirmName` otherwise (nothing is deleted, and the caller's transaction, audit entry included,
 * rolls back). NotFound for an unknown business.
 */
export async function eraseBusiness(db: AdminDb, input: Pick<ErasureInput, 'tenantId' | 'confirmName'>): Promise<{ name: string; report: ErasureReport }> {
  const [row] = await queryRows<{ name: string }>(db.tx, sql`select name from tenants where id = ${input.tenantId} for update`);
  if (!row) throw new NotFoundError('tenant');
  if (row.name.trim() !== input.confirmName.trim()) throw new AppError('admin:erasure.name_mismatch', { field: 'confirmName' });
  const rows = await queryRows<{ table_name: string; deleted: string | number }>(db.tx, sql`select table_name, deleted from jejak_erase_tenant(${input.tenantId}::uuid)`);
  const report: ErasureReport = {};
  for (const r of rows) report[r.table_name] = Number(r.deleted);
  return { name: row.name, report };
}
