import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The persona form: the translations its client components use.
export default function NewPersonaLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'journeys', 'personas']}>{children}</ClientTranslations>;
}
