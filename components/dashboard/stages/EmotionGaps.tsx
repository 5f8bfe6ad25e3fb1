/**
 * Where the map and the customers disagree (issue 10, item 3), in plain words: a stage whose
 * measured emotion rests on enough reviews and whose designed emotion lies outside the measured 95 %
 * interval. "Anda mengira tahap Pembelian terasa sangat baik (+2); pelanggan memberi 2,9 ± 0,4 bintang."
 */
import type { StageRow, StageStats } from '@/lib/dashboard/stage-stats';
import type { Locale } from '@/lib/i18n/settings';
import { fmtCount, fmtDesigned, fmtStars, margin, type T } from './text';

export interface EmotionGap {
  row: StageRow;
  worse: boolean;
}

/** The stages where the designed emotion lies clearly outside what customers measured: worse than thought first, then better; largest gap first. */
export function emotionGaps(stats: StageStats): EmotionGap[] {
  const gaps: (EmotionGap & { size: number })[] = [];
  for (const row of stats.stages) {
    const e = row.current.emotion;
    const d = row.designedEmotion;
    if (d === null || !e.enough || e.low === null || e.high === null || e.value === null) continue;
    if (d > e.high) gaps.push({ row, worse: true, size: d - e.value });
    else if (d < e.low) gaps.push({ row, worse: false, size: e.value - d });
  }
  return gaps.sort((a, b) => Number(b.worse) - Number(a.worse) || b.size - a.size).map(({ row, worse }) => ({ row, worse }));
}

export function gapText(t: T, locale: Locale, g: EmotionGap): string {
  const { row } = g;
  const stars = row.current.averageStars;
  const designed = row.designedEmotion!;
  return t(g.worse ? 'dashboard:gaps.worse' : 'dashboard:gaps.better', {
    stage: row.name ?? t('dashboard:stage.removed'),
    feeling: t(`dashboard:gaps.feeling.${designed}`),
    designed: fmtDesigned(designed, locale),
    stars: fmtStars(stars.value!, locale),
    margin: fmtStars(margin(stars) ?? 0, locale),
    n: fmtCount(stars.n, locale),
    count: stars.n,
  });
}

export function EmotionGaps({ t, locale, stats }: { t: T; locale: Locale; stats: StageStats }) {
  const gaps = emotionGaps(stats);
  if (gaps.length === 0) return <p className="mt-2 text-slate-700">{t('dashboard:gaps.none')}</p>;
  return (
    <ul className="mt-2 grid gap-2" aria-label={t('dashboard:gaps.heading')}>
      {gaps.map((g) => (
        <li
          key={g.row.stageId}
          data-gap={g.worse ? 'worse' : 'better'}
          className={`rounded-lg border-l-4 p-3 ${g.worse ? 'border-red-700 bg-red-50 text-red-950' : 'border-emerald-700 bg-emerald-50 text-emerald-950'}`}
        >
          <strong className="block">{g.worse ? t('dashboard:gaps.worse_label') : t('dashboard:gaps.better_label')}</strong>
          {gapText(t, locale, g)}
        </li>
      ))}
    </ul>
  );
}
