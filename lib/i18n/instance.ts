import { createInstance, type i18n } from 'i18next';
import { resources } from './resources';
import { defaultLocale, namespaces, type Locale } from './settings';

const cache = new Map<Locale, i18n>();

/** A ready i18next instance for one language (server and tests; shared, read-only). */
export function i18nFor(locale: Locale): i18n {
  let inst = cache.get(locale);
  if (!inst) {
    inst = createInstance();
    void inst.init({
      resources,
      lng: locale,
      fallbackLng: defaultLocale,
      ns: [...namespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    cache.set(locale, inst);
  }
  return inst;
}
