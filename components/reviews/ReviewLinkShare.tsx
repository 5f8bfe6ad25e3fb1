'use client';

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whatsAppShareUrl } from '@/lib/links/urls';

/**
 * The short link written out big (people read it aloud or type it from a poster), a copy button,
 * "Kirim lewat WhatsApp" with a ready message, and the counter-mode address for a shop's tablet.
 * Without JavaScript the link is still there to select and the WhatsApp button still works.
 */
export function ReviewLinkShare({ link, message, counterLink }: { link: string; message: string; counterLink: string }) {
  const { t } = useTranslation('reviews');
  const text = useRef<HTMLTextAreaElement>(null);
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
      {/* A text area, not a one-line input: on a 390 px phone the whole link wraps into view (break-all)
          instead of running off the field's edge, and it grows to its lines where the browser can. */}
      <textarea
        ref={text}
        id="review-short-link"
        readOnly
        rows={2}
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full min-w-0 resize-none rounded-lg border border-slate-300 bg-white px-3 py-3 font-mono text-lg font-bold break-all text-slate-900 [field-sizing:content] sm:text-2xl"
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
      {/* Counter (kiosk) mode for a shop's tablet: the link with ?mode=counter and the link's counter
          key, which lets one tablet send many customers' reviews (lib/reviews/page/token.ts). */}
      <div>
        <a
          href={counterLink}
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby="review-counter-hint"
          className="inline-flex min-h-12 items-center font-semibold text-brand-800 underline hover:text-brand-900"
        >
          {t('link.counter_mode')}
        </a>
        <p id="review-counter-hint" className="text-sm text-slate-700">
          {t('link.counter_mode_hint')}
        </p>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-brand-800">
        {notice}
      </p>
    </div>
  );
}
