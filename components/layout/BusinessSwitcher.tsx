'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { switchTenant } from './switchTenant';

/** For accounts in several businesses: choose which one the app shows. */
export function BusinessSwitcher({ current, businesses }: { current: string; businesses: { tenantId: string; tenantName: string }[] }) {
  const { t } = useTranslation('team');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const tenantId = String(new FormData(e.currentTarget).get('tenantId') ?? '');
    if (pending || !tenantId) return;
    setPending(true);
    setError('');
    if (await switchTenant(tenantId)) {
      router.push('/dashboard');
      router.refresh();
    } else setError(t('switcher.failed'));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="business-switcher" className="font-medium text-slate-800">
        {t('switcher.label')}
      </label>
      <select
        key={current}
        id="business-switcher"
        name="tenantId"
        defaultValue={current}
        className="min-w-0 max-w-full flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 sm:flex-none"
      >
        {businesses.map((b) => (
          <option key={b.tenantId} value={b.tenantId}>
            {b.tenantName}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60">
        {pending ? t('switcher.switching') : t('switcher.submit')}
      </button>
      <p role="status" aria-live="polite" className={error ? 'w-full font-medium text-red-800' : 'sr-only'}>
        {error}
      </p>
    </form>
  );
}
