import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmotionGaps } from '@/components/dashboard/stages/EmotionGaps';
import { PeriodLine, stageKeys } from '@/components/dashboard/stages/PeriodLine';
import { StageTable } from '@/components/dashboard/stages/StageFigures';
import { PrintButton } from '@/components/journeys/PrintButton';
import { requireMember } from '@/lib/auth/session';
import { or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { dashboardChoices, periodFilter, readStagesQuery, stagesSearch } from '@/lib/dashboard/filters';
import { stageStats } from '@/lib/dashboard/stage-stats';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('dashboard');
  return { title: t('print.title') };
}

/** The stage dashboard on paper (A4 landscape): the same filters as the page, its gap notes and its table. */
export default async function StagesDashboardPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('dashboard.read');
  const q = readStagesQuery(await searchParams);
  if (q.badId) notFound();
  const { choices, stats } = await or404(
    inTenant(ctx, async (db) => {
      const choices = await dashboardChoices(db, q);
      if (!choices.journey) return { choices, stats: null };
      const stats = await stageStats(db, { journey: choices.journey.id, stage: choices.stage, link: choices.link, touchpoint: choices.touchpoint, ...periodFilter(q) });
      return { choices, stats };
    }),
  );
  const { t, locale } = await getT('dashboard');
  const tz = ctx.tenant.timeZone;
  const view = { ...q, journey: choices.journey?.id, stage: choices.stage, link: choices.link, touchpoint: choices.touchpoint };
  const filters = [
    choices.stage ? t('print.filter_stage', { name: choices.stages.find((s) => s.id === choices.stage)?.name ?? '' }) : null,
    choices.link ? t('print.filter_link', { name: choices.links.find((l) => l.id === choices.link)?.title ?? '' }) : null,
    choices.touchpoint ? t('print.filter_touchpoint', { name: choices.touchpoint }) : null,
  ].filter(Boolean);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/dashboard/stages?${stagesSearch(view)}`} className="font-semibold text-brand-800 underline">
          {t('print.back')}
        </Link>
        <PrintButton label={t('print.button')} />
        <p className="w-full text-sm text-slate-700">{t('print.hint')}</p>
      </div>
      {!stats ? (
        <p>{t('empty.no_journey_title')}</p>
      ) : (
        <div className="print-map">
          <header className="mb-3">
            <h1 className="text-xl font-bold">{t('print.heading', { journey: stats.journeyName })}</h1>
            <p className="text-sm text-slate-700">{t('print.printed', { business: ctx.tenant.tenantName, date: formatDateTime(new Date(), locale, tz) })}</p>
            <PeriodLine t={t} locale={locale} tz={tz} stats={stats} />
            {filters.length ? <p className="text-sm text-slate-700">{filters.join(' · ')}</p> : null}
          </header>
          <section aria-labelledby="print-gaps" className="mb-3">
            <h2 id="print-gaps" className="font-semibold">
              {t('emotion.heading')}
            </h2>
            <EmotionGaps t={t} locale={locale} stats={stats} />
          </section>
          <StageTable t={t} locale={locale} stats={stats} keys={stageKeys(choices.stages)} print />
          <p className="mt-2 text-xs text-slate-700">{t('table.intro', { n: 10 })}</p>
        </div>
      )}
    </>
  );
}
