'use client';

import { createInstance } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { Resources } from '@/lib/i18n/resources';
import { namespaces, type Locale } from '@/lib/i18n/settings';

/** Client components read translations through react-i18next, from the resources the server passed. */
export function I18nProvider({ locale, resources, children }: { locale: Locale; resources: Resources; children: ReactNode }) {
  const i18n = useMemo(() => {
    const inst = createInstance();
    void inst.use(initReactI18next).init({
      resources: { [locale]: resources },
      lng: locale,
      ns: [...namespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    return inst;
  }, [locale, resources]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
