/**
 * The period the figures cover and the one they are compared with, in the business's time zone:
 * "1 September 2026 – 29 November 2026 (WIB) · dibandingkan dengan 3 Juni – 31 Agustus 2026".
 */
import type { StageChoice } from '@/lib/dashboard/filters';
import type { StageStats } from '@/lib/dashboard/stage-stats';
import { zoneAbbreviation, type TimeZone } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/settings';
import { fmtDay, stageTitle, type T } from './text';

export function periodText(t: T, locale: Locale, tz: TimeZone, stats: StageStats): { period: string; previous: string | null } {
  const zone = zoneAbbreviation(tz);
  const to = fmtDay(stats.period.to, locale, tz);
  const period = stats.period.from
    ? t('dashboard:period.between', { from: fmtDay(stats.period.from, locale, tz), to, zone })
    : t('dashboard:period.all_time', { to, zone });
  const p = stats.previousPeriod;
  const previous = p?.from ? t('dashboard:period.previous', { from: fmtDay(p.from, locale, tz), to: fmtDay(p.to, locale, tz) }) : null;
  return { period, previous };
}

export function PeriodLine({ t, locale, tz, stats }: { t: T; locale: Locale; tz: TimeZone; stats: StageStats }) {
  const { period, previous } = periodText(t, locale, tz, stats);
  return (
    <p className="text-slate-800" data-period="">
      <span className="font-medium">{period}</span>
      {previous ? <span className="block text-sm text-slate-700">{previous}</span> : <span className="block text-sm text-slate-700">{t('dashboard:period.no_previous')}</span>}
    </p>
  );
}

/** Stage id → its model key, for the plain subtitles. */
export function stageKeys(stages: readonly StageChoice[]): Record<string, string | null> {
  return Object.fromEntries(stages.map((s) => [s.id, s.key]));
}

/** "Kesadaran (mulai kenal)" in the stage select. */
export function stageOptionLabel(t: T, s: StageChoice): string {
  const title = stageTitle(t, s.name, s.key);
  return title.plain ? `${title.name} (${title.plain})` : title.name;
}
