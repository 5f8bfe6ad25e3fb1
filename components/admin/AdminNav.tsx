import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

const links = [
  { href: '/admin', key: 'nav.overview' },
  { href: '/admin/businesses', key: 'nav.businesses' },
  { href: '/admin/audit', key: 'nav.audit' },
] as const;

/** The console's sections. */
export async function AdminNav() {
  const { t } = await getT('admin');
  return (
    <nav aria-label={t('nav.label')} className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 px-2 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} prefetch={false} className="inline-block rounded px-3 py-3 font-medium text-slate-800 hover:bg-slate-100">
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
