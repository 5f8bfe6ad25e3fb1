import { locales, type Locale } from '../shared/locales';

export { locales, type Locale };
export const defaultLocale: Locale = 'id';
export const localeCookie = 'jejak_locale';
export const namespaces = ['common', 'errors', 'landing', 'auth', 'app', 'team', 'settings', 'journeys', 'personas', 'map', 'versions', 'reviews', 'review_page', 'testimonials', 'admin', 'dashboard', 'trends', 'funnel', 'overview'] as const;
export type Namespace = (typeof namespaces)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Intl locale tag for a UI language: Indonesian formats use id-ID. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-ID' : 'id-ID';
}
