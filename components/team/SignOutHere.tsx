'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Signs out and comes back to this same invite, to join with another account. */
export function SignOutHere({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: window.location.pathname });
      }}
      className="font-semibold text-brand-800 underline disabled:opacity-60"
    >
      {label}
    </button>
  );
}
