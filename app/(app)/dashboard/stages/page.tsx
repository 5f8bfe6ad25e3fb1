import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FunnelSection } from '@/components/dashboard/FunnelSection';
import { ThemesSection } from '@/components/dashboard/ThemesSection';
import { TrendSection } from '@/components/dashboard/TrendSection';
import { EmotionCompareChart, type EmotionPoint } from '@/components/dashboard/stages/EmotionCompareChart';
import { EmotionGaps } from '@/components/dashboard/stages/EmotionGaps';
import { StageCards, StageTable } from '@/components/dashboard/stages/StageFigures';
import { StageFilters } from '@/components/dashboard/stages/StageFilters';
import { PeriodLine, stageKeys, stageOptionLabel } from '@/components/dashboard/stages/PeriodLine';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { csvSearch, dashboardChoices, periodFilter, readStagesQuery, stagesSearch } from '@/lib/dashboard/filters';
import { funnelFor } from '@/lib/dashboard/funnel';
import { stageStats, type StageStats, type StageStatsFilter } from '@/lib/dashboard/stage-stats';
import { stageThemes } from '@/lib/dashboard/themes-query';
import { reviewTrend } from '@/lib/dashboard/trend';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('dashboard');
  return { title: t('stages.title') };
}

const buttonClass = 'inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';
const linkClass = 'inline-flex min-h-11 items-center font-medium text-brand-800 underline';

/**
 * The stage dashboard (issue 10, items 1, 2, 3, 7 and 9): per stage of one journey, the review
 * figures with their sample sizes, intervals and changes, the designed emotion beside the measured
 * one, filtered by the address (journey, persona, stage, link, touchpoint, period).
 */
