import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';

// Opened by people outside the team, with no account: the public header.
export default function ShareLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
