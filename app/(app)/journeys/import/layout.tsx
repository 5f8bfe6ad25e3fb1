import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The import form's translations (client component).
export default function ImportJourneyLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'versions']}>{children}</ClientTranslations>;
}
