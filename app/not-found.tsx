import Link from 'next/link';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { AppHeader } from '@/components/layout/AppHeader';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { listBusinesses } from '@/lib/accounts/accounts';
import { getSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

/**
 * A path that matches no page. A signed-in member sees the app's header and a way back to the
 * dashboard, not the public header's "Masuk" (issue 11, item 11); everyone else the public header
 * and the home page. (`notFound()` inside the signed-in area: app/(app)/not-found.tsx.)
 */
export default async function NotFound() {
  const { t } = await getT('errors');
  const session = await getSession().catch(() => null);
  const businesses = session?.tenant ? await listBusinesses(session.user.id).catch(() => []) : [];
  const body = (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t('not_found.title')}</h1>
      <p className="mt-3 text-slate-700">{t('not_found.body')}</p>
      <Link
        href={session ? '/dashboard' : '/'}
        className="mt-6 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
      >
        {t(session ? 'not_found.dashboard' : 'not_found.home')}
      </Link>
    </main>
  );
  if (!session) {
    return (
      <>
        <SiteHeader />
        {body}
      </>
    );
  }
  // As app/(app)/layout.tsx: the header's sign-out button and business switcher need these.
  return (
    <ClientTranslations namespaces={['auth', 'team']}>
      <AppHeader session={session} businesses={businesses} />
      {body}
    </ClientTranslations>
  );
}
