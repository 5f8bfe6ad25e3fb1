'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmissionId } from '@/components/ui/SubmissionId';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { ShareLinkBox } from './ShareLinkBox';

/** Creates a read-only link; its secret is shown once, right here (only its hash is stored). */
export function ShareForm({ action, journeyId, journey, business, submission }: { action: FormAction<{ link: string }>; journeyId: string; journey: string; business: string; submission: string }) {
  const { t } = useTranslation('versions');
  const [state, formAction] = useActionState<ActionState<{ link: string }>, FormData>(action, idleState);
  const link = state.status === 'ok' ? state.data?.link : undefined;
  return (
    <div>
      <form action={formAction} className="space-y-4">
        <FormMessage state={state} />
        <SubmissionId state={state} initial={submission} />
        <input type="hidden" name="journeyId" value={journeyId} />
        <SubmitButton pendingLabel={t('share.submitting')}>{t('share.submit')}</SubmitButton>
      </form>
      <p role="status" aria-live="polite" className="sr-only">
        {link ? t('share.created') : ''}
      </p>
      {link ? <ShareLinkBox key={link} link={link} journey={journey} business={business} /> : null}
    </div>
  );
}
