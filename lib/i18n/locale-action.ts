'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setUserLocale } from '@/lib/accounts/accounts';
import { getSession } from '@/lib/auth/session';
import { localeCookie, locales } from '@/lib/i18n/settings';

const input = z.object({ locale: z.enum(locales) });

/**
 * Remembers the chosen UI language in a cookie, and in the profile when signed in. Works as a
 * plain form post without JavaScript.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
  });
  const session = await getSession();
  if (session) await setUserLocale(session.user.id, parsed.data.locale);
  revalidatePath('/', 'layout');
}
