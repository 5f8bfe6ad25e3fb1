'use server';

import { adminAction } from '@/lib/admin/actions';
import { withAdmin } from '@/lib/admin/door';
import { reactivateBusiness, suspendBusiness, suspensionInput } from '@/lib/admin/suspension';

const backTo = (input: { tenantId: string }) => `/admin/businesses/${input.tenantId}`;

/** Suspends a business with the reason the admin typed: its members cannot use it, its public pages answer 503. */
export const suspendBusinessAction = adminAction(
  suspensionInput,
  async (actor, input) => {
    await withAdmin(actor, { action: 'business.suspended', reason: { typed: input.reason }, tenantId: input.tenantId }, (db) => suspendBusiness(db, input.tenantId, input.reason));
    return { tenantId: input.tenantId };
  },
  { redirectTo: backTo },
);

/** Lifts a suspension, with the reason the admin typed: everything works again. */
export const reactivateBusinessAction = adminAction(
  suspensionInput,
  async (actor, input) => {
    await withAdmin(actor, { action: 'business.reactivated', reason: { typed: input.reason }, tenantId: input.tenantId }, (db) => reactivateBusiness(db, input.tenantId));
    return { tenantId: input.tenantId };
  },
  { redirectTo: backTo },
);
