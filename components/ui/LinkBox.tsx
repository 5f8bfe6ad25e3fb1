'use client';

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whatsAppShareUrl } from '@/lib/links/urls';

interface LinkBoxProps {
  /** The input's id (also names its note). */
  id: string;
  link: string;
  label: string;
  note: string;
  /** The WhatsApp message, with the link in it. */
  whatsAppMessage: string;
  whatsAppLabel: string;
  /** Said when the clipboard cannot be used (the text is selected instead). */
  copyFailed: string;
}

/** A link shown once, ready to copy or to send on WhatsApp (how most UMKM teams talk). */
export function LinkBox({ id, link, label, note, whatsAppMessage, whatsAppLabel, copyFailed }: LinkBoxProps) {
  const { t: tc } = useTranslation('common');
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState('');

  async function copy() {
    setNotice('');
    try {
      await navigator.clipboard.writeText(link);
      setNotice(tc('actions.copied'));
    } catch {
      // No clipboard API outside HTTPS: select the text so a long press or Ctrl+C copies it.
      input.current?.focus();
      input.current?.select();
      setNotice(copyFailed);
    }
  }

  return (
    <div className="mt-4 space-y-3 rounded-lg border border-brand-100 bg-brand-50 p-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            ref={input}
            id={id}
            type="text"
            readOnly
            value={link}
            aria-describedby={`${id}-note`}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
          />
          <button type="button" onClick={() => void copy()} className="shrink-0 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {tc('actions.copy')}
          </button>
        </div>
        <p id={`${id}-note`} className="mt-1 text-sm text-slate-700">
          {note}
        </p>
        <p role="status" aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-brand-800">
          {notice}
        </p>
      </div>
      <a
        href={whatsAppShareUrl(whatsAppMessage)}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-block rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-100"
      >
        {whatsAppLabel}
      </a>
    </div>
  );
}
