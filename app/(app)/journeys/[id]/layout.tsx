import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// A journey's map editor, versions and sharing: the translation all their client components use. Each
// page adds only its own (the map page 'journeys' and 'map'; versions/ and share/ layouts 'versions').
export default function JourneyLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common']}>{children}</ClientTranslations>;
}
