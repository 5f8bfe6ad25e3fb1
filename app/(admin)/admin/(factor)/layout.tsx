import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

/** The second-factor step: enrolment and verification forms. */
export default function FactorLayout({ children }: { children: ReactNode }) {
  return (
    <ClientTranslations namespaces={['admin']}>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {children}
      </main>
    </ClientTranslations>
  );
}
