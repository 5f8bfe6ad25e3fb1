import type { ReactNode } from 'react';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { AppHeader } from '@/components/layout/AppHeader';
import { listBusinesses } from '@/lib/accounts/accounts';
import { requireUser } from '@/lib/auth/session';

// The signed-in area. Each page checks the session and permission again itself: a layout is not
// re-run on every navigation, so it cannot be the only guard.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireUser();
  // All the user's businesses, for the header's switcher: loaded here, where they are shown, not
  // with the session on every request (which reads only the business being worked in).
  const businesses = session.tenant ? await listBusinesses(session.user.id) : [];
  return (
    // The header's sign-out button and business switcher; each section's layout adds its own.
    <ClientTranslations namespaces={['auth', 'team']}>
      <AppHeader session={session} businesses={businesses} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </ClientTranslations>
  );
}
