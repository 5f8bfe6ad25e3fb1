import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OnboardingChecklist } from '@/components/dashboard/OnboardingChecklist';
import { AttentionList } from '@/components/dashboard/overview/AttentionList';
import { Headline } from '@/components/dashboard/overview/Headline';
import { JourneyCards } from '@/components/dashboard/overview/JourneyCards';
import { OverviewFilters } from '@/components/dashboard/overview/OverviewFilters';
import { StageRanking } from '@/components/dashboard/overview/StageRanking';
import { fmtDay } from '@/components/dashboard/overview/text';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { businessOverview, overviewRanges, readOverviewQuery } from '@/lib/dashboard/overview';
import { zoneAbbreviation } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { onboardingProgress, onboardingSteps } from '@/lib/onboarding/checklist';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('app');
  return { title: t('dashboard.title') };
}

const buttonClass = 'mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';

/**
 * The signed-in home: the business-wide overview (issue 10, item 8). Where customers are lost:
 * every journey's figures for the period, the best and worst stages, the reviews that need
 * attention; empty states that say what to do next, and the onboarding checklist until it is done.
 * The period and persona live in the address (a GET form), so a view can be bookmarked or sent.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('dashboard.read');
  const query = readOverviewQuery(await searchParams);
  if (query.badId) notFound();
  const [progress, overview] = await or404(
    inTenant(ctx, (db) => Promise.all([onboardingProgress(db), businessOverview(db, { range: query.range, persona: query.persona })])),
  );
  const { t } = await getT('app');
  const { t: tc } = await getT('common');
  const { t: to, locale } = await getT('overview');
  const tz = ctx.tenant.timeZone;
  const canReadReviews = can(ctx.role, 'reviews.read');
  const allDone = onboardingSteps.every((s) => progress[s]);
  const noJourney = overview.journeys.length === 0;
  const anyReviewsEver = progress.reviews;
  const checklist = allDone ? null : (
    <div className="mt-6">
      <OnboardingChecklist progress={progress} />
    </div>
  );

  return (
    <>
      <h1 className="text-2xl font-bold break-words">{t('dashboard.welcome', { name: ctx.user.name })}</h1>
      <p className="mt-1 text-slate-700">
        {t('dashboard.business', { name: ctx.tenant.tenantName })} · {t('dashboard.role', { role: tc(`roles.${ctx.role}`) })}
      </p>

      {noJourney && !query.persona ? (
        <>
          <section aria-labelledby="empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
            <h2 id="empty" className="text-lg font-semibold">
              {to('empty.no_journey_title')}
            </h2>
            <p className="mt-2 text-slate-700">{to('empty.no_journey_body')}</p>
            {/* The next of the seven steps first: a persona, then a journey for it (a journey without one is allowed, so it stays offered). */}
            <div className="flex flex-wrap items-center gap-x-4">
              {!progress.persona && can(ctx.role, 'personas.write') ? (
                <Link href="/personas/new" className={buttonClass}>
                  {to('empty.no_persona_cta')}
                </Link>
              ) : null}
              {can(ctx.role, 'journeys.write') ? (
                <Link
                  href="/journeys/new"
                  className={!progress.persona && can(ctx.role, 'personas.write') ? 'mt-4 inline-block py-2 font-semibold text-brand-800 underline' : buttonClass}
                >
                  {to('empty.no_journey_cta')}
                </Link>
              ) : null}
            </div>
          </section>
          {checklist}
        </>
      ) : (
        <>
          <p className="mt-3 text-slate-800">{to('intro')}</p>
          <div className="mt-4 rounded-xl bg-white p-4 shadow-sm">
            <OverviewFilters
              key={`${overview.range}-${overview.persona ?? ''}`}
              range={overview.range}
              persona={overview.persona}
              ranges={overviewRanges.map((r) => ({ value: r, label: to(`ranges.${r}`) }))}
              personas={overview.personas}
              labels={{ heading: to('filters.heading'), range: to('filters.range'), persona: to('filters.persona'), allPersonas: to('filters.all_personas'), submit: to('filters.submit') }}
            />
            <p className="mt-3 text-sm text-slate-700" data-testid="overview-period">
              {to('period.between', { from: fmtDay(overview.period.from, locale, tz), to: fmtDay(overview.period.to, locale, tz), zone: zoneAbbreviation(tz) })}
              <span className="block">{to('period.previous', { from: fmtDay(overview.previousPeriod.from!, locale, tz), to: fmtDay(overview.previousPeriod.to, locale, tz) })}</span>
            </p>
          </div>

          {noJourney ? (
            <p className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">{to('empty.no_journey_persona')}</p>
          ) : !anyReviewsEver ? (
            <section aria-labelledby="no-reviews" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
              <h2 id="no-reviews" className="text-lg font-semibold">
                {to('empty.no_reviews_title')}
              </h2>
              <p className="mt-2 text-slate-700">{to('empty.no_reviews_body')}</p>
              {can(ctx.role, 'reviews.write') ? (
                <Link href="/reviews/links/new" className={buttonClass}>
                  {to('empty.no_reviews_cta')}
                </Link>
              ) : null}
            </section>
          ) : (
            <div className="mt-6 space-y-6">
              <Headline worst={overview.worst[0]} range={overview.range} anyReviews={overview.reviews > 0} />
              <StageRanking worst={overview.worst} best={overview.best} unranked={overview.unranked} range={overview.range} />
            </div>
          )}

          {noJourney ? null : (
            <section aria-labelledby="overview-journeys" className="mt-6">
              <h2 id="overview-journeys" className="text-xl font-semibold">
                {to('journeys.heading')}
              </h2>
              <JourneyCards journeys={overview.journeys} range={overview.range} />
            </section>
          )}
          {!noJourney && anyReviewsEver && canReadReviews ? (
            <div className="mt-6">
              <AttentionList attention={overview.attention} period={overview.period} timeZone={tz} />
            </div>
          ) : null}
          {checklist}
        </>
      )}
    </>
  );
}
