import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { SiteHeader } from '@/components/layout/SiteHeader';

// Password-reset links are opened by people who cannot sign in: the public header, as for sign-in.
export default function ResetLayout({ children }: { children: ReactNode }) {
  return (
    // The new-password form (and the honeypot of public forms), the sign-in form after it.
    <ClientTranslations namespaces={['common', 'auth']}>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </ClientTranslations>
  );
}
