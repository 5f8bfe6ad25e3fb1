'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { Honeypot } from '@/components/ui/Honeypot';
import { SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

export function SignUpForm({ action, businessTypes, timeZones }: { action: FormAction; businessTypes: string[]; timeZones: string[] }) {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const router = useRouter();
  const [state, formAction] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.status === 'ok') {
      const res = await signIn('credentials', { email: String(fd.get('email')), password: String(fd.get('password')), redirect: false });
      if (res?.ok) {
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
      <TextField name="name" label={t('sign_up.name')} defaultValue={v.name} error={err.name} autoComplete="name" required />
      <TextField name="businessName" label={t('sign_up.business_name')} hint={t('sign_up.business_name_hint')} defaultValue={v.businessName} error={err.businessName} required />
      <SelectField
        name="businessType"
        label={t('sign_up.business_type')}
        placeholder={t('sign_up.choose')}
        options={businessTypes.map((b) => ({ value: b, label: tc(`business_types.${b}`) }))}
        defaultValue={v.businessType ?? ''}
        error={err.businessType}
        required
      />
      <TextField name="city" label={t('sign_up.city')} defaultValue={v.city} error={err.city} autoComplete="address-level2" required />
      <SelectField
        name="timeZone"
        label={t('sign_up.time_zone')}
        options={timeZones.map((z) => ({ value: z, label: tc(`time_zones.${z}`) }))}
        defaultValue={v.timeZone ?? 'Asia/Jakarta'}
        error={err.timeZone}
      />
      <TextField name="email" type="email" label={t('sign_up.email')} defaultValue={v.email} error={err.email} autoComplete="email" inputMode="email" required />
      <TextField
        name="password"
        type="password"
        label={t('sign_up.password')}
        hint={t('sign_up.password_hint')}
        error={err.password}
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <SubmitButton pendingLabel={t('sign_up.submitting')} className="w-full">
        {t('sign_up.submit')}
      </SubmitButton>
    </form>
  );
}
