import type { ActionState } from '@/lib/core/action-state';

/** A server action as the team forms call it (through useActionState). */
export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;
