/**
 * What a form's server action answers, shared by the wrapper (lib/core/actions.ts) and the client
 * forms. `D` is the action's own typed result (a new link, the saved revision…): no packing into
 * strings.
 */
export interface ActionState<D = void> {
  status: 'idle' | 'ok' | 'error';
  /** A translated sentence for the whole form. */
  message?: string;
  /** Translated messages per field name. */
  fieldErrors?: Record<string, string>;
  /** What the user typed (passwords excepted), so a refused form keeps it. */
  values?: Record<string, string>;
  /** The action's result on success, or what an expected failure tells the form (e.g. a conflict). */
  data?: D;
  /** The id the form's next submission carries (see components/ui/SubmissionId). */
  submission?: string;
}

/** A server action as a form calls it (through useActionState). */
export type FormAction<D = void> = (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>>;

export const idleState: ActionState<never> = { status: 'idle' };
