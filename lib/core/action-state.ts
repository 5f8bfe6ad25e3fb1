/** What a form's server action answers; shared by the wrapper and the client forms. */
export interface ActionState {
  status: 'idle' | 'ok' | 'error';
  /** A translated sentence for the whole form. */
  message?: string;
  /** Translated messages per field name. */
  fieldErrors?: Record<string, string>;
  /** What the user typed (passwords excepted), so a refused form keeps it. */
  values?: Record<string, string>;
  /** Action-specific result (e.g. a new invite link). */
  data?: Record<string, string>;
  /** The id the form's next submission carries (see components/ui/SubmissionId). */
  submission?: string;
}

export const idleState: ActionState = { status: 'idle' };
