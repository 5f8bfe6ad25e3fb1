import type { PlanView } from '@/lib/admin/limits';
import type { FormAction } from '@/lib/core/action-state';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { PlanLimitsForm } from './PlanLimitsForm';

/** The business's plan, its limits and their use this month, the admins' notes, and the form that changes them. */
export async function PlanLimitsPanel({ tenantId, plan, action }: { tenantId: string; plan: PlanView; action: FormAction<{ tenantId: string }> }) {
  const { t, locale } = await getT('admin');
  const limit = (max: number | null, used: number) =>
    max === null ? t('limits.unlimited_use', { used: formatNumber(used, locale) }) : t('limits.use_of', { used: formatNumber(used, locale), max: formatNumber(max, locale) });
  return (
    <section aria-labelledby="plan-heading" className="rounded-xl bg-white p-5 shadow-sm">
      <h2 id="plan-heading" className="text-lg font-semibold">
        {t('business.plan')}
      </h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">{t('limits.plan')}</dt>
          <dd data-testid="plan-name">{plan.plan ?? t('limits.default_plan')}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t('limits.review_links')}</dt>
          <dd data-testid="limit-review-links">{limit(plan.maxReviewLinks, plan.usage.reviewLinks)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t('limits.reviews_month')}</dt>
          <dd data-testid="limit-reviews-month">{limit(plan.maxReviewsPerMonth, plan.usage.reviewsThisMonth)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        {plan.updatedAt ? t('limits.updated', { when: formatDateTime(plan.updatedAt, locale) }) : t('limits.never_set')} {t('limits.month_note')}
      </p>
      {plan.notes ? (
        <div className="mt-3">
          <h3 className="text-sm font-semibold">{t('limits.notes')}</h3>
          <p className="mt-1 whitespace-pre-line break-words text-slate-800">{plan.notes}</p>
        </div>
      ) : null}
      <PlanLimitsForm tenantId={tenantId} plan={plan} action={action} />
    </section>
  );
}
