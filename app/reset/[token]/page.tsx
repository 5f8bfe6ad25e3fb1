import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/ResetPasswordForm';
import { resetLinkAccount } from '@/lib/auth/password-reset';
import { clientIp } from '@/lib/core/request';
import { getT } from '@/lib/i18n/server';
import { resetPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('auth');
  // The token stays out of history previews and referrers.
  return { title: t('reset.title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/**
 * Where a one-time password-reset link lands (issued by a platform admin): the new password,
 * twice. A link that cannot be used — unknown, used, voided by a newer one, expired — is one
 * message (and counts as a wrong link against the address).
 */
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await resetLinkAccount(token, await clientIp());
  const { t } = await getT('auth');
  const { t: tc } = await getT('common');
  if (!account) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('reset.unusable_title')}</h1>
        <p className="mt-3 text-slate-700" data-testid="reset-unusable">
          {tc('errors.reset_link_unusable')}
        </p>
        <Link href="/sign-in" className="mt-6 inline-block font-semibold text-brand-800 underline">
          {t('reset.to_sign_in')}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t('reset.title')}</h1>
      <p className="mt-2 break-words text-slate-700">{t('reset.intro', { email: account.email })}</p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm">
        <ResetPasswordForm action={resetPasswordAction} token={token} email={account.email} />
      </div>
    </>
  );
}
