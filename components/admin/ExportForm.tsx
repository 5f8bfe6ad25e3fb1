'use client';

import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/ui/Field';

const MIN = 5;
const MAX = 500;
const serverErrors = new Set(['required', 'reason_short', 'too_long', 'invalid']);

/**
 * The export form: a reason, then the zip (POST to the route handler, which streams it; the browser
 * saves it as a download and the page stays). The reason is checked here first, so a refusal keeps
 * what was typed; the server checks it again and, refusing, comes back here with `export_error`.
 */
export function ExportForm({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const fromServer = useSearchParams().get('export_error');
  const [error, setError] = useState<string | undefined>(fromServer && serverErrors.has(fromServer) ? tc(`validation.${fromServer}`) : undefined);
  const [started, setStarted] = useState(false);

  function check(e: FormEvent<HTMLFormElement>) {
    const value = String(new FormData(e.currentTarget).get('exportReason') ?? '').trim();
    const problem = !value ? 'required' : value.length < MIN ? 'reason_short' : value.length > MAX ? 'too_long' : null;
    if (problem) {
      e.preventDefault();
      setError(tc(`validation.${problem}`));
      setStarted(false);
      return;
    }
    setError(undefined);
    setStarted(true);
  }

  return (
    <form method="post" action={`/admin/businesses/${tenantId}/export.zip`} onSubmit={check} noValidate className="mt-4 space-y-4">
      <TextAreaField name="exportReason" label={t('export.reason_label')} hint={t('export.reason_hint')} error={error} rows={2} minLength={MIN} maxLength={MAX} required />
      <button type="submit" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
        {t('export.submit')}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {started ? t('export.started') : ''}
      </p>
    </form>
  );
}
