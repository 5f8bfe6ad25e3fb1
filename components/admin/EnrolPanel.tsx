'use client';

import { useActionState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { idleState, type ActionState, type FormAction } from '@/lib/core/action-state';
import { CodeField } from './CodeField';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * First admin sign-in: scan the QR code (or type the key), confirm with a code from the app; then
 * the ten recovery codes, shown this once (the server keeps only their hashes).
 */
export function EnrolPanel({ qrSvg, secret, action }: { qrSvg: string; secret: string; action: FormAction<{ recoveryCodes: string[] }> }) {
  const { t } = useTranslation('admin');
  const [state, formAction] = useActionState<ActionState<{ recoveryCodes: string[] }>, FormData>(action, idleState);
  if (state.status === 'ok' && state.data) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <div className="space-y-6">
      <section aria-labelledby="scan-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="scan-heading" className="text-lg font-semibold">
          {t('factor.scan_heading')}
        </h2>
        <p className="mt-1 text-slate-700">{t('factor.scan_body')}</p>
        <div
          role="img"
          aria-label={t('factor.qr_label')}
          className="mt-4 h-56 w-56 max-w-full bg-white [&>svg]:h-full [&>svg]:w-full"
          // Our own server rendered this SVG from the otpauth:// address (the qrcode package): no user input.
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <p className="mt-4 text-sm text-slate-700">{t('factor.manual')}</p>
        <p className="mt-1">
          <span className="sr-only">{t('factor.secret_label')}: </span>
          <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider text-slate-900">
            {secret}
          </code>
        </p>
      </section>
      <section aria-labelledby="confirm-heading" className="rounded-xl bg-white p-5 shadow-sm">
        <h2 id="confirm-heading" className="text-lg font-semibold">
          {t('factor.confirm_heading')}
        </h2>
        <form action={formAction} noValidate className="mt-3 max-w-xs space-y-4">
          <FormMessage state={state} />
          <CodeField label={t('factor.code_label')} hint={t('factor.code_hint')} error={state.fieldErrors?.code} />
          <SubmitButton pendingLabel={t('factor.submitting')}>{t('factor.enrol_submit')}</SubmitButton>
        </form>
      </section>
    </div>
  );
}
