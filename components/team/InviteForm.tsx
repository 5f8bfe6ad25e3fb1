'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState } from '@/lib/core/action-state';
import { InviteLinkBox } from './InviteLinkBox';
import type { FormAction } from '@/lib/core/action-state';

/** Creates a single-use invite link; the link is shown once, right here (only its hash is stored). */
export function InviteForm({ action, business, roles, submission }: { action: FormAction; business: string; roles: readonly string[]; submission: string }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState<ActionState, FormData>(action, idleState);
  const link = state.status === 'ok' ? state.data?.link : undefined;
  return (
    <div>
      <form action={formAction} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <SubmissionId state={state} initial={submission} />
        <SelectField
          name="role"
          label={t('invite.role')}
          hint={t('invite.role_hint')}
          options={roles.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          defaultValue={state.values?.role ?? 'staff'}
          error={state.fieldErrors?.role}
        />
        <SubmitButton pendingLabel={t('invite.submitting')}>{t('invite.submit')}</SubmitButton>
      </form>
      <p role="status" aria-live="polite" className="sr-only">
        {link ? t('invite.created') : ''}
      </p>
      {link ? <InviteLinkBox key={link} link={link} expires={state.data?.expires ?? ''} business={business} /> : null}
    </div>
  );
}
