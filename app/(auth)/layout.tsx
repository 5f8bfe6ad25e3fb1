import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </>
  );
}
