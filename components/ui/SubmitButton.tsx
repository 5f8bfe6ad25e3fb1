'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** Disabled while its form is being sent, so a double tap sends once. */
export function SubmitButton({ children, pendingLabel, variant = 'primary', className = '' }: { children: ReactNode; pendingLabel?: string; variant?: 'primary' | 'secondary' | 'danger'; className?: string }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: 'bg-brand-700 text-white hover:bg-brand-800',
    secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
    danger: 'bg-red-700 text-white hover:bg-red-800',
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded-lg px-4 py-2.5 font-semibold disabled:opacity-60 ${styles} ${className}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
