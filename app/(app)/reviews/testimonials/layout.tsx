import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';

// The testimonial page's address form, its copy boxes (public address, embed code).
export default function TestimonialsLayout({ children }: { children: ReactNode }) {
  return <ClientTranslations namespaces={['testimonials']}>{children}</ClientTranslations>;
}
