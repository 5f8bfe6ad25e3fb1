import type { Metadata } from 'next';
import Link from 'next/link';
import { OnboardingChecklist } from '@/components/dashboard/OnboardingChecklist';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { listJourneys } from '@/lib/journeys/queries';
import { onboardingProgress } from '@/lib/onboarding/checklist';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('app');
  return { title: t('dashboard.title') };
}

export default async function DashboardPage() {
  const ctx = await requireMember('dashboard.read');
  const { t } = await getT('app');
  const { t: tc } = await getT('common');
  const { t: tj } = await getT('journeys');
  const [progress, journeyList] = await inTenant(ctx, (db) => Promise.all([onboardingProgress(db), listJourneys(db)]));
  return (
    <>
      <h1 className="text-2xl font-bold">{t('dashboard.welcome', { name: ctx.user.name })}</h1>
      <p className="mt-1 text-slate-700">
        {t('dashboard.business', { name: ctx.tenant.tenantName })} · {t('dashboard.role', { role: tc(`roles.${ctx.role}`) })}
      </p>

      {journeyList.length === 0 ? (
        <section aria-labelledby="empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="empty" className="text-lg font-semibold">
            {t('dashboard.empty_title')}
          </h2>
          <p className="mt-2 text-slate-700">{t('dashboard.empty_body')}</p>
          {can(ctx.role, 'team.invite') ? (
            <Link href="/team" className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t('dashboard.invite_cta')}
            </Link>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="journeys" className="mt-6 rounded-xl bg-white p-5 shadow-sm">
          <h2 id="journeys" className="text-lg font-semibold">
            {tj('title')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {journeyList.map((j) => (
              <li key={j.id} className="py-2">
                <Link href={`/journeys/${j.id}`} className="font-medium text-brand-800 underline">
                  {j.name}
                </Link>{' '}
                <span className="text-sm text-slate-700">· {tj(`statuses.${j.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-6">
        <OnboardingChecklist progress={progress} />
      </div>
    </>
  );
}
