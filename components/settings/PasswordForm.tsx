'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchTenant } from '@/components/layout/switchTenant';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * Changing the password ends every session, this one too; right after, this device signs in again
 * with the new password, so only the other devices are signed out.
 */
export function PasswordForm({ action, email, tenantId, submission }: { action: FormAction<{ alreadyChanged: boolean }>; email: string; tenantId: string; submission: string }) {
  const { t } = useTranslation('settings');
  const router = useRouter();
  const [state, formAction] = useActionState<ActionState<{ alreadyChanged: boolean }>, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.status !== 'ok') return result;
    const res = await signIn('credentials', { email, password: String(fd.get('newPassword') ?? ''), redirect: false }).catch(() => undefined);
    if (!res?.ok || res.error) {
      router.push('/sign-in');
      return result;
    }
    // A fresh sign-in starts in the first business; stay in the one the user was working in.
    await switchTenant(tenantId);
    router.refresh();
    return { ...result, message: t('password.changed') };
  }, idleState);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SubmissionId state={state} initial={submission} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField name="currentPassword" type="password" label={t('password.current')} error={err.currentPassword} autoComplete="current-password" maxLength={128} required />
      <TextField
        name="newPassword"
        type="password"
        label={t('password.new')}
        hint={t('password.new_hint')}
        error={err.newPassword}
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <TextField name="confirmPassword" type="password" label={t('password.confirm')} error={err.confirmPassword} autoComplete="new-password" maxLength={128} required />
      <SubmitButton pendingLabel={t('password.submitting')}>{t('password.submit')}</SubmitButton>
    </form>
  );
}
