'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { Honeypot } from '@/components/ui/Honeypot';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/** Someone new creates their account through the invite, then is signed in (as after sign-up). */
export function NewMemberForm({ action, tenantId, token }: { action: FormAction; tenantId: string; token: string }) {
  const { t } = useTranslation('team');
  const router = useRouter();
  const [state, formAction] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.status === 'error' && !result.message && (result.fieldErrors?.tenantId || result.fieldErrors?.token)) {
      return { ...result, message: result.fieldErrors.tenantId ?? result.fieldErrors.token };
    }
    if (result.status === 'ok') {
      const res = await signIn('credentials', { email: String(fd.get('email')), password: String(fd.get('password')), redirect: false });
      if (res?.ok && !res.error) {
        router.push('/dashboard');
        router.refresh();
      } else router.push('/sign-in');
    }
    return result;
  }, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Honeypot />
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label={t('accept.name')} defaultValue={v.name} error={err.name} autoComplete="name" maxLength={80} required />
      <TextField name="email" type="email" label={t('accept.email')} defaultValue={v.email} error={err.email} autoComplete="email" inputMode="email" required />
      <TextField
        name="password"
        type="password"
        label={t('accept.password')}
        hint={t('accept.password_hint')}
        error={err.password}
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <SubmitButton pendingLabel={t('accept.joining')} className="w-full">
        {t('accept.join')}
      </SubmitButton>
    </form>
  );
}
