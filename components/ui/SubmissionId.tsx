import type { ActionState } from '@/lib/core/action-state';

/**
 * The form's submission id: the server stores a submission once per id, so a double tap or a
 * retried request on a flaky network does not create the same thing twice. The first id comes
 * from the server-rendered page (`initial`); every action answer carries the next one.
 */
export function SubmissionId({ state, initial }: { state: ActionState<unknown>; initial: string }) {
  return <input type="hidden" name="_submission" value={state.submission ?? initial} />;
}
