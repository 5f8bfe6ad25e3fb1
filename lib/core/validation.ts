/**
 * Shared zod pieces. Messages are translation keys under `common:validation.*`; the action wrapper
 * translates them, so the same schema serves both languages.
 */
import { z } from 'zod';
import { isCommonPassword } from '../auth/common-passwords';
import { isSafeText } from './bad-bytes';

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

/**
 * The email typed at sign-in: only trimmed and capped (an unknown address is simply not found),
 * and refused when it holds a NUL or another control character, which the database cannot look up
 * (lib/core/bad-bytes.ts): that is an invalid sign-in like any other, not a failure.
 */
export const signInEmail = z.string().trim().min(1).max(254).refine(isSafeText);

/** A new password: 8 to 128 characters, not one of the commonest. */
export const newPassword = z
  .string({ error: 'validation.required' })
  .min(8, 'validation.password_short')
  .max(128, 'validation.password_long')
  .refine((p) => !isCommonPassword(p), 'validation.password_common');

/** A password being checked (sign-in, current password): never trimmed, length-capped. */
export const anyPassword = z.string({ error: 'validation.required' }).min(1, 'validation.required').max(128, 'validation.password_long');

export const uuid = z.uuid('validation.invalid');
