import { getT } from '@/lib/i18n/server';

const HEIGHT = 96;
/** −2…+2 drawn from near the bottom to near the top, 0 on the dashed middle line. */
const y = (score: number) => HEIGHT / 2 - score * 20;

/**
 * The curve alone, as a plain SVG (no script, prints well) whose points sit at the centres of
 * `stages.length` equal columns: x is in percent, so it lines up with a grid or table of stages
 * at any width without stretching the dots. A stage without a score leaves a gap in the line.
 */
export function CurveSvg({ scores, label }: { scores: (number | null)[]; label: string }) {
  const x = (i: number) => `${((i + 0.5) / scores.length) * 100}%`;
  return (
    <svg role="img" aria-label={label} width="100%" height={HEIGHT} className="block">
      <line x1="0" x2="100%" y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="#94a3b8" strokeDasharray="4 4" />
      {scores.map((s, i) => {
        const next = scores[i + 1];
        if (s === null || next === null || next === undefined) return null;
        return <line key={`l${i}`} x1={x(i)} y1={y(s)} x2={x(i + 1)} y2={y(next)} stroke="#065f46" strokeWidth={3} strokeLinecap="round" />;
      })}
      {scores.map((s, i) => (s === null ? null : <circle key={`c${i}`} cx={x(i)} cy={y(s)} r={5} fill="#065f46" />))}
    </svg>
  );
}

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
