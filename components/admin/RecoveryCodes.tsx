'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, once: a list to copy or write down, then on to the console. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation('admin');
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  // The form that was here is gone: move the focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-heading" className="rounded-xl border-2 border-amber-400 bg-white p-5 shadow-sm">
      <h2 id="recovery-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {t('factor.recovery_title')}
      </h2>
      <p className="mt-2 text-slate-700">{t('factor.recovery_intro')}</p>
      <ol aria-label={t('factor.recovery_list')} className="mt-4 grid grid-cols-1 gap-2 font-mono text-base sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-3 py-2 text-slate-900">
            {c}
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true));
          }}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100"
        >
          {t('factor.copy')}
        </button>
        <Link href="/admin/businesses" prefetch={false} className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('factor.continue')}
        </Link>
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-brand-800">
        {copied ? t('factor.copied') : ''}
      </p>
    </section>
  );
}
