'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { funnelMetrics } from '@/lib/dashboard/funnel-csv';

export interface FunnelMonthFormStage {
  stageId: string;
  name: string;
  /** The plain subtitle of a marketing term ("mulai kenal"), already translated; '' when none. */
  plain: string;
  metric: string;
  /** The recorded number, formatted for the UI language ("12.000"); '' when none. */
  value: string;
}

interface Answer {
  fieldErrors?: Record<string, string>;
}

const inputClass =
  'block w-full rounded-lg border bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';

/**
 * One month's numbers: per stage its metric and its number (typed as the owner writes it,
 * "12.000"; a numeric keypad on a phone). The server action is the form's own action, so it posts
 * and answers without JavaScript too; a refused form keeps every number where it was typed.
 */
export function FunnelMonthForm({
  action,
  submission,
  journeyId,
  month,
  stages,
}: {
  action: FormAction<Answer>;
  submission: string;
  journeyId: string;
  month: string;
  stages: FunnelMonthFormStage[];
}) {
  const { t } = useTranslation('funnel');
  const [state, formAction] = useActionState<ActionState<Answer>, FormData>(action, idleState);
  const errors = { ...(state.data?.fieldErrors ?? {}), ...(state.fieldErrors ?? {}) };
  const kept = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      <input type="hidden" name="journeyId" value={journeyId} />
      <input type="hidden" name="month" value={month} />
      <ol className="space-y-3">
        {stages.map((s, i) => {
          const valueName = `value_${s.stageId}`;
          const metricName = `metric_${s.stageId}`;
          const valueError = errors[valueName];
          const metricError = errors[metricName];
          return (
            <li key={s.stageId} className="rounded-lg border border-slate-200 p-3">
              <p className="font-semibold text-slate-900">
                <span className="text-slate-600">{i + 1}. </span>
                {s.name}
                {s.plain ? <span className="font-normal text-slate-600"> ({s.plain})</span> : null}
              </p>
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <div>
                  <label htmlFor={metricName} className="block text-sm font-medium text-slate-800">
                    {t('form.metric', { stage: s.name })}
                  </label>
                  <select
                    id={metricName}
                    name={metricName}
                    defaultValue={kept?.[metricName] ?? s.metric}
                    aria-invalid={metricError ? true : undefined}
                    aria-describedby={metricError ? `${metricName}-error` : undefined}
                    className={`mt-1 ${inputClass} ${metricError ? 'border-red-600' : 'border-slate-300'}`}
                  >
                    {funnelMetrics.map((m) => (
                      <option key={m} value={m}>
                        {t(`metrics.${m}`)}
                      </option>
                    ))}
                  </select>
                  {metricError ? (
                    <p id={`${metricName}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {metricError}
                    </p>
                  ) : null}
                </div>
                <div>
                  <label htmlFor={valueName} className="block text-sm font-medium text-slate-800">
                    {t('form.value', { stage: s.name })}
                  </label>
                  <input
                    id={valueName}
                    name={valueName}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={kept?.[valueName] ?? s.value}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={[`${valueName}-hint`, valueError ? `${valueName}-error` : ''].filter(Boolean).join(' ')}
                    className={`mt-1 ${inputClass} ${valueError ? 'border-red-600' : 'border-slate-300'}`}
                  />
                  <p id={`${valueName}-hint`} className="mt-1 text-sm text-slate-600">
                    {t('form.value_hint')}
                  </p>
                  {valueError ? (
                    <p id={`${valueName}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {valueError}
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <SubmitButton pendingLabel={t('form.saving')}>{t('form.save')}</SubmitButton>
    </form>
  );
}
