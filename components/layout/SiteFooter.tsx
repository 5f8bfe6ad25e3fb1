import { getT } from '@/lib/i18n/server';

export async function SiteFooter() {
  const { t } = await getT('common');
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">{t('footer')}</p>
    </footer>
  );
}
