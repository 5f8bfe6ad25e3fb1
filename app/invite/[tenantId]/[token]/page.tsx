import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JoinForm } from '@/components/team/JoinForm';
import { NewMemberForm } from '@/components/team/NewMemberForm';
import { SignOutHere } from '@/components/team/SignOutHere';
import { getSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { clientIp } from '@/lib/core/request';
import { invitePath, inspectInvite } from '@/lib/team/team';
import { uuid } from '@/lib/core/validation';
import { acceptAsNewUserAction, acceptAsUserAction } from './actions';

const tokenPattern = /^[A-Za-z0-9_-]{20,64}$/;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('team');
  // The business name stays out of the title: titles end up in history and shared previews.
  return { title: t('accept.page_title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Where an invite link lands: who invites you and as what, then one step to join. */
export default async function InvitePage({ params }: { params: Promise<{ tenantId: string; token: string }> }) {
  const { tenantId, token } = await params;
  if (!uuid.safeParse(tenantId).success || !tokenPattern.test(token)) notFound();
  const invite = await guardedLookup(await clientIp(), () => inspectInvite(tenantId, token));
  if (!invite) notFound();
  const { t, locale } = await getT('team');
  const { t: tc } = await getT('common');

  if (invite.status !== 'valid') {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('accept.unusable_title')}</h1>
        <p className="mt-3 text-slate-700">{tc(`errors.invite_${invite.status}`)}</p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-800 underline">
          {t('accept.home')}
        </Link>
      </>
    );
  }

  const session = await getSession();
  const role = tc(`roles.${invite.role}`).toLocaleLowerCase(locale);
  const alreadyMember = session?.user.memberships.some((m) => m.tenantId === tenantId) ?? false;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('accept.title', { business: invite.tenantName, role })}</h1>
      <p className="mt-2 text-slate-700">{t('accept.intro', { business: invite.tenantName })}</p>
      <div className="mt-6 rounded-xl bg-white p-5 shadow-sm">
        {session ? (
          <>
            <p className="mb-4 break-words text-slate-700">{t('accept.signed_in_as', { email: session.user.email })}</p>
            {alreadyMember ? (
              <>
                <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">{tc('errors.already_member')}</p>
                <Link href="/dashboard" className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
                  {t('accept.open_dashboard')}
                </Link>
              </>
            ) : (
              <JoinForm action={acceptAsUserAction} tenantId={tenantId} token={token} />
            )}
          </>
        ) : (
          <>
            <h2 className="mb-4 text-lg font-semibold">{t('accept.new_account')}</h2>
            <NewMemberForm action={acceptAsNewUserAction} tenantId={tenantId} token={token} />
          </>
        )}
      </div>
      <p className="mt-4 text-center text-slate-700">
        {session ? (
          <>
            {t('accept.not_you')} <SignOutHere label={t('accept.sign_out')} />
          </>
        ) : (
          <>
            {t('accept.have_account')}{' '}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(invitePath(tenantId, token))}`} className="font-semibold text-brand-800 underline">
              {t('accept.sign_in_link')}
            </Link>
          </>
        )}
      </p>
    </>
  );
}
