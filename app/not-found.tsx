import Link from 'next/link';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getT('errors');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">{t('not_found.title')}</h1>
        <p className="mt-3 text-slate-700">{t('not_found.body')}</p>
        <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
          {t('not_found.home')}
        </Link>
      </main>
    </>
  );
}
