import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/SignInForm';
import { getSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('auth');
  return { title: t('sign_in.title') };
}

/** Only paths on this site: an open redirect would let a phishing link borrow our sign-in page. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return '/dashboard';
  let path = v;
  if (/^https?:\/\//i.test(v)) {
    try {
      const url = new URL(v);
      path = url.pathname + url.search;
    } catch {
      return '/dashboard';
    }
  }
  const ok = path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith('/sign-');
  return ok ? path : '/dashboard';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if ((await getSession())?.tenant) redirect(callbackUrl);
  const { t, locale } = await getT('auth');
  const error = typeof params.error === 'string' ? params.error : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('sign_in.title')}</h1>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} locale={locale} initialError={error} />
      </div>
      <p className="mt-4 text-center text-slate-700">
        {t('sign_in.no_account')}{' '}
        <Link href="/sign-up" className="font-semibold text-brand-800 underline">
          {t('sign_in.sign_up_link')}
        </Link>
      </p>
    </>
  );
}
