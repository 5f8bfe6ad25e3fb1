'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchTenant } from '@/components/layout/switchTenant';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';

/** A signed-in person joins with one press, then works in the business they just joined. */
export function JoinForm({ action, tenantId, token }: { action: FormAction<{ tenantId: string }>; tenantId: string; token: string }) {
  const { t } = useTranslation('team');
  const router = useRouter();
  const [state, formAction] = useActionState<ActionState<{ tenantId: string }>, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    // A tampered link fails validation on hidden fields: say so at the form.
    if (result.status === 'error' && !result.message) return { ...result, message: result.fieldErrors?.tenantId ?? result.fieldErrors?.token };
    if (result.status !== 'ok') return result;
    // If the switch fails the user has joined all the same: the header's switcher gets them there.
    await switchTenant(result.data?.tenantId ?? tenantId);
    router.push('/dashboard');
    router.refresh();
    return result;
  }, idleState);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t('accept.joining')} className="w-full">
        {t('accept.join')}
      </SubmitButton>
    </form>
  );
}
