import 'server-only';
/**
 * The admin console's action wrapper. The gate comes first, before the form is even read: anyone
 * but a platform admin gets the 404 (`notFound()`, which Next answers as the page's 404), so an
 * admin action tells an outsider nothing, not even that its fields were wrong. Then the form is
 * handled as every form is (lib/core/actions.ts: zod, unsafe text, translated errors, redirect
 * after the work); the handler opens its own units of work through the admin door.
 *
 * - `adminAction`: the console (a platform admin past the second factor).
 * - `adminSignInAction`: the second-factor step itself (any platform admin with a live session).
 */
import type { z } from 'zod';
import type { ActionState } from '../core/action-state';
import { publicAction, type ActionOptions } from '../core/actions';
import type { AdminActor } from './door';
import { requireAdminAction, requireAdminSignIn, type AdminStanding } from './gate';

type FormActionOf<D> = (prev: ActionState<D>, formData: FormData) => Promise<ActionState<D>>;

export function adminAction<S extends z.ZodType, D = void>(
  schema: S,
  handler: (actor: AdminActor, input: z.output<S>) => Promise<D>,
  opts: ActionOptions<D> = {},
): FormActionOf<D> {
  return async (prev, formData) => {
    const actor = await requireAdminAction();
    return publicAction(schema, (_ctx, input) => handler(actor, input), opts)(prev, formData);
  };
}

export function adminSignInAction<S extends z.ZodType, D = void>(
  schema: S,
  handler: (standing: AdminStanding, input: z.output<S>) => Promise<D>,
  opts: ActionOptions<D> = {},
): FormActionOf<D> {
  return async (prev, formData) => {
    const standing = await requireAdminSignIn();
    return publicAction(schema, (_ctx, input) => handler(standing, input), opts)(prev, formData);
  };
}
