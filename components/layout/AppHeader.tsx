import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
import type { AppSession } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { logoPath } from '@/lib/images/images';
import { BusinessSwitcher } from './BusinessSwitcher';
import { LanguageSwitcher } from './LanguageSwitcher';

const links = [
  { href: '/dashboard', key: 'nav.dashboard' },
  { href: '/journeys', key: 'nav.journeys' },
  { href: '/personas', key: 'nav.personas' },
  { href: '/reviews', key: 'nav.reviews' },
  { href: '/team', key: 'nav.team' },
  { href: '/settings/profile', key: 'nav.profile' },
  { href: '/settings/business', key: 'nav.business', ownerOnly: true },
] as const;

/**
 * The signed-in header: business name, the switcher (for someone in several businesses: all of
 * them, `businesses`), the sections (wrapping onto a second line on a narrow phone), language, sign-out.
 * Its links do not prefetch: every page here is rendered per request, so prefetching the seven
 * sections would cost seven background renders on every page view for one click at most.
 */
export async function AppHeader({ session, businesses }: { session: AppSession; businesses: { tenantId: string; tenantName: string }[] }) {
  const { t } = await getT('app');
  const { t: tc } = await getT('common');
  const role = session.tenant?.role;
  const logo = session.tenant ? logoPath(session.tenant.tenantId, session.tenant.logoVersion) : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
        <Link href="/dashboard" prefetch={false} className="min-w-0 truncate font-bold text-brand-800">
          {tc('app_name')}
          {session.tenant ? (
            <span className="font-normal text-slate-700">
              {' · '}
              {logo ? (
                // A tiny fixed-size image from our own route: next/image would add nothing here.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={logo} alt={session.tenant.tenantName} width={28} height={28} className="mr-1.5 inline-block h-7 w-7 rounded object-contain align-middle" />
              ) : null}
              {session.tenant.tenantName}
            </span>
          ) : null}
        </Link>
        <div className="flex shrink-0 items-center gap-1 text-sm">
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </div>
      {session.tenant && businesses.length > 1 ? (
        <div className="mx-auto max-w-5xl px-4 pb-2">
          <BusinessSwitcher current={session.tenant.tenantId} businesses={businesses.map((b) => ({ tenantId: b.tenantId, tenantName: b.tenantName }))} />
        </div>
      ) : null}
      <nav aria-label={tc('nav.main')} className="mx-auto max-w-5xl px-2">
        <ul className="flex flex-wrap gap-x-0.5 text-sm">
          {links
            .filter((l) => !('ownerOnly' in l) || role === 'owner')
            .map((l) => (
              <li key={l.href}>
                <Link href={l.href} prefetch={false} className="inline-block whitespace-nowrap rounded px-2.5 py-2 text-slate-800 hover:bg-slate-100">
                  {t(l.key)}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </header>
  );
}
