/**
 * The per-stage figures (issue 10, items 1 and 2): one card per stage on a phone, one table on a
 * laptop. The table is also the emotion chart's table alternative (designed and measured emotion
 * with the interval as columns), and the printed page's body. Server components: `t` comes in.
 */
import type { StageRow, StageStats } from '@/lib/dashboard/stage-stats';
import type { Comparison, Sentiment } from '@/lib/dashboard/stats';
import type { Locale } from '@/lib/i18n/settings';
import { ChangeText, Figure } from './Figures';
import { fmtCount, fmtDesigned, fmtEmotion, fmtNps, fmtPct, fmtStars, intervalText, stageTitle, type T } from './text';

interface Props {
  t: T;
  locale: Locale;
  stats: StageStats;
  /** Stage id → its model key (for the plain subtitle), from the filter choices. */
  keys: Record<string, string | null>;
}

const reviewsBase = (t: T, locale: Locale, n: number) => t('dashboard:figures.base_reviews', { n: fmtCount(n, locale), count: n });
const npsBase = (t: T, locale: Locale, n: number) => t('dashboard:figures.base_answers', { n: fmtCount(n, locale), count: n });

function StageName({ t, row, keys, as: Tag = 'span' }: { t: T; row: StageRow; keys: Props['keys']; as?: 'span' | 'h3' }) {
  const title = stageTitle(t, row.name, keys[row.stageId]);
  return (
    <Tag className={Tag === 'h3' ? 'text-lg font-semibold break-words' : 'break-words'}>
      {title.name}
      {title.plain ? <span className="font-normal text-slate-700"> ({title.plain})</span> : null}
    </Tag>
  );
}

function sentimentText(t: T, locale: Locale, s: Sentiment): string {
  if (s.n === 0 || s.positiveShare === null) return t('dashboard:figures.no_reviews');
  return t('dashboard:figures.sentiment_line', {
    positive: fmtPct(s.positiveShare, locale),
    neutral: fmtPct(s.neutralShare!, locale),
    negative: fmtPct(s.negativeShare!, locale),
  });
}

function npsCountsText(t: T, locale: Locale, row: StageRow): string {
  const c = row.current.npsCounts;
  return t('dashboard:figures.nps_counts', { promoters: fmtCount(c.promoters, locale), passives: fmtCount(c.passives, locale), detractors: fmtCount(c.detractors, locale) });
}

function emotionText(t: T, locale: Locale, row: StageRow): { designed: string; measured: string } {
  const e = row.current.emotion;
  const designed = row.designedEmotion === null ? t('dashboard:emotion.none') : fmtDesigned(row.designedEmotion, locale);
  let measured = t('dashboard:figures.no_reviews');
  if (e.value !== null) {
    const interval = intervalText(t, 'emotion', e, locale);
    measured = interval ? t('dashboard:emotion.measured_with_interval', { value: fmtEmotion(e.value, locale), interval }) : fmtEmotion(e.value, locale);
    if (!e.enough) measured = `${measured} · ${t('dashboard:figures.too_few', { n: fmtCount(e.moreNeeded, locale), count: e.moreNeeded })}`;
  }
  return { designed, measured };
}

