'use client';

import { createInstance } from 'i18next';
import { useContext, useMemo, type ReactNode } from 'react';
import { I18nContext, I18nextProvider, initReactI18next } from 'react-i18next';
import type { ResourceSubset } from '@/lib/i18n/resources';
import type { Locale } from '@/lib/i18n/settings';

/**
 * Client components read translations through react-i18next, from the namespaces the server sent
 * this tree (components/i18n/ClientTranslations). A provider inside another keeps what the outer
 * one has and adds its own, so each namespace crosses the wire once per page. A namespace no
 * provider above sent shows its keys: tests/unit/client-namespaces.test.ts keeps every route's
 * list complete, and in development (`warnMissing`) the missing key is reported in the console.
 */
export function I18nProvider({
  locale,
  resources,
  warnMissing = false,
  children,
}: {
  locale: Locale;
  resources: ResourceSubset;
  /** Development: report a key this tree lacks in the console. */
  warnMissing?: boolean;
  children: ReactNode;
}) {
  const outer = useContext(I18nContext)?.i18n;
  const i18n = useMemo(() => {
    const inherited = (outer?.language === locale ? outer.store.data[locale] : undefined) ?? {};
    const bundles = { ...inherited, ...resources };
    const inst = createInstance();
    void inst.use(initReactI18next).init({
      resources: { [locale]: bundles },
      lng: locale,
      ns: Object.keys(bundles),
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
      ...(warnMissing
        ? {
            saveMissing: true,
            missingKeyHandler: (_lngs: readonly string[], ns: string, key: string) =>
              console.warn(`[i18n] "${ns}:${key}" is missing on this page: is "${ns}" in the namespaces of its route's <ClientTranslations>?`),
          }
        : {}),
    });
    return inst;
  }, [outer, locale, resources, warnMissing]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
