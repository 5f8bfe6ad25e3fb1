'use client';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeIndonesianMobile, whatsAppChatUrl } from '@/lib/links/whatsapp';

const inputClass =
  'mt-1 block w-full rounded-lg border bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';

/**
 * "Ask one customer": a first name and a WhatsApp number become a wa.me/62… link with a message
 * greeting them by name. All of it happens in the browser: the fields have no `name`, so nothing
 * is sent anywhere and the number is never stored.
 */
export function AskCustomerForm({ link, business }: { link: string; business: string }) {
  const { t } = useTranslation('reviews');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState('');
  const [url, setUrl] = useState('');

  function prepare(e: FormEvent) {
    e.preventDefault();
    const number = normalizeIndonesianMobile(phone);
    if (!number) {
      setUrl('');
      setError(t('ask.invalid_number'));
      return;
    }
    setError('');
    const first = name.trim();
    const message = first ? t('ask.message', { name: first, business, link }) : t('ask.message_no_name', { business, link });
    setUrl(whatsAppChatUrl(number, message));
  }

  return (
    <form onSubmit={prepare} className="space-y-4" noValidate>
      <div>
        <label htmlFor="ask-name" className="block text-sm font-medium text-slate-800">
          {t('ask.name')}
        </label>
        <input
          id="ask-name"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setUrl('');
          }}
          className={`${inputClass} border-slate-300`}
        />
      </div>
      <div>
        <label htmlFor="ask-whatsapp" className="block text-sm font-medium text-slate-800">
          {t('ask.whatsapp')}
        </label>
        <input
          id="ask-whatsapp"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={20}
          value={phone}
          onChange={(e) => {
            setPhone(e.target.value);
            setUrl('');
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ask-whatsapp-hint ask-whatsapp-error' : 'ask-whatsapp-hint'}
          className={`${inputClass} ${error ? 'border-red-600' : 'border-slate-300'}`}
        />
        <p id="ask-whatsapp-hint" className="mt-1 text-sm text-slate-600">
          {t('ask.whatsapp_hint')}
        </p>
        {error ? (
          <p id="ask-whatsapp-error" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="min-h-12 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100">
        {t('ask.prepare')}
      </button>
      <p role="status" aria-live="polite" className="text-sm font-medium text-brand-800">
        {url ? t('ask.ready') : ''}
      </p>
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('ask.open')}
        </a>
      ) : null}
    </form>
  );
}
