'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/components/ui/FormMessage';
import { idleState, type FormAction } from '@/lib/core/action-state';

function Button({ label, pendingLabel, ariaLabel, look }: { label: string; pendingLabel: string; ariaLabel?: string; look: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800',
    secondary: 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
    danger: 'border-red-700 bg-white text-red-800 hover:bg-red-50',
  }[look];
  return (
    <button type="submit" disabled={pending} aria-label={ariaLabel} className={`min-h-11 rounded-lg border px-3 py-2 text-sm font-semibold disabled:opacity-60 ${styles}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * One button that does one thing to one record (mark read, mark spam, feature, turn a link off):
 * the record and what to do travel as hidden fields; the answer is announced next to it. Works
 * without JavaScript too (the form posts to the action).
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  ariaLabel,
  look = 'secondary',
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  ariaLabel?: string;
  look?: 'primary' | 'secondary' | 'danger';
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button label={label} pendingLabel={pendingLabel} ariaLabel={ariaLabel} look={look} />
      {state.status === 'error' ? <FormMessage state={state} /> : null}
    </form>
  );
}
