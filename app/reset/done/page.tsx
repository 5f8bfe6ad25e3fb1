import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/SignInForm';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('auth');
  return { title: t('sign_in.title'), robots: { index: false, follow: false } };
}

/** After a password reset: every session of the account has ended; sign in with the new password. */
export default async function ResetDonePage() {
  const { t, locale } = await getT('auth');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('sign_in.title')}</h1>
      <p role="status" className="mt-4 rounded-lg bg-brand-50 px-3 py-2 font-medium text-brand-800" data-testid="reset-done">
        {t('reset.done')}
      </p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm">
        <SignInForm callbackUrl="/dashboard" locale={locale} />
      </div>
    </>
  );
}
