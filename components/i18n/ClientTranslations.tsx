import type { ReactNode } from 'react';
import { env } from '@/lib/core/env';
import { pickResources } from '@/lib/i18n/resources';
import { getLocale } from '@/lib/i18n/server';
import type { Namespace } from '@/lib/i18n/settings';
import { I18nProvider } from './I18nProvider';

/**
 * Sends the browser the translation namespaces a client tree uses, and no others: the root layout
 * the error page's, each layout (or page) what the client components under it call
 * `useTranslation('…')` with, on top of what the providers above it already sent. Server
 * components translate with `getT` and need nothing here. List the namespaces as string literals:
 * tests/unit/client-namespaces.test.ts reads them, walks each route's imports, and fails when a
 * client component's namespace is not sent, or when one is sent that nothing below uses.
 */
export async function ClientTranslations({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <I18nProvider locale={locale} resources={pickResources(locale, namespaces)} warnMissing={env.NODE_ENV === 'development'}>
      {children}
    </I18nProvider>
  );
}
