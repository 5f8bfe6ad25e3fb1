import { getT } from '@/lib/i18n/server';
import { CurveSvg } from './CurveSvg';

// The SVG itself is pure and shared with the map editor (client code): components/journeys/CurveSvg.tsx.
export { CurveSvg };

/** The accessible name of a curve: every stage with its emotion in words. */
export async function curveLabel(stages: { name: string; score: number | null }[]) {
  const { t } = await getT('versions');
  const { t: tj } = await getT('journeys');
  const described = stages.map((s) => `${s.name}: ${s.score === null ? t('compare.no_emotion') : tj(`emotions.${s.score}`)}`).join('; ');
  return `${t('map.emotion_curve')}: ${described}`;
}

/** The emotion curve across stages with the stage names under their points. */
export async function EmotionCurve({ stages }: { stages: { name: string; score: number | null }[] }) {
  if (!stages.some((s) => s.score !== null)) return null;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white px-1 py-2">
      <CurveSvg scores={stages.map((s) => s.score)} label={await curveLabel(stages)} />
      {/* Names for the eye; the SVG's label already reads them with their emotions. */}
      <div aria-hidden="true" className="mt-1 grid text-center text-xs text-slate-700" style={{ gridTemplateColumns: `repeat(${stages.length}, minmax(0, 1fr))` }}>
        {stages.map((s, i) => (
          <span key={i} className="truncate px-0.5">
            {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}
