import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { SiteHeader } from '@/components/layout/SiteHeader';

// Invite links are opened by people who may have no account yet: the public header, as for sign-up.
export default function InviteLayout({ children }: { children: ReactNode }) {
  return (
    // The join form (and the honeypot of public forms).
    <ClientTranslations namespaces={['common', 'team']}>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </ClientTranslations>
  );
}
