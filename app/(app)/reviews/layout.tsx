import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The review pages' forms and buttons (link form, share box, ask-one-customer, note and status forms;
// 'common' for the erase step's cancel button).
export default function ReviewsLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['common', 'reviews']}>{children}</ClientTranslations>;
}
