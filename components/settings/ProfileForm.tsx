'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type FormAction } from '@/lib/core/action-state';

export function ProfileForm({
  action,
  name,
  email,
  locale,
  locales,
  submission,
}: {
  action: FormAction;
  name: string;
  email: string;
  locale: string;
  locales: string[];
  submission: string;
}) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState(action, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  // The server answers in the language the request started in; after a language change the page
  // re-renders in the new one, so say "saved" in that.
  const shown = state.status === 'ok' ? { ...state, message: tc('messages.saved') } : state;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={shown} />
      <SubmissionId state={state} initial={submission} />
      <div>
        <p className="text-sm font-medium text-slate-800">{t('profile.email')}</p>
        <p className="mt-1 break-all text-slate-900">{email}</p>
      </div>
      <TextField name="name" label={t('profile.name')} defaultValue={v.name ?? name} error={err.name} autoComplete="name" maxLength={80} required />
      <SelectField
        name="locale"
        label={t('profile.language')}
        options={locales.map((l) => ({ value: l, label: tc(`language.${l}`) }))}
        defaultValue={v.locale ?? locale}
        error={err.locale}
      />
      <SubmitButton pendingLabel={t('profile.saving')}>{t('profile.save')}</SubmitButton>
    </form>
  );
}
