import Link from 'next/link';
import type { RankedStage } from '@/lib/dashboard/overview';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import { getT } from '@/lib/i18n/server';
import { fmtCount, fmtStars, stageLabel } from './text';

/** The lowest and the highest rated stages across all journeys (only those with enough reviews), each with its interval and n. */
export async function StageRanking({ worst, best, unranked, range }: { worst: RankedStage[]; best: RankedStage[]; unranked: number; range: string }) {
  const { t, locale } = await getT('overview');
  const list = (stages: RankedStage[], kind: 'worst' | 'best') => (
    <ol className="mt-2 space-y-3" data-testid={`${kind}-stages`}>
      {stages.map((s) => {
        const e = s.averageStars;
        return (
          <li key={s.stageId} className="min-w-0">
            <Link
              href={`/dashboard/stages?${new URLSearchParams({ journey: s.journeyId, stage: s.stageId, range })}`}
              className="font-medium break-words text-brand-800 underline"
            >
              {stageLabel(t, s.stageName, s.stageKey)}
            </Link>{' '}
            <span className="text-sm break-words text-slate-700">{t('stages.in_journey', { journey: s.journeyName })}</span>
            <p className="text-sm">
              <span className="font-semibold text-slate-900">{t('stages.line', { stars: fmtStars(e.value!, locale), n: fmtCount(s.reviews, locale), count: s.reviews })}</span>
              {e.low !== null && e.high !== null ? (
                <span className="text-slate-700"> · {t('stages.interval', { low: fmtStars(e.low, locale), high: fmtStars(e.high, locale) })}</span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
  return (
    <section aria-labelledby="overview-stages" className="rounded-xl bg-white p-5 shadow-sm">
      <h2 id="overview-stages" className="text-lg font-semibold">
        {t('stages.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('stages.intro', { min: MIN_SAMPLE })}</p>
      {worst.length === 0 ? (
        <p className="mt-3 text-slate-700">{t('stages.none')}</p>
      ) : (
        <div className="mt-3 grid gap-5 md:grid-cols-2">
          <div>
            <h3 className="font-semibold text-red-800">
              <span aria-hidden="true">↓ </span>
              {t('stages.worst')}
            </h3>
            {list(worst, 'worst')}
          </div>
          {best.length > 0 ? (
            <div>
              <h3 className="font-semibold text-emerald-800">
                <span aria-hidden="true">↑ </span>
                {t('stages.best')}
              </h3>
              {list(best, 'best')}
            </div>
          ) : null}
        </div>
      )}
      {unranked > 0 ? <p className="mt-3 text-sm text-slate-700">{t('stages.unranked', { n: fmtCount(unranked, locale), count: unranked })}</p> : null}
    </section>
  );
}
