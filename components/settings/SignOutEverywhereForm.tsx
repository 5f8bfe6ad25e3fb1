'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/**
 * One button, no confirmation: the server ends every session of the account (this one too), then
 * this browser drops its cookie through next-auth's sign-out and lands on the sign-in page.
 */
export function SignOutEverywhereForm({ action }: { action: FormAction }) {
  const { t } = useTranslation('settings');
  const router = useRouter();
  const [state, formAction] = useActionState<ActionState, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.status !== 'ok') return result;
    // The session is already over on the server; this only clears the cookie and leaves.
    await signOut({ callbackUrl: '/sign-in' }).catch(() => router.push('/sign-in'));
    return result;
  }, idleState);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state.status === 'ok' ? idleState : state} />
      <SubmitButton variant="danger" pendingLabel={t('sessions.submitting')}>
        {t('sessions.submit')}
      </SubmitButton>
    </form>
  );
}
