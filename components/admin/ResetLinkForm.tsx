'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { LinkBox } from '@/components/ui/LinkBox';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/** What issuing a reset link answers: the link (shown once: only its hash is stored), when it stops working, and for whom. */
export interface IssuedResetLinkView {
  link: string;
  expires: string;
  name: string;
  email: string;
}

/**
 * Issues a one-time password-reset link for a member, with a reason the admin types. The link is
 * shown once, right here, to copy or send on WhatsApp; issuing another voids it.
 */
export function ResetLinkForm({
  tenantId,
  members,
  action,
}: {
  tenantId: string;
  members: { userId: string; label: string }[];
  action: FormAction<IssuedResetLinkView>;
}) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState<IssuedResetLinkView>, FormData>(action, idleState);
  const issued = state.status === 'ok' ? state.data : undefined;
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <div>
      <form action={formAction} noValidate className="mt-4 space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="tenantId" value={tenantId} />
        <SelectField
          name="userId"
          label={t('reset.member')}
          options={members.map((m) => ({ value: m.userId, label: m.label }))}
          defaultValue={typed?.userId ?? members[0]?.userId}
          error={state.fieldErrors?.userId}
        />
        <TextAreaField
          name="resetReason"
          label={t('reset.reason_label')}
          hint={t('suspension.reason_hint')}
          error={state.fieldErrors?.resetReason}
          defaultValue={typed?.resetReason}
          rows={2}
          minLength={5}
          maxLength={500}
          required
        />
        <SubmitButton pendingLabel={t('suspension.submitting')} className="min-h-12">
          {t('reset.submit')}
        </SubmitButton>
      </form>
      <p role="status" aria-live="polite" className="sr-only">
        {issued ? t('reset.created') : ''}
      </p>
      {issued ? (
        <LinkBox
          key={issued.link}
          id="reset-link"
          link={issued.link}
          label={t('reset.link_label', { name: issued.name, email: issued.email })}
          note={t('reset.link_note', { date: issued.expires })}
          whatsAppMessage={t('reset.whatsapp_message', { name: issued.name, link: issued.link, date: issued.expires })}
          whatsAppLabel={t('reset.share_whatsapp')}
          copyFailed={t('reset.copy_failed')}
        />
      ) : null}
    </div>
  );
}
