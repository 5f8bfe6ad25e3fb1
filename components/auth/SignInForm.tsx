'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui/Field';
import { formatRelative } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';

/** Signs in through next-auth without leaving the page, so a refused attempt keeps the email typed. */
export function SignInForm({ callbackUrl, locale, initialError }: { callbackUrl: string; locale: Locale; initialError?: string }) {
  const { t } = useTranslation('auth');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(initialError ? describe(initialError) : undefined);
  // Which field was left empty, said at the field itself (not a vague "wrong email or password").
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  function describe(code: string): string {
    if (code.startsWith('locked:')) {
      const at = Number(code.slice('locked:'.length));
      return t('sign_in.locked', { when: formatRelative(new Date(Number.isFinite(at) && at > 0 ? at : Date.now() + 15 * 60_000), locale) });
    }
    if (code === 'unavailable') return t('sign_in.unavailable');
    return t('sign_in.invalid');
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = e.currentTarget;
    const fd = new FormData(form);
    const email = String(fd.get('email') ?? '').trim();
    const password = String(fd.get('password') ?? '');
    const empty = { email: email ? undefined : t('sign_in.email_missing'), password: password ? undefined : t('sign_in.password_missing') };
    setMissing(empty);
    if (empty.email || empty.password) {
      setError(undefined);
      form.querySelector<HTMLInputElement>(empty.email ? '#email' : '#password')?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const res = await signIn('credentials', { email, password, redirect: false });
      if (res?.ok && !res.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      setError(describe(res?.error ?? 'invalid'));
    } catch {
      setError(t('sign_in.unavailable'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <div role="status" aria-live="polite">
        {error ? <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{error}</p> : null}
      </div>
      <TextField
        name="email"
        type="email"
        label={t('sign_in.email')}
        autoComplete="email"
        inputMode="email"
        required
        error={missing.email}
        onChange={(e) => {
          if (missing.email && e.currentTarget.value.trim()) setMissing((m) => ({ ...m, email: undefined }));
        }}
      />
      <TextField
        name="password"
        type="password"
        label={t('sign_in.password')}
        autoComplete="current-password"
        required
        error={missing.password}
        onChange={(e) => {
          if (missing.password && e.currentTarget.value) setMissing((m) => ({ ...m, password: undefined }));
        }}
      />
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t('sign_in.submitting') : t('sign_in.submit')}
      </button>
    </form>
  );
}
