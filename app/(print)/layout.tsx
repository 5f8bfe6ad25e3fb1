import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import './print.css';

// Pages made for paper: no app header or navigation. Each page still checks its permission itself.
export default async function PrintLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <main id="main" className="mx-auto max-w-[297mm] bg-white px-4 py-4 print:max-w-none print:p-0">
      {children}
    </main>
  );
}
