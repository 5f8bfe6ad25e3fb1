'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { Honeypot } from '@/components/ui/Honeypot';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/** The new password, twice (same rules as sign-up); on success the action sends the browser to sign in. */
export function ResetPasswordForm({ action, token, email }: { action: FormAction; token: string; email: string }) {
  const { t } = useTranslation('auth');
  const [state, formAction] = useActionState<ActionState, FormData>(action, idleState);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Honeypot />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="password"
        type="password"
        label={t('reset.new_password')}
        hint={t('sign_up.password_hint')}
        error={err.password}
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <TextField name="confirmPassword" type="password" label={t('reset.confirm_password')} error={err.confirmPassword} autoComplete="new-password" maxLength={128} required />
      <SubmitButton pendingLabel={t('reset.submitting')} className="w-full">
        {t('reset.submit')}
      </SubmitButton>
    </form>
  );
}
