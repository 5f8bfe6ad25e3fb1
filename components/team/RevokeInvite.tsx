'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { idleState, type ActionState } from '@/lib/core/action-state';
import type { FormAction } from './types';

function RevokeButton({ label }: { label: string }) {
  const { t } = useTranslation('team');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={label}
      className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
    >
      {pending ? t('invite.revoking') : t('invite.revoke')}
    </button>
  );
}

/** Revoking is immediate: an unused link is cheap to create again, so no confirm step. */
export function RevokeInvite({ action, inviteId, label }: { action: FormAction; inviteId: string; label: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="inviteId" value={inviteId} />
      <RevokeButton label={label} />
      <FormMessage state={state} />
    </form>
  );
}
