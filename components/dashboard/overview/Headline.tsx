import Link from 'next/link';
import type { RankedStage } from '@/lib/dashboard/overview';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import { getT } from '@/lib/i18n/server';
import { fmtCount, fmtEmotion, fmtStars, stageLabel } from './text';

/**
 * The story in one sentence: the lowest-rated stage across all journeys ("Tahap Pembelian (Servis
 * mobil) paling rendah: ★ 2,8 dari 146 ulasan"), its interval, and, when the owner drew it better
 * than customers rate it, the gap on the map's own scale.
 */
export async function Headline({ worst, range, anyReviews }: { worst: RankedStage | undefined; range: string; anyReviews: boolean }) {
  const { t, locale } = await getT('overview');
  return (
    <section aria-labelledby="overview-headline" className="rounded-xl border-l-4 border-red-700 bg-white p-5 shadow-sm">
      <h2 id="overview-headline" className="text-lg font-semibold">
        {t('headline.heading')}
      </h2>
      {worst ? (
        <>
          <p className="mt-2 text-lg font-semibold text-slate-900 break-words" data-testid="worst-stage">
            {t('headline.worst', {
              stage: stageLabel(t, worst.stageName, worst.stageKey),
              journey: worst.journeyName,
              stars: fmtStars(worst.averageStars.value!, locale),
              n: fmtCount(worst.reviews, locale),
              count: worst.reviews,
            })}
          </p>
          {worst.averageStars.low !== null && worst.averageStars.high !== null ? (
            <p className="mt-1 text-sm text-slate-700">{t('headline.interval', { low: fmtStars(worst.averageStars.low, locale), high: fmtStars(worst.averageStars.high, locale) })}</p>
          ) : null}
          {gap(worst) ? (
            <p className="mt-2 text-slate-800">
              {t('headline.gap', {
                feeling: t(`headline.feeling.${worst.designedEmotion}`),
                designed: fmtEmotion(worst.designedEmotion!, locale, 0),
                measured: fmtEmotion(worst.measuredEmotion.value!, locale),
                low: fmtEmotion(worst.measuredEmotion.low!, locale),
                high: fmtEmotion(worst.measuredEmotion.high!, locale),
              })}
            </p>
          ) : null}
          <p className="mt-2">
            <Link
              href={`/dashboard/stages?${new URLSearchParams({ journey: worst.journeyId, stage: worst.stageId, range })}`}
              className="inline-block py-2 font-medium text-brand-800 underline"
            >
              {t('headline.open')}
            </Link>
          </p>
        </>
      ) : (
        <p className="mt-2 text-slate-700">{anyReviews ? t('headline.none_ranked', { min: MIN_SAMPLE }) : t('empty.no_reviews_period')}</p>
      )}
    </section>
  );
}

/** The owner drew the stage above what customers' stars support (the whole interval below the design). */
function gap(s: RankedStage): boolean {
  const e = s.measuredEmotion;
  return s.designedEmotion !== null && e.enough && e.high !== null && e.high < s.designedEmotion;
}