export default async function StagesDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('dashboard.read');
  const q = readStagesQuery(await searchParams);
  if (q.badId) notFound();
  const { t, locale } = await getT('dashboard');
  const tz = ctx.tenant.timeZone;

  // One transaction for the whole page: the choices (which journey), then its figures.
  const { choices, filter, stats, trend, themes, funnel } = await or404(
    inTenant(ctx, async (db) => {
      const choices = await dashboardChoices(db, q);
      if (!choices.journey) return { choices, filter: null, stats: null, trend: null, themes: null, funnel: null };
      const filter: StageStatsFilter = { journey: choices.journey.id, stage: choices.stage, link: choices.link, touchpoint: choices.touchpoint, ...periodFilter(q) };
      const [stats, trend, themes, funnel] = await Promise.all([stageStats(db, filter), reviewTrend(db, filter), stageThemes(db, filter), funnelFor(db, filter)]);
      return { choices, filter, stats, trend, themes, funnel };
    }),
  );

  const view = { ...q, journey: choices.journey?.id, stage: choices.stage, link: choices.link, touchpoint: choices.touchpoint };
  const dateError = q.dateError ? t(`filters.errors.${q.dateError}`, { from: q.from, to: q.to }) : null;
  const keys = stageKeys(choices.stages);
  const canWriteReviews = can(ctx.role, 'reviews.write');

  return (
    <>
      <h1 className="text-2xl font-bold">{t('stages.title')}</h1>
      <p className="mt-1 text-slate-700">{t('stages.intro')}</p>

      {!choices.journey || !stats || !filter ? (
        <section aria-labelledby="no-journey" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="no-journey" className="text-lg font-semibold">
            {t('empty.no_journey_title')}
          </h2>
          <p className="mt-2 text-slate-700">{q.persona ? t('empty.no_journey_persona') : t('empty.no_journey_body')}</p>
          <p className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
            {can(ctx.role, 'journeys.write') ? (
              <Link href="/journeys/new" className={buttonClass}>
                {t('empty.no_journey_cta')}
              </Link>
            ) : null}
            {q.persona ? (
              <Link href="/dashboard/stages" className={linkClass}>
                {t('empty.all_personas')}
              </Link>
            ) : null}
          </p>
        </section>
      ) : (
        <>
          <div className="mt-4">
            <StageFilters
              key={stagesSearch(view)}
              action="/dashboard/stages"
              values={{ persona: q.persona, journey: view.journey, stage: view.stage, link: view.link, touchpoint: view.touchpoint, range: q.range, from: q.from, to: q.to }}
              options={{
                personas: choices.personas,
                journeys: choices.journeys.map((j) => ({ id: j.id, name: j.name })),
                stages: choices.stages.map((s) => ({ id: s.id, label: stageOptionLabel(t, s) })),
                links: choices.links.map((l) => ({ id: l.id, label: l.touchpoint ? `${l.title} (${l.touchpoint})` : l.title })),
                touchpoints: choices.touchpoints,
              }}
              dateError={dateError}
            />
          </div>

          <div className="mt-4 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
            <PeriodLine t={t} locale={locale} tz={tz} stats={stats} />
            <p className="flex flex-wrap gap-x-5">
              {/* Plain links: the browser downloads the file; the print view opens as a page. */}
              <a href={`/api/journeys/${stats.journeyId}/stages.csv?${csvSearch(filter)}`} download className={linkClass}>
                {t('stages.csv')}
              </a>
              <Link href={`/dashboard/stages/print?${stagesSearch(view)}`} className={linkClass}>
                {t('stages.print')}
              </Link>
              <Link href={`/journeys/${stats.journeyId}`} className={linkClass}>
                {t('stages.open_map')}
              </Link>
            </p>
          </div>

          {choices.journey.reviews === 0 ? (
            <section aria-labelledby="no-reviews" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
              <h2 id="no-reviews" className="text-lg font-semibold">
                {t('empty.no_reviews_title')}
              </h2>
              <p className="mt-2 text-slate-700">{t('empty.no_reviews_body')}</p>
              {canWriteReviews ? (
                <Link
                  href={`/reviews/links/new?${new URLSearchParams({ journey: stats.journeyId, ...(view.stage ? { stage: view.stage } : choices.stages[0] ? { stage: choices.stages[0].id } : {}) })}`}
                  className={`mt-4 ${buttonClass}`}
                >
                  {t('empty.no_reviews_cta')}
                </Link>
              ) : null}
            </section>
          ) : (
            <>
              {stats.stages.every((s) => s.current.reviews === 0) ? (
                <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-700">{t('empty.no_reviews_period')}</p>
              ) : null}

              <section aria-labelledby="emotion-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
                <h2 id="emotion-heading" className="text-lg font-semibold">
                  {t('emotion.heading')}
                </h2>
                <p className="mt-1 text-sm text-slate-700">{t('emotion.intro')}</p>
                <EmotionGaps t={t} locale={locale} stats={stats} />
                <EmotionCompareChart points={emotionPoints(t, stats)} />
              </section>

              <section aria-labelledby="stages-heading" className="mt-6">
                <h2 id="stages-heading" className="text-lg font-semibold">
                  {t('table.heading')}
                </h2>
                <p className="mt-1 text-sm text-slate-700">{t('table.intro', { n: 10 })}</p>
                <div className="mt-3 md:hidden">
                  <StageCards t={t} locale={locale} stats={stats} keys={keys} />
                </div>
                <div className="mt-3 hidden overflow-x-auto rounded-xl bg-white p-2 shadow-sm md:block" role="region" aria-label={t('table.caption')} tabIndex={0}>
                  <StageTable t={t} locale={locale} stats={stats} keys={keys} />
                </div>
              </section>

              {trend ? (
                <div className="mt-6">
                  <TrendSection trend={trend} />
                </div>
              ) : null}
              {themes ? (
                <div className="mt-6">
                  <ThemesSection themes={themes} filter={filter} />
                </div>
              ) : null}
            </>
          )}

          {funnel ? (
            <div className="mt-6">
              <FunnelSection funnel={funnel} stats={stats} />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

/** The chart's points: one per stage, in the table's order. */
function emotionPoints(t: (k: string) => string, stats: StageStats): EmotionPoint[] {
  return stats.stages.map((row) => {
    const e = row.current.emotion;
    return {
      name: row.name ?? t('stage.removed'),
      designed: row.designedEmotion,
      measured: e.value,
      band: e.low !== null && e.high !== null ? [e.low, e.high] : null,
    };
  });
}
