import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { fromAcceptLanguage } from '@/lib/reviews/page/locale';
import { i18nFor } from './instance';
import { defaultLocale, isLocale, type Locale, type Namespace, localeCookie } from './settings';

/**
 * The request's UI language: the cookie set by the language switcher; else, when signed in, the
 * language saved in the profile (a new phone gets it too); else, on a first visit, the browser's
 * (Accept-Language, the first of Indonesian or English it prefers; issue 11, item 10); else
 * Indonesian. The same order on every page: landing, sign-in and sign-up, invite, share.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(localeCookie)?.value;
  if (isLocale(value)) return value;
  const { getSession } = await import('@/lib/auth/session');
  const session = await getSession().catch(() => null);
  if (session) return session.user.locale;
  return fromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale;
});

/** `t` for server components, route handlers and actions. */
export async function getT(ns: Namespace = 'common', locale?: Locale) {
  const lng = locale ?? (await getLocale());
  return { t: i18nFor(lng).getFixedT(lng, ns), locale: lng };
}
