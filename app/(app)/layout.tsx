import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/AppHeader';
import { requireUser } from '@/lib/auth/session';

// The signed-in area. Each page checks the session and permission again itself: a layout is not
// re-run on every navigation, so it cannot be the only guard.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireUser();
  return (
    <>
      <AppHeader session={session} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
