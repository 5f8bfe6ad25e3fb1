'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState } from '@/lib/core/action-state';
import type { FormAction } from '@/lib/core/action-state';

/**
 * A step the user cannot undo, in two presses: the first reveals what will happen and the real
 * button, focused, so it works by keyboard and screen reader alike (no window.confirm).
 */
export function ConfirmAction<D>({
  action,
  fields,
  trigger,
  prompt,
  confirm,
  pending,
}: {
  action: FormAction<D>;
  fields: Record<string, string>;
  trigger: string;
  prompt: string;
  confirm: string;
  pending: string;
}) {
  const { t: tc } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState<ActionState<D>, FormData>(action, idleState);
  const panelId = useId();
  const promptId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div>
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="rounded-lg border border-red-700 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50"
      >
        {trigger}
      </button>
      <div id={panelId} hidden={!open} className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3">
        {open ? (
          // A labelled group: moving focus into it reads the prompt before the confirm button.
          <form ref={formRef} action={formAction} role="group" aria-labelledby={promptId} className="space-y-3">
            <p id={promptId} className="text-slate-900">
              {prompt}
            </p>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div className="flex flex-wrap gap-2">
              <SubmitButton variant="danger" pendingLabel={pending}>
                {confirm}
              </SubmitButton>
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100"
              >
                {tc('actions.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
      <div className="mt-2">
        <FormMessage state={state} />
      </div>
    </div>
  );
}
