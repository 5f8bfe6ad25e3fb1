import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JoinForm } from '@/components/team/JoinForm';
import { NewMemberForm } from '@/components/team/NewMemberForm';
import { SignOutHere } from '@/components/team/SignOutHere';
import { getSession } from '@/lib/auth/session';
import { idOr404 } from '@/lib/core/not-found';
import { clientIp } from '@/lib/core/request';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { secretTokenPattern } from '@/lib/links/tokens';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import { invitePath, inspectInvite, isMember } from '@/lib/team/team';
import { acceptAsNewUserAction, acceptAsUserAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('team');
  // The business name stays out of the title: titles end up in history and shared previews.
  return { title: t('accept.page_title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Where an invite link lands: who invites you and as what, then one step to join. */
export default async function InvitePage({ params }: { params: Promise<{ tenantId: string; token: string }> }) {
  const { tenantId: rawTenantId, token } = await params;
  const tenantId = idOr404(rawTenantId);
  if (!secretTokenPattern.test(token)) notFound();
  const session = await getSession();
  // One unit of work in the link's business: the invite, and whether the signed-in visitor is a member already.
  const invite = await guardedLookup(await clientIp(), () =>
    inTenant({ tenantId, userId: session?.user.id ?? '' }, async (db) => {
      const found = await inspectInvite(db, token);
      return found && { ...found, alreadyMember: session ? await isMember(db, session.user.id) : false };
    }),
  );
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

  const role = tc(`roles.${invite.role}`).toLocaleLowerCase(locale);
  const alreadyMember = invite.alreadyMember;
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
