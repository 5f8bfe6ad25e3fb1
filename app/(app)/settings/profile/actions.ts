'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { changePassword, updateProfile } from '@/lib/accounts/accounts';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { accountAction } from '@/lib/core/actions';
import { anyPassword, newPassword, requiredText } from '@/lib/core/validation';
import { localeCookie, locales } from '@/lib/i18n/settings';

const profileSchema = z.object({
  name: requiredText(80),
  locale: z.enum(locales, 'validation.required'),
});

/** Saves name and language; the language also becomes this device's UI language at once. */
export const updateProfileAction = accountAction(
  profileSchema,
  async (ctx, input) => {
    await updateProfile(ctx.userId, input);
    // The same cookie as the language switcher (lib/i18n/locale-action.ts).
    (await cookies()).set(localeCookie, input.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
    revalidatePath('/', 'layout');
  },
  { successKey: 'messages.saved' },
);

const passwordSchema = z
  .object({ currentPassword: anyPassword, newPassword, confirmPassword: anyPassword })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.password_mismatch' });

/**
 * Changes the password, which ends every session of the user, this one included: the form signs
 * this device in again with the new password right after. Sent twice (a double tap, a retry), the
 * second answer is "saved" too, not "wrong current password" (lib/accounts changePassword).
 */
export const changePasswordAction = accountAction(passwordSchema, async (ctx, input): Promise<{ alreadyChanged: boolean }> => {
  return changePassword(ctx.userId, input.currentPassword, input.newPassword, ctx.ip);
});

/**
 * Ends every session of the account on the server, this device's too (a lost phone, a shared
 * computer). The form then signs this browser out and shows the sign-in page.
 */
export const signOutEverywhereAction = accountAction(z.object({}), async (ctx) => {
  await signOutEverywhere({ userId: ctx.userId, ip: ctx.ip });
});
