'use client';

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whatsAppShareUrl } from '@/lib/links/urls';

/**
 * The short link written out big (people read it aloud or type it from a poster), a copy button
 * and "Kirim lewat WhatsApp" with a ready message. Without JavaScript the link is still there to
 * select and the WhatsApp button still works.
 */
export function ReviewLinkShare({ link, message }: { link: string; message: string }) {
  const { t } = useTranslation('reviews');
  const text = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState('');

  async function copy() {
    setNotice('');
    try {
      await navigator.clipboard.writeText(link);
      setNotice(t('link.copied'));
    } catch {
      // No clipboard outside HTTPS: select the text so a long press or Ctrl+C copies it.
      text.current?.focus();
      text.current?.select();
      setNotice(t('link.copy_failed'));
    }
  }

  return (
    <div className="space-y-3">
      <label htmlFor="review-short-link" className="block text-sm font-medium text-slate-800">
        {t('link.short_link')}
      </label>
      <input
        ref={text}
        id="review-short-link"
        type="text"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-3 font-mono text-lg font-bold break-all text-slate-900 sm:text-2xl"
      />
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void copy()} className="min-h-12 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('link.copy')}
        </button>
        <a
          href={whatsAppShareUrl(message)}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-12 items-center rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-100"
        >
          {t('link.whatsapp')}
        </a>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-brand-800">
        {notice}
      </p>
    </div>
  );
}
