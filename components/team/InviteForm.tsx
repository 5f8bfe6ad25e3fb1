'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type FormAction } from '@/lib/core/action-state';
import { InviteLinkBox } from './InviteLinkBox';

/** What creating an invite answers: the link (shown once) and when it stops working, in the user's words. */
export interface NewInvite {
  link: string;
  expires: string;
}

/** Creates a single-use invite link; the link is shown once, right here (only its hash is stored). */
export function InviteForm({ action, business, roles, submission }: { action: FormAction<NewInvite>; business: string; roles: readonly string[]; submission: string }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation('common');
  const [state, formAction] = useActionState(action, idleState);
  const invite = state.status === 'ok' ? state.data : undefined;
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
        {invite ? t('invite.created') : ''}
      </p>
      {invite ? <InviteLinkBox key={invite.link} link={invite.link} expires={invite.expires} business={business} /> : null}
    </div>
  );
}
