'use client';

import { useTranslation } from 'react-i18next';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useTranslation('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t('server.title')}</h1>
      <p className="mt-3 text-slate-700">{t('server.body')}</p>
      {error.digest ? <p className="mt-2 text-sm text-slate-600">{t('server.reference', { id: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
        {t('server.retry')}
      </button>
    </main>
  );
}
