/**
 * Checks a form in the browser before it is sent, so that what the server would refuse without
 * reading it (a body over 1 MB: lib/core/body-limit.ts) is answered in the form, in the user's
 * language, with everything typed still there.
 */
import type { ActionState } from '@/lib/core/action-state';
import { BODY_LIMIT_BYTES, BODY_LIMIT_LABEL, formDataBytes } from '@/lib/core/body-limit';

type T = (key: string, params?: Record<string, string>) => string;

/** The text fields as the server keeps them for a refused form (lib/core/actions.ts): no passwords, no internal fields. */
export function typedValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v === 'string' && !k.startsWith('$ACTION') && !k.startsWith('_') && !/password/i.test(k)) out[k] = v;
  }
  return out;
}

/** A refusal made in the browser: like the server's, keeping what was typed and the submission id. */
export function refusedHere<D>(prev: ActionState<D>, fd: FormData, answer: Pick<ActionState, 'message' | 'fieldErrors'>): ActionState<D> {
  return { status: 'error', ...answer, values: typedValues(fd), submission: prev.submission };
}

/** The answer for a form too large to send (it states the limit), or undefined when it fits. */
export function refuseOversized<D>(prev: ActionState<D>, fd: FormData, t: T): ActionState<D> | undefined {
  if (formDataBytes(fd) <= BODY_LIMIT_BYTES) return undefined;
  return refusedHere(prev, fd, { message: t('validation.form_too_large', { limit: BODY_LIMIT_LABEL }) });
}
