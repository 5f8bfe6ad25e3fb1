import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The sign-up form uses `common` too (business types, the honeypot); sign-in needs only `auth`.
export default function SignUpLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common']}>{children}</ClientTranslations>;
}
