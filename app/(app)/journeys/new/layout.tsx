import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The new-journey form's translations (client component).
export default function NewJourneyLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['journeys']}>{children}</ClientTranslations>;
}
