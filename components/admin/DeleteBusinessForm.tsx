'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * Deleting a business: its exact name typed again and a reason. A wrong name is refused with a
 * message under the field, keeping what was typed; nothing is deleted. After a deletion the page goes
 * to the audit log, where the entry that outlives the business is shown.
 */
export function DeleteBusinessForm({ tenantId, name, action }: { tenantId: string; name: string; action: FormAction<{ tenantId: string }> }) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState<{ tenantId: string }>, FormData>(action, idleState);
  const kept = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="tenantId" value={tenantId} />
      <TextField
        name="confirmName"
        label={t('erasure.name_label')}
        hint={t('erasure.name_hint', { name })}
        error={state.fieldErrors?.confirmName}
        defaultValue={kept?.confirmName}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        required
      />
      <TextAreaField
        name="deletionReason"
        label={t('erasure.reason_label')}
        hint={t('suspension.reason_hint')}
        error={state.fieldErrors?.deletionReason}
        defaultValue={kept?.deletionReason}
        rows={2}
        minLength={5}
        maxLength={500}
        required
      />
      <SubmitButton variant="danger" pendingLabel={t('erasure.submitting')} className="min-h-12">
        {t('erasure.submit')}
      </SubmitButton>
    </form>
  );
}
