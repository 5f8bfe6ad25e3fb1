'use server';

import { z } from 'zod';
import { resetPasswordWithLink } from '@/lib/auth/password-reset';
import { publicAction } from '@/lib/core/actions';
import { AppError } from '@/lib/core/errors';
import { anyPassword, newPassword } from '@/lib/core/validation';

// The token is the proof (checked hashed, by migration 0016's functions); anything that is not one
// is the same "cannot be used" as an unknown, used or expired link.
const schema = z
  .object({ token: z.string().max(64).default(''), password: newPassword, confirmPassword: anyPassword })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.password_mismatch' });

/**
 * Sets the new password through a one-time reset link (same rules as sign-up), ends every session
 * of the account, and sends the browser to sign in with a success message. A link that cannot be
 * used (unknown, used, voided by a newer one, expired) is one translated message.
 */
export const resetPasswordAction = publicAction(
  schema,
  async ({ ip }, input) => {
    const done = await resetPasswordWithLink(input.token, input.password, ip);
    if (!done) throw new AppError('errors.reset_link_unusable');
  },
  { redirectTo: () => '/reset/done' },
);
