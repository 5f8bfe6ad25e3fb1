/**
 * Shared zod pieces. Messages are translation keys under `common:validation.*`; the action wrapper
 * translates them, so the same schema serves both languages.
 */
import { z } from 'zod';
import { isCommonPassword } from './auth/common-passwords';

export const requiredText = (max = 120) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.too_long');

export const optionalText = (max = 500) => z.string().trim().max(max, 'validation.too_long').default('');

export const email = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.too_long')
  .pipe(z.email('validation.email'))
  .transform((e) => e.toLowerCase());

/** A new password: 8 to 128 characters, not one of the commonest. */
export const newPassword = z
  .string({ error: 'validation.required' })
  .min(8, 'validation.password_short')
  .max(128, 'validation.password_long')
  .refine((p) => !isCommonPassword(p), 'validation.password_common');

/** A password being checked (sign-in, current password): never trimmed, length-capped. */
export const anyPassword = z.string({ error: 'validation.required' }).min(1, 'validation.required').max(128, 'validation.password_long');

export const uuid = z.uuid('validation.invalid');
