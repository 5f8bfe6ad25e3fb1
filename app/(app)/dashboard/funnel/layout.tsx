import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The funnel page's forms (client components).
export default function FunnelLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['funnel']}>{children}</ClientTranslations>;
}
