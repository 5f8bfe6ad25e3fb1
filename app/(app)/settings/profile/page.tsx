import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { PasswordForm } from '@/components/settings/PasswordForm';
import { ProfileForm } from '@/components/settings/ProfileForm';
import { SignOutEverywhereForm } from '@/components/settings/SignOutEverywhereForm';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { locales } from '@/lib/i18n/settings';
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('settings');
  return { title: t('profile.title') };
}

export default async function ProfilePage() {
  const ctx = await requireMember();
  const { t } = await getT('settings');
  return (
    <div className="max-w-xl space-y-8">
      <section aria-labelledby="profile-heading">
        <h1 id="profile-heading" className="text-2xl font-bold">
          {t('profile.title')}
        </h1>
        <p className="mt-1 text-slate-700">{t('profile.intro')}</p>
        <div className="mt-4 rounded-xl bg-white p-5 shadow-sm">
          <ProfileForm
            action={updateProfileAction}
            name={ctx.user.name}
            email={ctx.user.email}
            locale={ctx.user.locale}
            locales={[...locales]}
            submission={randomUUID()}
          />
        </div>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-xl font-semibold">
          {t('password.title')}
        </h2>
        <p className="mt-1 text-slate-700">{t('password.intro')}</p>
        <div className="mt-4 rounded-xl bg-white p-5 shadow-sm">
          <PasswordForm action={changePasswordAction} email={ctx.user.email} tenantId={ctx.tenantId} submission={randomUUID()} />
        </div>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {t('sessions.title')}
        </h2>
        <p className="mt-1 text-slate-700">{t('sessions.intro')}</p>
        <div className="mt-4 rounded-xl bg-white p-5 shadow-sm">
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </div>
      </section>
    </div>
  );
}
