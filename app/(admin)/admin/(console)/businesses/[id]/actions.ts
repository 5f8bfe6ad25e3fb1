'use server';

import { adminAction } from '@/lib/admin/actions';
import { withAdmin } from '@/lib/admin/door';
import { limitsAuditMeta, planLimitsInput, setPlanLimits } from '@/lib/admin/limits';
import { issueResetLink, resetLinkInput } from '@/lib/admin/reset-links';
import { reactivateBusiness, suspendBusiness, suspensionInput } from '@/lib/admin/suspension';
import type { IssuedResetLinkView } from '@/components/admin/ResetLinkForm';
import { formatDateTime } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { publicUrl } from '@/lib/links/public-url';

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

/** Sets the business's plan name, limits (empty: none) and notes, with the reason the admin typed; the app enforces the limits at once. */
export const setPlanLimitsAction = adminAction(
  planLimitsInput,
  async (actor, input) => {
    await withAdmin(actor, { action: 'business.limits_changed', reason: { typed: input.limitsReason }, tenantId: input.tenantId, meta: limitsAuditMeta(input) }, (db) =>
      setPlanLimits(db, input.tenantId, input),
    );
    return { tenantId: input.tenantId };
  },
  { redirectTo: backTo },
);

/**
 * Issues a one-time password-reset link for a member of the business, with the reason the admin
 * typed; the link is answered once (only its hash is stored), to pass on through WhatsApp.
 */
export const issueResetLinkAction = adminAction(resetLinkInput, async (actor, input): Promise<IssuedResetLinkView> => {
  const issued = await withAdmin(actor, { action: 'business.reset_link_issued', reason: { typed: input.resetReason }, tenantId: input.tenantId, meta: { userId: input.userId } }, (db) =>
    issueResetLink(db, input.tenantId, input.userId),
  );
  return { link: await publicUrl(issued.path), expires: formatDateTime(issued.expiresAt, await getLocale()), name: issued.name, email: issued.email };
});
