import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// A journey's versions and compare pages: the save-version form's translations (the journey layout sends 'common').
export default function JourneyVersionsLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['versions']}>{children}</ClientTranslations>;
}
