import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { EnrolPanel } from '@/components/admin/EnrolPanel';
import { groupSecret, pendingEnrolment } from '@/lib/admin/factor';
import { adminStanding, requireAdminSignIn } from '@/lib/admin/gate';
import { getT } from '@/lib/i18n/server';
import { confirmEnrolmentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: t('factor.enrol_title') };
}

/** First admin sign-in: set up the authenticator app. Once enrolled, the secret is never shown again. */
export default async function EnrolPage() {
  const standing = await requireAdminSignIn();
  if (standing.verified) redirect('/admin/businesses');
  if (standing.enrolled) redirect('/admin/verify');
  const pending = await pendingEnrolment(standing.actor);
  if (!pending) redirect('/admin/verify');
  const qrSvg = await QRCode.toString(pending.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const { t } = await getT('admin');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('factor.enrol_title')}</h1>
      <p className="mt-2 text-slate-700">{t('factor.enrol_intro')}</p>
      <div className="mt-6">
        <EnrolPanel qrSvg={qrSvg} secret={groupSecret(pending.secret)} action={confirmEnrolmentAction} />
      </div>
    </>
  );
}
