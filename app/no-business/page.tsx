import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { requireUser } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

/** A signed-in account that belongs to no business it may use (removed from its only team, or its business suspended by a platform admin). */
export default async function NoBusinessPage() {
  const session = await requireUser();
  if (session.tenant) redirect('/dashboard');
  const { t } = await getT('app');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {session.suspendedBusiness ? (
          <>
            <h1 className="text-2xl font-bold break-words">{t('no_business.suspended_title', { business: session.suspendedBusiness })}</h1>
            <p className="mt-3 text-slate-700">{t('no_business.suspended_body')}</p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t('no_business.title')}</h1>
            <p className="mt-3 text-slate-700">{t('no_business.body')}</p>
          </>
        )}
        <div className="mt-6 flex items-center gap-3">
          <Link href="/sign-up" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t('no_business.sign_up')}
          </Link>
          <SignOutButton />
        </div>
      </main>
    </>
  );
}
