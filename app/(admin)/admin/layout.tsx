import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { adminStanding } from '@/lib/admin/gate';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  // Not even the page title says "admin" to anyone who gets the 404.
  if (!(await adminStanding())) return {};
  const { t } = await getT('admin');
  return { title: { template: `%s — ${t('title')}`, default: t('title') }, robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/**
 * The platform admin console's shell. Anyone but a platform admin gets the 404 here too (each page
 * checks again: a layout is not re-run on every navigation, so it cannot be the only guard).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const standing = await adminStanding();
  if (!standing) notFound();
  return (
    // The header's sign-out button.
    <ClientTranslations namespaces={['auth']}>
      <AdminHeader email={standing.email} />
      {children}
    </ClientTranslations>
  );
}
