/**
 * One figure of the stage dashboard, honestly: with its sample size, its 95 % interval behind a
 * <details> (a tap, a click, or Enter on the keyboard opens it; a mouse hover shows it as a title),
 * and below the minimum sample the words "too few reviews yet — about N more" instead of a bold
 * number. And a change between periods in words, with an arrow and a colour (never colour alone).
 */
import type { Comparison, Estimate } from '@/lib/dashboard/stats';
import type { Locale } from '@/lib/i18n/settings';
import { changeText, fmtCount, fmtValue, intervalText, type Kind, type T } from './text';

interface FigureProps {
  t: T;
  locale: Locale;
  kind: Kind;
  e: Estimate;
  /** What the figure is, for screen readers and the hover title ("CSAT"). */
  label: string;
  /** "95 ulasan" / "60 jawaban NPS" (already counted by the caller). */
  base: string;
}

export function Figure({ t, locale, kind, e, label, base }: FigureProps) {
  if (e.n === 0 || e.value === null) return <span className="text-slate-700">{kind === 'nps' ? t('dashboard:figures.no_answers') : t('dashboard:figures.no_reviews')}</span>;
  const value = fmtValue(kind, e.value, locale);
  const interval = intervalText(t, kind, e, locale);
  if (!e.enough) {
    return (
      <span className="block">
        <span className="block font-medium text-amber-900">{t('dashboard:figures.too_few', { n: fmtCount(e.moreNeeded, locale), count: e.moreNeeded })}</span>
        <span className="block text-sm text-slate-700">{t('dashboard:figures.tentative', { value, base })}</span>
      </span>
    );
  }
  if (!interval) {
    return (
      <span>
        <strong className="text-lg">{value}</strong> <span className="text-sm text-slate-700">{base}</span>
      </span>
    );
  }
  return (
    <details className="group inline-block align-top" data-figure={kind}>
      <summary
        title={t('dashboard:figures.interval_title', { label, interval })}
        className="inline-flex min-h-11 cursor-pointer list-none flex-wrap items-baseline gap-x-1.5 rounded-md py-1 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden"
      >
        <strong className="text-lg">{value}</strong>
        <span className="text-sm text-slate-700">{base}</span>
        <span className="text-sm text-brand-800 underline decoration-dotted">{t('dashboard:figures.interval_toggle')}</span>
      </summary>
      <span className="mt-1 block rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-800">{t('dashboard:figures.interval_body', { label, interval })}</span>
    </details>
  );
}

const toneClass = { up: 'text-emerald-800', down: 'text-red-800', uncertain: 'text-slate-700' } as const;

/** "↑ naik 0,4" (green), "↓ turun 12 poin" (red), "≈ belum bisa dipastikan" (grey); "—" without a previous period. */
export function ChangeText({ t, locale, kind, c }: { t: T; locale: Locale; kind: 'stars' | 'csat' | 'nps'; c: Comparison | null | undefined }) {
  // No previous period, or one of the two without reviews: nothing to compare.
  if (!c || c.difference === null) return <span className="text-slate-700">{t('dashboard:change.none')}</span>;
  const { text, arrow, tone } = changeText(t, kind, c, locale);
  return (
    <span className={`inline-flex items-baseline gap-1 font-medium ${toneClass[tone]}`} data-change={tone}>
      <span aria-hidden="true">{arrow}</span>
      <span>{text}</span>
    </span>
  );
}
