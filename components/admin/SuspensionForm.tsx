'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * Suspend a business, or reactivate a suspended one, with a reason the admin types (5–500
 * characters, written to the platform audit log). The page shows the new state after the redirect.
 */
export function SuspensionForm({ tenantId, suspended, action }: { tenantId: string; suspended: boolean; action: FormAction<{ tenantId: string }> }) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState<{ tenantId: string }>, FormData>(action, idleState);
  const kind = suspended ? 'reactivate' : 'suspend';
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="tenantId" value={tenantId} />
      <TextAreaField
        name="reason"
        label={t(`suspension.${kind}_reason_label`)}
        hint={t('suspension.reason_hint')}
        error={state.fieldErrors?.reason}
        defaultValue={state.status === 'error' ? state.values?.reason : undefined}
        rows={3}
        minLength={5}
        maxLength={500}
        required
      />
      <SubmitButton variant={suspended ? 'primary' : 'danger'} pendingLabel={t('suspension.submitting')} className="min-h-12">
        {t(`suspension.${kind}_submit`)}
      </SubmitButton>
    </form>
  );
}
