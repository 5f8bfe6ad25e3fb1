'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/** Names a snapshot of the map as it is now; the new version appears in the history below. */
export function SaveVersionForm({ action, journeyId, submission }: { action: FormAction<{ number: number }>; journeyId: string; submission: string }) {
  const { t } = useTranslation('versions');
  const [state, formAction] = useActionState<ActionState<{ number: number }>, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    return result.status === 'ok' && result.data ? { ...result, message: t('history.saved', { number: result.data.number }) } : result;
  }, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      <input type="hidden" name="journeyId" value={journeyId} />
      <TextField name="name" label={t('history.name')} hint={t('history.name_hint')} defaultValue={v.name} error={err.name} maxLength={120} required />
      <TextAreaField name="note" label={t('history.note')} hint={t('history.note_hint')} defaultValue={v.note} error={err.note} maxLength={500} rows={3} />
      <SubmitButton pendingLabel={t('history.submitting')}>{t('history.submit')}</SubmitButton>
    </form>
  );
}
