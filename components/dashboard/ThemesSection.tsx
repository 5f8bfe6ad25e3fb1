'use client';

import { useTranslation } from 'react-i18next';
import type { StageStatsFilter } from '@/lib/dashboard/stage-stats';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import type { StageThemes, StageThemesResult, ThemeSide, ThemeTerm } from '@/lib/dashboard/themes-query';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';
import { asLocale, formatDay } from './trend/format';

type Side = 'negative' | 'positive';

/** Themes shown at once per stage and side; the rest behind "more". */
const SHOWN = 3;

/**
 * One list per side: phrases and words by how many reviews mention them (phrases first on a tie),
 * without a word that only repeats a listed phrase ("antri" 3 beside "antri lama" 3).
 */
export function rankTerms(s: Pick<ThemeSide, 'phrases' | 'words'>): ThemeTerm[] {
  const words = s.words.filter((w) => !s.phrases.some((p) => p.count === w.count && p.term.split(' ').includes(w.term)));
  return [...s.phrases.map((p) => ({ ...p, phrase: true })), ...words.map((w) => ({ ...w, phrase: false }))]
    .sort((a, b) => b.count - a.count || Number(b.phrase) - Number(a.phrase))
    .map(({ term, count }) => ({ term, count }));
}

/**
 * Which of a stage's comments its themes come from (`t` of the `trends` namespace): "Dari 500
 * komentar terbaru tahap ini (sejak 3 Maret 2026) …" only when that stage had more comments in the
 * period than its window; otherwise "Dari semua N komentar pada periode ini."
 */
export function stageWindowText(
  t: (key: string, opts?: Record<string, unknown>) => string,
  stage: Pick<StageThemes, 'read' | 'windowHit' | 'oldestDay'>,
  themes: Pick<StageThemesResult, 'window' | 'timeZone'>,
  locale: Locale,
): string {
  if (stage.windowHit && stage.oldestDay) return t('themes.window_hit', { n: formatNumber(themes.window, locale), day: formatDay(stage.oldestDay, locale, themes.timeZone) });
  return stage.read === 1 ? t('themes.window_single') : t('themes.window_all', { n: formatNumber(stage.read, locale) });
}

/**
 * The review inbox showing the reviews behind a theme: the journey, the stage, the period, the link
 * filter if any, the side (1–2★ or 4–5★) and the term, matched as the themes count it (casual
 * spellings folded, stopwords between the words allowed: lib/dashboard/themes.ts, themePattern).
 */
export function themeReviewsHref(filter: Pick<StageStatsFilter, 'journey' | 'link'>, period: { from: string | null; to: string }, stageId: string, side: Side, term: string): string {
  const p = new URLSearchParams();
  p.set('journey', filter.journey);
  p.set('stage', stageId);
  if (filter.link) p.set('link', filter.link);
  if (period.from) p.set('from', period.from);
  p.set('to', period.to);
  p.set('sentiment', side);
  p.set('theme', term);
  return `/reviews?${p.toString()}#inbox`;
}

/**
 * What customers talk about (issue 10, item 6): per stage, the phrases and words most mentioned in
 * the comments of unhappy (1–2★) and happy (4–5★) reviews, each with how many reviews mention it and
 * a link to those reviews in the inbox. Says per stage which comments it read: "from the 500 most
 * recent comments on this stage (since …)" only when that stage had more than its window.
 */
export function ThemesSection({ themes, filter }: { themes: StageThemesResult; filter: StageStatsFilter }) {
  const { t, i18n } = useTranslation('trends');
  const locale = asLocale(i18n.language);
  const num = (v: number) => formatNumber(v, locale);
  const headingId = 'themes-heading';
  const anyComment = themes.stages.some((s) => s.negative.comments + s.positive.comments > 0);

  const chips = (stage: StageThemes, side: Side, terms: ThemeTerm[]) => (
    <ul className="mt-2 flex flex-wrap gap-2">
      {terms.map((term) => (
        <li key={term.term}>
          <a
            href={themeReviewsHref(filter, themes.period, stage.stageId, side, term.term)}
            aria-label={t('themes.term_link', { term: term.term, stars: side === 'negative' ? '1–2' : '4–5', reviews: t('themes.term_count', { count: term.count, n: num(term.count) }) })}
            className="inline-flex min-h-11 items-center gap-1 rounded-full border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-900 hover:border-brand-700 hover:bg-slate-50"
          >
            <span className="font-medium text-brand-800 underline underline-offset-2">{term.term}</span>
            <span aria-hidden="true" className="text-slate-700">
              · {t('themes.term_count', { count: term.count, n: num(term.count) })}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );

  const side = (stage: StageThemes, which: Side, s: ThemeSide) => {
    const ranked = rankTerms(s);
    const shown = ranked.slice(0, SHOWN);
    const more = ranked.slice(SHOWN);
    return (
      <div className={`rounded-lg border p-3 ${which === 'negative' ? 'border-red-200 bg-red-50/40' : 'border-emerald-200 bg-emerald-50/40'}`}>
        <h4 className="font-semibold">
          <span aria-hidden="true">{which === 'negative' ? '▼ ' : '▲ '}</span>
          {t(`themes.${which}`)}
        </h4>
        <p className="text-sm text-slate-700">
          {t('themes.comments', { count: s.comments, n: num(s.comments) })}
          {s.comments > 0 && s.comments < MIN_SAMPLE ? ` · ${t('themes.few')}` : ''}
        </p>
        {ranked.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{s.comments === 0 ? t('themes.none') : t('themes.no_terms')}</p>
        ) : (
          <>
            {chips(stage, which, shown)}
            {more.length > 0 && (
              <details className="mt-1">
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-800">{t('themes.more', { n: num(more.length) })}</summary>
                {chips(stage, which, more)}
              </details>
            )}
          </>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('themes.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('themes.intro')}</p>
      {!anyComment ? (
        <p className="mt-3 rounded-lg bg-slate-50 p-3 text-slate-800">{t('themes.empty')}</p>
      ) : (
        <>
          <ul className="mt-3 space-y-4">
            {themes.stages.map((stage) => (
              <li key={stage.stageId}>
                <h3 className="font-semibold">{stage.name ?? t('themes.removed_stage')}</h3>
                {stage.negative.comments + stage.positive.comments === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">{t('themes.stage_none')}</p>
                ) : (
                  <>
                    <p data-window={stage.windowHit ? 'hit' : 'all'} className="text-sm text-slate-700">
                      {stageWindowText(t, stage, themes, locale)}
                    </p>
                    <div className="mt-2 grid gap-3 md:grid-cols-2">
                      {side(stage, 'negative', stage.negative)}
                      {side(stage, 'positive', stage.positive)}
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
