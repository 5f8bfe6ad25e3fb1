'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/ui/Field';
import { refuseOversized } from '@/components/ui/form-guard';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import type { ImportAnswer } from '@/lib/journeys/exchange';
import { IMPORT_MAX_BYTES } from '@/lib/journeys/limits';

/** A file or pasted JSON; what is wrong with it is listed item by item, with where it is. */
export function ImportForm({ action, submission }: { action: FormAction<ImportAnswer>; submission: string }) {
  const { t } = useTranslation('versions');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState<ActionState<ImportAnswer>, FormData>(async (prev, fd) => {
    // Refused here too: a file over the server's body limit would never reach the action.
    const file = fd.get('file');
    if (file instanceof File && file.size > IMPORT_MAX_BYTES) {
      const text = fd.get('text');
      return { status: 'error', fieldErrors: { file: tc('validation.import_size') }, values: { text: typeof text === 'string' ? text : '' }, submission: prev.submission };
    }
    // A pasted text over the 1 MB a request may carry would never reach the action either.
    return refuseOversized(prev, fd, tc) ?? action(prev, fd);
  }, idleState);
  const err = state.fieldErrors ?? {};
  const problems = state.status === 'error' && state.data && 'problems' in state.data ? state.data.problems : [];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {problems.length ? (
        <ul id="import-problems" className="list-disc space-y-1 rounded-lg border border-red-200 bg-red-50 py-2 pr-3 pl-8 text-sm text-red-900">
          {problems.map((p, i) => (
            <li key={i} className="break-words">
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      <SubmissionId state={state} initial={submission} />
      <div>
        <label htmlFor="file" className="block text-sm font-medium text-slate-800">
          {t('import.file')}
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept="application/json,.json"
          aria-invalid={err.file ? true : undefined}
          aria-describedby={['file-hint', err.file ? 'file-error' : '', problems.length ? 'import-problems' : ''].filter(Boolean).join(' ')}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600"
        />
        <p id="file-hint" className="mt-1 text-sm text-slate-600">
          {t('import.file_hint')}
        </p>
        {err.file ? (
          <p id="file-error" className="mt-1 text-sm font-medium text-red-700">
            {err.file}
          </p>
        ) : null}
      </div>
      <p className="text-sm font-semibold text-slate-700">{t('import.or')}</p>
      <TextAreaField
        name="text"
        label={t('import.text')}
        hint={t('import.text_hint')}
        defaultValue={state.values?.text}
        error={err.text}
        rows={6}
        spellCheck={false}
      />
      <SubmitButton pendingLabel={t('import.submitting')}>{t('import.submit')}</SubmitButton>
    </form>
  );
}
