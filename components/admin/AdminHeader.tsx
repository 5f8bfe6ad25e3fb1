import { SignOutButton } from '@/components/auth/SignOutButton';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { getT } from '@/lib/i18n/server';

/**
 * The console's header: plainly not the shop owners' app (its own name and a badge), who is
 * signed in, language and sign-out. The sections are in AdminNav, shown once past the second factor.
 */
export async function AdminHeader({ email }: { email: string }) {
  const { t } = await getT('admin');
  return (
    <header className="border-b-4 border-amber-400 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <p className="flex min-w-0 items-center gap-2">
          <span className="text-lg font-bold text-slate-900">{t('title')}</span>
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('badge')}</span>
        </p>
        <div className="flex min-w-0 items-center gap-1 text-sm">
          <span className="hidden truncate text-slate-700 sm:inline">{t('signed_in_as', { email })}</span>
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
