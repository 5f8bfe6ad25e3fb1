import { setLocaleAction } from '@/lib/i18n/locale-action';
import { getT } from '@/lib/i18n/server';
import { locales } from '@/lib/i18n/settings';

/** One small form per language: a real POST, so it works on a phone with JavaScript off. */
export async function LanguageSwitcher() {
  const { t, locale } = await getT('common');
  return (
    <div role="group" aria-label={t('language.label')} className="flex items-center gap-1 text-sm">
      {locales.map((l) => (
        <form key={l} action={setLocaleAction}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            aria-pressed={l === locale}
            aria-label={t('language.switch_to', { language: t(`language.${l}`) })}
            className={
              l === locale
                ? 'rounded px-2 py-1 font-semibold text-brand-800 underline underline-offset-4'
                : 'rounded px-2 py-1 text-slate-700 hover:bg-slate-100'
            }
          >
            {l.toUpperCase()}
          </button>
        </form>
      ))}
    </div>
  );
}
