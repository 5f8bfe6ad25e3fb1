import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// A journey's map editor, versions and sharing: the translations their client components use.
export default function JourneyLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'journeys', 'map', 'versions']}>{children}</ClientTranslations>;
}
