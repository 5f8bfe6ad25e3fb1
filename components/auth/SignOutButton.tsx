'use client';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOutTo } from '@/lib/auth/browser';

export function SignOutButton() {
  const { t } = useTranslation('auth');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutTo('/sign-in');
      }}
      className="rounded px-2 py-1 text-slate-800 hover:bg-slate-100 disabled:opacity-60"
    >
      {t('sign_out.submit')}
    </button>
  );
}
