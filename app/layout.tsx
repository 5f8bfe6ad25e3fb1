import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { getLocale, getT } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('common');
  return { title: { default: `${t('app_name')} — ${t('tagline')}`, template: `%s — ${t('app_name')}` } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#065f46' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const { t } = await getT('common', locale);
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t('skip_to_content')}
        </a>
        {/* Every page: what app/error.tsx shows. Each layout below adds what its client components use. */}
        <ClientTranslations namespaces={['errors']}>{children}</ClientTranslations>
      </body>
    </html>
  );
}