/** Phone: one card per stage. */
export function StageCards({ t, locale, stats, keys }: Props) {
  return (
    <ul aria-label={t('dashboard:table.caption')} className="grid gap-3">
      {stats.stages.map((row) => {
        const c = row.current;
        const em = emotionText(t, locale, row);
        return (
          <li key={row.stageId} className="rounded-xl bg-white p-4 shadow-sm" data-stage-card={row.stageId}>
            <StageName t={t} row={row} keys={keys} as="h3" />
            <p className="text-sm text-slate-700" data-reviews="">
              {reviewsBase(t, locale, c.reviews)}
            </p>
            {c.reviews === 0 && (row.previous?.reviews ?? 0) === 0 ? (
              // Nothing to show per figure: one line instead of five empty ones, and the map's emotion.
              <p className="mt-2 text-slate-800">
                {t('dashboard:figures.stage_empty')} {t('dashboard:emotion.designed_label')}: {em.designed}
              </p>
            ) : (
              <dl className="mt-3 grid gap-3">
                <div>
                  <dt className="text-sm font-medium text-slate-800">{t('dashboard:table.average')}</dt>
                  <dd>
                    <Figure t={t} locale={locale} kind="stars" e={c.averageStars} label={t('dashboard:table.average')} base={reviewsBase(t, locale, c.averageStars.n)} />
                    {row.previous ? (
                      <span className="block text-sm">
                        <ChangeText t={t} locale={locale} kind="stars" c={row.change?.averageStars} />
                      </span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-800">{t('dashboard:table.csat')}</dt>
                  <dd>
                    <Figure t={t} locale={locale} kind="csat" e={c.csat} label={t('dashboard:table.csat_short')} base={reviewsBase(t, locale, c.csat.n)} />
                    {row.previous ? (
                      <span className="block text-sm">
                        <ChangeText t={t} locale={locale} kind="csat" c={row.change?.csat} />
                      </span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-800">{t('dashboard:table.nps')}</dt>
                  <dd>
                    <Figure t={t} locale={locale} kind="nps" e={c.nps} label={t('dashboard:table.nps_short')} base={npsBase(t, locale, c.nps.n)} />
                    <span className="block text-sm text-slate-700">
                      {npsCountsText(t, locale, row)} · {t('dashboard:figures.skipped', { n: fmtCount(c.nps.skipped, locale), count: c.nps.skipped })}
                    </span>
                    {row.previous ? (
                      <span className="block text-sm">
                        <ChangeText t={t} locale={locale} kind="nps" c={row.change?.nps} />
                      </span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-800">{t('dashboard:table.sentiment')}</dt>
                  <dd className="text-slate-900">{sentimentText(t, locale, c.sentiment)}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-800">{t('dashboard:table.emotion')}</dt>
                  <dd className="text-slate-900">
                    {t('dashboard:emotion.designed_label')}: {em.designed}
                    <br />
                    {t('dashboard:emotion.measured_label')}: {em.measured}
                  </dd>
                </div>
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const th = 'border-b border-slate-300 px-1.5 py-2 text-left align-bottom font-semibold';
const td = 'border-b border-slate-200 px-1.5 py-2 align-top';

/**
 * Laptop and paper: one table, every interval a column of its own, each change under the figure
 * it is about.
 */
export function StageTable({ t, locale, stats, keys, print = false }: Props & { print?: boolean }) {
  const withChange = stats.previousPeriod !== null;
  const iv = (s: string | null) => s ?? '—';
  // The small print under a figure (n, "about N more", the change): smaller than the figure on paper too.
  const xs = print ? 'text-[7pt]' : 'text-xs';
  const heads = [
    t('dashboard:table.stage'),
    t('dashboard:table.reviews'),
    t('dashboard:table.average'),
    t('dashboard:table.interval'),
    t('dashboard:table.csat_short'),
    t('dashboard:table.interval'),
    t('dashboard:table.nps_short'),
    t('dashboard:table.interval'),
    t('dashboard:table.nps_groups'),
    t('dashboard:table.sentiment'),
    t('dashboard:emotion.designed_label'),
    t('dashboard:emotion.measured_label'),
  ];
  return (
    <table className={`w-full border-collapse ${print ? 'text-[8.5pt]' : 'text-sm'}`} data-stage-table="">
      <caption className="sr-only">{t('dashboard:table.caption')}</caption>
      <thead>
        <tr>
          {heads.map((h, i) => (
            <th key={i} scope="col" className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {stats.stages.map((row) => {
          const c = row.current;
          const few = (e: { enough: boolean; n: number; moreNeeded: number }) =>
            e.n > 0 && !e.enough ? <span className={`block ${xs} text-amber-900`}>{t('dashboard:figures.too_few_short', { n: fmtCount(e.moreNeeded, locale), count: e.moreNeeded })}</span> : null;
          const val = (v: string | null, strong: boolean) => (v === null ? '—' : strong ? <strong>{v}</strong> : v);
          const n = (k: number) => <span className={`block ${xs} whitespace-nowrap text-slate-700`}>{t('dashboard:table.n', { n: fmtCount(k, locale) })}</span>;
          // The change against the previous period, under the figure it is about.
          const change = (kind: 'stars' | 'csat' | 'nps', cmp: Comparison | undefined) =>
            withChange ? (
              <span className={`mt-1 block ${xs}`} data-col={`${kind}-change`}>
                <span className="sr-only">{t('dashboard:table.change')}: </span>
                <ChangeText t={t} locale={locale} kind={kind} c={cmp} />
              </span>
            ) : null;
          const em = emotionText(t, locale, row);
          return (
            <tr key={row.stageId} data-stage-row={row.stageId}>
              <th scope="row" className={`${td} text-left font-medium`}>
                <StageName t={t} row={row} keys={keys} />
              </th>
              <td className={td} data-col="reviews">
                {fmtCount(c.reviews, locale)}
              </td>
              <td className={td} data-col="average">
                {val(c.averageStars.value === null ? null : fmtStars(c.averageStars.value, locale), c.averageStars.enough)}
                {few(c.averageStars)}
                {change('stars', row.change?.averageStars)}
              </td>
              <td className={`${td} whitespace-nowrap`} data-col="average-interval">
                {iv(intervalText(t, 'stars', c.averageStars, locale))}
              </td>
              <td className={td} data-col="csat">
                {val(c.csat.value === null ? null : fmtPct(c.csat.value, locale), c.csat.enough)}
                {n(c.csat.n)}
                {few(c.csat)}
                {change('csat', row.change?.csat)}
              </td>
              <td className={`${td} whitespace-nowrap`} data-col="csat-interval">
                {iv(intervalText(t, 'csat', c.csat, locale))}
              </td>
              <td className={td} data-col="nps">
                {val(c.nps.value === null ? null : fmtNps(c.nps.value, locale), c.nps.enough)}
                {n(c.nps.n)}
                {few(c.nps)}
                {change('nps', row.change?.nps)}
              </td>
              <td className={`${td} whitespace-nowrap`} data-col="nps-interval">
                {iv(intervalText(t, 'nps', c.nps, locale))}
              </td>
              <td className={`${td} whitespace-nowrap`} data-col="nps-groups">
                {[c.npsCounts.promoters, c.npsCounts.passives, c.npsCounts.detractors].map((x) => fmtCount(x, locale)).join(' · ')}
                <span className={`block ${xs} text-slate-700`}>{t('dashboard:figures.skipped', { n: fmtCount(c.nps.skipped, locale), count: c.nps.skipped })}</span>
              </td>
              <td className={`${td} whitespace-nowrap`} data-col="sentiment">
                {c.sentiment.positiveShare === null ? '—' : [c.sentiment.positiveShare, c.sentiment.neutralShare!, c.sentiment.negativeShare!].map((x) => fmtPct(x, locale)).join(' · ')}
              </td>
              <td className={td} data-col="designed">
                {em.designed}
              </td>
              <td className={td} data-col="measured">
                {c.emotion.value === null ? (
                  '—'
                ) : (
                  <>
                    <span className="whitespace-nowrap">{fmtEmotion(c.emotion.value, locale)}</span>
                    {intervalText(t, 'emotion', c.emotion, locale) ? <span className={`block ${xs} whitespace-nowrap text-slate-700`}>{intervalText(t, 'emotion', c.emotion, locale)}</span> : null}
                    {few(c.emotion)}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
