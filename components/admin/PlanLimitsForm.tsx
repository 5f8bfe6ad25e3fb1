'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { PlanLimits } from '@/lib/admin/limits';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * Changes the business's plan name, limits (empty: no limit) and notes, with a reason the admin
 * types (written to the platform audit log). The page shows the new values after the redirect; a
 * refused form keeps what was typed.
 */
export function PlanLimitsForm({ tenantId, plan, action }: { tenantId: string; plan: PlanLimits; action: FormAction<{ tenantId: string }> }) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState<{ tenantId: string }>, FormData>(action, idleState);
  const typed = state.status === 'error' ? state.values : undefined;
  const err = state.fieldErrors ?? {};
  const value = (name: keyof PlanLimits) => typed?.[name] ?? (plan[name] === null ? '' : String(plan[name]));
  return (
    <details className="mt-4" open={state.status === 'error' || undefined}>
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">{t('limits.edit')}</summary>
      <form action={formAction} noValidate className="mt-3 space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="tenantId" value={tenantId} />
        <TextField name="plan" label={t('limits.plan')} hint={t('limits.plan_hint')} error={err.plan} defaultValue={value('plan')} maxLength={40} autoComplete="off" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="maxReviewLinks"
            label={t('limits.max_review_links')}
            hint={t('limits.limit_hint')}
            error={err.maxReviewLinks}
            defaultValue={value('maxReviewLinks')}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
          />
          <TextField
            name="maxReviewsPerMonth"
            label={t('limits.max_reviews_month')}
            hint={t('limits.limit_hint')}
            error={err.maxReviewsPerMonth}
            defaultValue={value('maxReviewsPerMonth')}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
          />
        </div>
        <TextAreaField name="notes" label={t('limits.notes')} hint={t('limits.notes_hint')} error={err.notes} defaultValue={value('notes')} rows={3} maxLength={2000} />
        <TextAreaField
          name="limitsReason"
          label={t('limits.reason_label')}
          hint={t('suspension.reason_hint')}
          error={err.limitsReason}
          defaultValue={typed?.limitsReason}
          rows={2}
          minLength={5}
          maxLength={500}
          required
        />
        <SubmitButton pendingLabel={t('suspension.submitting')} className="min-h-12">
          {t('limits.submit')}
        </SubmitButton>
      </form>
    </details>
  );
}
