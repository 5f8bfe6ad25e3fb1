'use client';

import { useTranslation } from 'react-i18next';
import { CurveSvg, designedColour, measuredColour } from '@/components/journeys/CurveSvg';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import type { StageReviewLine } from './StageReviews';

/**
 * The emotion curve as the map is being edited: the designed one, and for members who may read
 * reviews the one measured from customers' stars (stars − 3) with its 95 % interval, in one SVG
 * (CurveSvg, shared with print and share). Its accessible name reads every stage's emotion, and
 * the measured figure beside it.
 */
export function MapCurve({
  stages,
  withReviews,
  numbered = false,
}: {
  stages: { name: string; score: number | null; line?: StageReviewLine }[];
  withReviews: boolean;
  /** Stage numbers under the points (a phone, where the columns are not beside it). */
  numbered?: boolean;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const measured = stages.map((s) => (s.line?.kind === 'reviews' ? s.line.measured.point : null));
  const anyScore = stages.some((s) => s.score !== null);
  const anyMeasured = measured.some(Boolean);
  // Held at the left of a grid scrolled sideways, so it is read from its start.
  if (!anyScore && !anyMeasured) return <p className="sticky left-36 max-w-xl px-2 py-2 text-sm text-slate-700">{t('curve.empty')}</p>;
  const label = `${t('curve.table_caption')}: ${stages
    .map((s) => {
      const designed = s.score === null ? t('editor.emotion_none') : tj(`emotions.${s.score}`);
      const line = s.line;
      const real = withReviews && line ? `, ${t('curve.measured_column')}: ${line.kind === 'reviews' ? line.measured.text : line.text}` : '';
      return `${s.name}: ${designed}${real}`;
    })
    .join('; ')}`;
  return (
    <div>
      <CurveSvg scores={stages.map((s) => s.score)} measured={anyMeasured ? measured : undefined} label={label} />
      {numbered ? (
        <div aria-hidden="true" className="grid text-center text-xs text-slate-700" style={{ gridTemplateColumns: `repeat(${stages.length}, minmax(0, 1fr))` }}>
          {stages.map((_, i) => (
            <span key={i}>{i + 1}</span>
          ))}
        </div>
      ) : null}
      <p className="px-2 text-xs text-slate-700">{t('curve.scale')}</p>
      {withReviews ? (
        <ul className="space-y-0.5 px-2 text-xs text-slate-700">
          <li className="flex gap-2">
            <span aria-hidden="true" className="mt-1.5 inline-block h-0 w-6 shrink-0 border-t-[3px] border-solid" style={{ borderColor: designedColour }} />
            <span>{t('curve.designed_legend')}</span>
          </li>
          <li className="flex gap-2">
            <span aria-hidden="true" className="mt-1.5 inline-block h-0 w-6 shrink-0 border-t-2 border-dashed" style={{ borderColor: measuredColour }} />
            <span>{t('curve.measured_legend', { min: MIN_SAMPLE })}</span>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
