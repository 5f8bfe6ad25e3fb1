import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// A journey's share page: the share form's and link box's translations (the journey layout sends 'common').
export default function JourneyShareLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['versions']}>{children}</ClientTranslations>;
}
