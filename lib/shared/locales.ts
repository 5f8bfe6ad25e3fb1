/** The UI languages: Indonesian first (the default), English. Stored on users.locale. */
export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];
