import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The sign-out button.
export default function NoBusinessLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['auth']}>{children}</ClientTranslations>;
}
