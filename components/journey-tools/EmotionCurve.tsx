import { getT } from '@/lib/i18n/server';

const STEP = 100;
const HEIGHT = 100;
const y = (score: number) => HEIGHT / 2 - score * 20;

/**
 * The emotion curve across stages as a plain SVG (no script, prints well). Its accessible name
 * reads the same values as text; a stage without a score leaves a gap in the line.
 */
export async function EmotionCurve({ stages }: { stages: { name: string; score: number | null }[] }) {
  if (!stages.some((s) => s.score !== null)) return null;
  const { t } = await getT('versions');
  const { t: tj } = await getT('journeys');
  const described = stages.map((s) => `${s.name}: ${s.score === null ? t('compare.no_emotion') : tj(`emotions.${s.score}`)}`).join('; ');
  const segments: { x: number; y: number }[][] = [[]];
  stages.forEach((s, i) => {
    if (s.score === null) segments.push([]);
    else segments[segments.length - 1]!.push({ x: i * STEP + STEP / 2, y: y(s.score) });
  });
  const width = stages.length * STEP;
  return (
    <svg
      role="img"
      aria-label={`${t('map.emotion_curve')}: ${described}`}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      className="h-auto max-h-40 w-full rounded-lg border border-slate-200 bg-white"
    >
      <line x1={0} x2={width} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="#94a3b8" strokeDasharray="4 4" />
      {segments
        .filter((seg) => seg.length > 1)
        .map((seg, i) => (
          <polyline key={i} points={seg.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#065f46" strokeWidth={3} />
        ))}
      {segments.flat().map((p) => (
        <circle key={p.x} cx={p.x} cy={p.y} r={5} fill="#065f46" />
      ))}
    </svg>
  );
}
