'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/components/ui/FormMessage';
import { idleState, type FormAction } from '@/lib/core/action-state';

function Button({ label, pendingLabel, ariaLabel, describedBy, danger }: { label: string; pendingLabel: string; ariaLabel?: string; describedBy?: string; danger: boolean }) {
  const { pending } = useFormStatus();
  const look = danger ? 'border-red-700 text-red-800 hover:bg-red-50' : 'border-slate-300 text-slate-900 hover:bg-slate-100';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      className={`rounded-lg border bg-white px-4 py-2 font-semibold disabled:opacity-60 ${look}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * One button that revokes one thing at once (a share link, an invite): no confirm step, since a
 * new one is a tap away and a leaked one must stop now. The id travels as a hidden field.
 */
export function RevokeForm(props: {
  action: FormAction;
  field: string;
  id: string;
  label: string;
  pendingLabel: string;
  /** A fuller name for screen readers, when the visible label alone is ambiguous. */
  ariaLabel?: string;
  describedBy?: string;
  danger?: boolean;
}) {
  const [state, formAction] = useActionState(props.action, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name={props.field} value={props.id} />
      <Button label={props.label} pendingLabel={props.pendingLabel} ariaLabel={props.ariaLabel} describedBy={props.describedBy} danger={props.danger ?? false} />
      <FormMessage state={state} />
    </form>
  );
}
