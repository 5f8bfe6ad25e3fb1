import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

/**
 * A 404 inside the signed-in area (`notFound()` from a page: an unknown id, another business's
 * id, a page the role may not use): shown inside the app's own shell, under its header and in its
 * <main>, not with the public header's "Masuk" (issue 11, item 11). The way back is the dashboard.
 */
export default async function AppNotFound() {
  const { t } = await getT('errors');
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-10 text-center">
      <h1 id="not-found-title" className="text-2xl font-bold">
        {t('not_found.title')}
      </h1>
      <p className="mt-3 text-slate-700">{t('not_found.body')}</p>
      <Link href="/dashboard" className="mt-6 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
        {t('not_found.dashboard')}
      </Link>
    </section>
  );
}
