'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type FormAction } from '@/lib/core/action-state';
import { REVIEW_LIMITS } from '@/lib/reviews/limits';

/** The team's private note on a review (never shown to the customer). */
export function ReviewNoteForm({ action, reviewId, note }: { action: FormAction; reviewId: string; note: string }) {
  const { t } = useTranslation('reviews');
  const [state, formAction] = useActionState(action, idleState);
  const fieldId = `note-${reviewId}`;
  const error = state.fieldErrors?.note;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={reviewId} />
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {t('review.note')}
      </label>
      <textarea
        id={fieldId}
        name="note"
        rows={2}
        defaultValue={state.values?.note ?? note}
        maxLength={REVIEW_LIMITS.note}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
      />
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel={t('review.working')} className="text-sm">
        {t('review.note_save')}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
