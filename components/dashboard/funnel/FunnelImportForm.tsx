'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

interface Answer {
  problems?: string[];
  rows?: number;
  months?: string[];
}

/**
 * A CSV of funnel numbers, pasted or chosen as a file. A refused file lists each problem with its
 * line; the pasted text stays to be fixed. Posts without JavaScript too (the action is the form's).
 */
export function FunnelImportForm({ action, submission, journeyId, monthLabel }: { action: FormAction<Answer>; submission: string; journeyId: string; monthLabel: Record<string, string> }) {
  const { t } = useTranslation('funnel');
  const [state, formAction] = useActionState<ActionState<Answer>, FormData>(action, idleState);
  const err = state.fieldErrors ?? {};
  const problems = state.status === 'error' ? (state.data?.problems ?? []) : [];
  const saved = state.status === 'ok' && state.data?.rows !== undefined ? state.data : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {saved ? (
        <p className="text-sm text-slate-700">
          {t('import.done_detail', { rows: saved.rows, months: (saved.months ?? []).map((m) => monthLabel[m] ?? m).join(', ') })}
        </p>
      ) : null}
      {problems.length ? (
        <ul id="funnel-import-problems" className="list-disc space-y-1 rounded-lg border border-red-200 bg-red-50 py-2 pr-3 pl-8 text-sm text-red-900">
          {problems.map((p, i) => (
            <li key={i} className="break-words">
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      <SubmissionId state={state} initial={submission} />
      <input type="hidden" name="journeyId" value={journeyId} />
      <TextAreaField
        name="text"
        label={t('import.text')}
        hint={t('import.text_hint')}
        defaultValue={state.status === 'error' ? state.values?.text : undefined}
        error={err.text}
        rows={6}
        spellCheck={false}
        aria-describedby={['text-hint', err.text ? 'text-error' : '', problems.length ? 'funnel-import-problems' : ''].filter(Boolean).join(' ')}
        className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
      />
      <p className="text-sm font-semibold text-slate-700">{t('import.or')}</p>
      <div>
        <label htmlFor="funnel-file" className="block text-sm font-medium text-slate-800">
          {t('import.file')}
        </label>
        <input
          id="funnel-file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-invalid={err.file ? true : undefined}
          aria-describedby={['funnel-file-hint', err.file ? 'funnel-file-error' : ''].filter(Boolean).join(' ')}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600"
        />
        <p id="funnel-file-hint" className="mt-1 text-sm text-slate-600">
          {t('import.file_hint')}
        </p>
        {err.file ? (
          <p id="funnel-file-error" className="mt-1 text-sm font-medium text-red-700">
            {err.file}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={t('import.submitting')}>{t('import.submit')}</SubmitButton>
    </form>
  );
}
