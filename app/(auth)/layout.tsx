import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { SiteHeader } from '@/components/layout/SiteHeader';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    // The sign-in and sign-up forms.
    <ClientTranslations namespaces={['auth']}>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </ClientTranslations>
  );
}
