import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { VerifyForms } from '@/components/admin/VerifyForms';
import { adminStanding, requireAdminSignIn } from '@/lib/admin/gate';
import { getT } from '@/lib/i18n/server';
import { recoveryCodeAction, verifyCodeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('factor.verify_title') };
}

/** The second step of an admin sign-in. */
export default async function VerifyPage() {
  const standing = await requireAdminSignIn();
  if (standing.verified) redirect('/admin/businesses');
  if (!standing.enrolled) redirect('/admin/enrol');
  const { t } = await getT('admin');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('factor.verify_title')}</h1>
      <p className="mt-2 text-slate-700">{t('factor.verify_intro')}</p>
      <div className="mt-6">
        <VerifyForms verifyAction={verifyCodeAction} recoveryAction={recoveryCodeAction} />
      </div>
    </>
  );
}
