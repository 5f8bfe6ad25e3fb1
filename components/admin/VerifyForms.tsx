'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { CodeField } from './CodeField';

/** The second step of an admin sign-in: a code from the app, or (a lost phone) a recovery code. */
export function VerifyForms({ verifyAction, recoveryAction }: { verifyAction: FormAction; recoveryAction: FormAction }) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState, FormData>(verifyAction, idleState);
  const [recovery, recoveryFormAction] = useActionState<ActionState, FormData>(recoveryAction, idleState);
  return (
    <div className="space-y-6">
      <form action={formAction} noValidate className="max-w-xs space-y-4 rounded-xl bg-white p-5 shadow-sm">
        <FormMessage state={state} />
        <CodeField label={t('factor.code_label')} hint={t('factor.code_hint')} error={state.fieldErrors?.code} />
        <SubmitButton pendingLabel={t('factor.submitting')}>{t('factor.verify_submit')}</SubmitButton>
      </form>
      <details className="max-w-md rounded-xl bg-white p-5 shadow-sm" open={recovery.status === 'error' ? true : undefined}>
        <summary className="cursor-pointer font-medium text-brand-800 underline">{t('factor.recovery_toggle')}</summary>
        <form action={recoveryFormAction} noValidate className="mt-4 space-y-4">
          <FormMessage state={recovery} />
          <TextField
            name="recoveryCode"
            label={t('factor.recovery_label')}
            hint={t('factor.recovery_hint')}
            error={recovery.fieldErrors?.recoveryCode}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            required
          />
          <SubmitButton variant="secondary" pendingLabel={t('factor.submitting')}>
            {t('factor.recovery_submit')}
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}
