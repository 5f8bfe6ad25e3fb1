import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The stage dashboard's client parts: the filter form and the emotion chart ('dashboard'), the trend and the comment themes ('trends').
export default function StagesDashboardLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['dashboard', 'trends']}>{children}</ClientTranslations>;
}
