import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n/I18nProvider';
import { resources } from '@/lib/i18n/resources';
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
        <I18nProvider locale={locale} resources={resources[locale]}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
