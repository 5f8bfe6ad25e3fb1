import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { LanguageSwitcher } from './LanguageSwitcher';

export async function SiteHeader() {
  const { t } = await getT('common');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800">
          {t('app_name')}
        </Link>
        <nav aria-label={t('nav.main')} className="flex items-center gap-3 text-sm">
          <Link href="/sign-in" className="rounded px-2 py-1 text-slate-800 hover:bg-slate-100">
            {t('nav.sign_in')}
          </Link>
          <LanguageSwitcher />
        </nav>
      </div>
    </header>
  );
}
