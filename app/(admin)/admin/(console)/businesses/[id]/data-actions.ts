'use server';

import { adminAction } from '@/lib/admin/actions';
import { withAdmin } from '@/lib/admin/door';
import { eraseBusiness, erasureInput } from '@/lib/admin/erasure';

/**
 * Deletes a business for good (UU PDP erasure) once the admin has typed its exact name and a reason:
 * the platform audit entry and the erasure are one transaction; a wrong name deletes nothing and
 * records nothing. Then the audit log, filtered to that business, shows the entry that outlives it.
 */
export const deleteBusinessAction = adminAction(
  erasureInput,
  async (actor, input) => {
    await withAdmin(actor, { action: 'business.deleted', reason: { typed: input.deletionReason }, tenantId: input.tenantId }, (db) => eraseBusiness(db, input));
    return { tenantId: input.tenantId };
  },
  { redirectTo: (d) => `/admin/audit?business=${d.tenantId}` },
);
