import type { ActionState } from '@/lib/core/action-state';

/** The form-level answer of an action: announced politely, errors in red. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state.message) return <div role="status" aria-live="polite" className="sr-only" />;
  const error = state.status === 'error';
  return (
    <div
      role="status"
      aria-live="polite"
      className={`rounded-lg px-3 py-2 text-sm font-medium ${error ? 'bg-red-50 text-red-800' : 'bg-brand-50 text-brand-800'}`}
    >
      {state.message}
    </div>
  );
}
