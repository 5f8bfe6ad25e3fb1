import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/SignInForm';
import { afterSignInPath } from '@/lib/auth/callback';
import { getSession } from '@/lib/auth/session';
import { env } from '@/lib/core/env';
import { getT } from '@/lib/i18n/server';
import { publicOrigin } from '@/lib/links/urls';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('auth');
  return { title: t('sign_in.title') };
}

/**
 * The origin callbacks are resolved against: the configured site URL, else the request's own. Only
 * a path is ever handed on (lib/auth/callback.ts), so this decides which full addresses count as
 * ours, never where the browser goes.
 */
async function ownOrigin(): Promise<string> {
  const h = await headers();
  return publicOrigin({ configured: env.NEXTAUTH_URL, host: h.get('x-forwarded-host') ?? h.get('host'), proto: h.get('x-forwarded-proto') }) ?? 'http://localhost';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only paths on this site: an open redirect would let a phishing link borrow our sign-in page.
  const callbackUrl = afterSignInPath(params.callbackUrl, await ownOrigin());
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
