import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The team page's forms (`team` itself comes with the signed-in area's header).
export default function TeamLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common']}>{children}</ClientTranslations>;
}
