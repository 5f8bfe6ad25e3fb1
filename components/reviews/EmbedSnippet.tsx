'use client';

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Read-only text with a copy button; without the clipboard (plain http) the text is selected for a long press or Ctrl+C. */
function CopyBox({ id, label, value, multiline }: { id: string; label: string; value: string; multiline: boolean }) {
  const { t } = useTranslation('testimonials');
  const field = useRef<HTMLTextAreaElement>(null);
  const [notice, setNotice] = useState('');

  async function copy() {
    setNotice('');
    try {
      await navigator.clipboard.writeText(value);
      setNotice(t('owner.copied'));
    } catch {
      field.current?.focus();
      field.current?.select();
      setNotice(t('owner.copy_failed'));
    }
  }

  const className = 'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-sm break-all text-slate-900';
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {/* A text area even for one address: on a 390 px phone the whole address wraps into view
          (break-all) instead of running off the field's edge. */}
      <textarea
        ref={field}
        id={id}
        readOnly
        rows={multiline ? 4 : 2}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className={`${className} ${multiline ? '' : 'resize-none text-base [field-sizing:content]'}`}
      />
      <button type="button" onClick={() => void copy()} className="mt-2 min-h-12 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
        {t('owner.copy')}
      </button>
      <p role="status" aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-brand-800">
        {notice}
      </p>
    </div>
  );
}

/** The page's public address, to copy and paste into a WhatsApp status, Instagram bio or Google profile. */
export function TestimonialUrl({ url }: { url: string }) {
  const { t } = useTranslation('testimonials');
  return <CopyBox id="testimonial-url" label={t('owner.url')} value={url} multiline={false} />;
}

/** The <iframe> snippet for the owner's own website (the embed allows any site to frame it). */
export function EmbedSnippet({ snippet }: { snippet: string }) {
  const { t } = useTranslation('testimonials');
  return <CopyBox id="testimonial-embed" label={t('owner.embed_label')} value={snippet} multiline />;
}
