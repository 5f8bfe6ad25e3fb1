import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The profile and business forms: the translations their client components use.
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'settings']}>{children}</ClientTranslations>;
}
