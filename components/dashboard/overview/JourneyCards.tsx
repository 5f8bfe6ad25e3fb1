import Link from 'next/link';
import type { JourneySummary } from '@/lib/dashboard/overview';
import { getT } from '@/lib/i18n/server';
import { changeText, fmtCount, fmtPct, fmtStars, tooFew } from './text';

const tone = { up: 'text-emerald-800', down: 'text-red-700', uncertain: 'text-slate-700' } as const;

/** One card per journey: reviews, average stars and CSAT for the period, each with its n and interval, and the change in words. */
export async function JourneyCards({ journeys, range }: { journeys: JourneySummary[]; range: string }) {
  const { t, locale } = await getT('overview');
  return (
    <ul className="mt-3 grid gap-4 lg:grid-cols-2">
      {journeys.map((j) => {
        const stars = j.averageStars;
        const c = j.csat;
        const starsChange = changeText(t, 'stars', j.change.averageStars, locale);
        const csatChange = changeText(t, 'csat', j.change.csat, locale);
        const href = `/dashboard/stages?${new URLSearchParams({ journey: j.journeyId, range })}`;
        return (
          <li key={j.journeyId} className="min-w-0 rounded-xl bg-white p-4 shadow-sm" data-testid="journey-card">
            <h3 className="font-semibold break-words text-slate-900">
              {j.name}
              {j.status === 'draft' ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t('journeys.draft')}</span> : null}
            </h3>
            {j.personaName ? <p className="text-sm text-slate-700 break-words">{t('journeys.persona', { name: j.personaName })}</p> : null}
            {j.reviews === 0 ? (
              <p className="mt-3 text-slate-700">{t('journeys.no_reviews')}</p>
            ) : (
              <dl className="mt-3 space-y-2 text-sm">
                <div>
                  <dt className="text-slate-700">{t('journeys.reviews')}</dt>
                  <dd className="font-semibold text-slate-900">
                    {t('journeys.reviews_value', { n: fmtCount(j.reviews, locale), count: j.reviews })}{' '}
                    <span className="font-normal text-slate-700">({t('journeys.reviews_previous', { n: fmtCount(j.previousReviews, locale), count: j.previousReviews })})</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t('journeys.average')}</dt>
                  <dd>
                    {stars.enough ? (
                      <>
                        <span className="text-lg font-bold text-slate-900">★ {fmtStars(stars.value!, locale)}</span>{' '}
                        <span className="text-slate-700">
                          · {t('journeys.reviews_value', { n: fmtCount(stars.n, locale), count: stars.n })} · {t('journeys.interval', { low: fmtStars(stars.low!, locale), high: fmtStars(stars.high!, locale) })}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-800">{tooFew(t, stars, locale)}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t('journeys.csat')}</dt>
                  <dd>
                    {c.enough ? (
                      <>
                        <span className="font-bold text-slate-900">{t('journeys.csat_value', { value: fmtPct(c.value!, locale), n: fmtCount(c.n, locale), count: c.n })}</span>{' '}
                        <span className="text-slate-700">· {t('journeys.interval', { low: fmtPct(c.low!, locale), high: fmtPct(c.high!, locale) })}</span>
                      </>
                    ) : (
                      <span className="text-slate-800">{tooFew(t, c, locale)}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t('journeys.change')}</dt>
                  <dd className={tone[starsChange.tone]}>
                    <span aria-hidden="true">{starsChange.arrow} </span>
                    {t('journeys.change_stars', { change: starsChange.text })}
                  </dd>
                  <dd className={tone[csatChange.tone]}>
                    <span aria-hidden="true">{csatChange.arrow} </span>
                    {t('journeys.change_csat', { change: csatChange.text })}
                  </dd>
                </div>
              </dl>
            )}
            <p className="mt-3">
              <Link href={href} aria-label={t('journeys.open', { name: j.name })} className="inline-block py-2 font-medium text-brand-800 underline">
                {t('journeys.open_short')}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
