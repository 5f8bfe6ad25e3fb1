import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { businessTypes } from '@/lib/shared';
import { getSession } from '@/lib/auth/session';
import { timeZones } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { signUpAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('auth');
  return { title: t('sign_up.title') };
}

export default async function SignUpPage() {
  if ((await getSession())?.tenant) redirect('/dashboard');
  const { t } = await getT('auth');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('sign_up.title')}</h1>
      <p className="mt-2 text-slate-700">{t('sign_up.intro')}</p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm">
        <SignUpForm action={signUpAction} businessTypes={[...businessTypes]} timeZones={[...timeZones]} />
      </div>
      <p className="mt-4 text-center text-slate-700">
        {t('sign_up.have_account')}{' '}
        <Link href="/sign-in" className="font-semibold text-brand-800 underline">
          {t('sign_up.sign_in_link')}
        </Link>
      </p>
    </>
  );
}
