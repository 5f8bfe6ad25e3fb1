import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The persona form and its actions: the translations their client components use.
export default function PersonaLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'journeys', 'personas']}>{children}</ClientTranslations>;
}
