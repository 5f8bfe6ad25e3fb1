import { inTenant, type TenantDb } from '@/lib/core/tenancy';
import { formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { reviewLinkAllowance } from '@/lib/reviews/plan-limits';

/**
 * The plan's review-link limit and how much of it is used (lib/reviews/plan-limits.ts), when the
 * business has one: nothing is shown for an unlimited business. Full: says so, and what still works.
 */
export async function ReviewLinkAllowance({ ctx }: { ctx: Pick<TenantDb, 'tenantId' | 'userId'> }) {
  const { max, used } = await inTenant(ctx, (db) => reviewLinkAllowance(db));
  if (max === null) return null;
  const { t, locale } = await getT('reviews');
  const full = used >= max;
  return (
    <p
      data-testid="review-link-allowance"
      className={`mt-3 rounded-lg px-3 py-2 text-sm ${full ? 'border border-amber-300 bg-amber-50 font-medium text-amber-900' : 'bg-slate-100 text-slate-700'}`}
    >
      {full ? t('links.allowance_full', { max: formatNumber(max, locale) }) : t('links.allowance', { used: formatNumber(used, locale), max: formatNumber(max, locale) })}
    </p>
  );
}
