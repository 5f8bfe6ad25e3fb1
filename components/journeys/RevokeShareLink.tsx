'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FormAction } from '@/components/team/types';
import { FormMessage } from '@/components/ui/FormMessage';
import { idleState, type ActionState } from '@/lib/core/action-state';

function RevokeButton({ describedBy }: { describedBy: string }) {
  const { t } = useTranslation('versions');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-describedby={describedBy}
      className="rounded-lg border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
    >
      {pending ? t('share.revoking') : t('share.revoke')}
    </button>
  );
}

/** Revoking is immediate: a new link is one tap away, and a leaked one must stop at once. */
export function RevokeShareLink({ action, linkId, describedBy }: { action: FormAction; linkId: string; describedBy: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="linkId" value={linkId} />
      <RevokeButton describedBy={describedBy} />
      <FormMessage state={state} />
    </form>
  );
}
