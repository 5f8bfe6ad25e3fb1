/**
 * The emotion curve as a plain SVG: no script, no chart library, prints well, and is drawn the
 * same by the server (print, share, compare) and by the map editor in the browser. Pure: no
 * server or client-only imports.
 */

export const CURVE_HEIGHT = 96;
/** −2…+2 drawn from near the bottom to near the top, 0 on the dashed middle line. */
const y = (score: number) => CURVE_HEIGHT / 2 - Math.max(-2.3, Math.min(2.3, score)) * 20;

export const designedColour = '#065f46';
export const measuredColour = '#9a3412';

/** A measured emotion on the same −2…+2 scale, with its interval (e.g. 95 %). */
export interface MeasuredPoint {
  value: number;
  low: number;
  high: number;
}

/**
 * The curve whose points sit at the centres of `scores.length` equal columns: x is in percent,
 * so it lines up with a grid or table of stages at any width without stretching the dots. A
 * stage without a score leaves a gap in the line. `measured` (same order, null where there is
 * no figure): a dashed line with square points over a band for its interval, so the two curves
 * differ by more than colour.
 */
export function CurveSvg({ scores, measured, label, className = 'block' }: { scores: (number | null)[]; measured?: (MeasuredPoint | null)[]; label: string; className?: string }) {
  const n = scores.length;
  const x = (i: number) => `${((i + 0.5) / n) * 100}%`;
  const m = measured ?? [];
  return (
    <svg role="img" aria-label={label} width="100%" height={CURVE_HEIGHT} className={className}>
      <line x1="0" x2="100%" y1={CURVE_HEIGHT / 2} y2={CURVE_HEIGHT / 2} stroke="#94a3b8" strokeDasharray="4 4" />
      {m.some(Boolean) ? (
        <>
          {/* The band, in stage units stretched to the width (a polygon cannot take percentages). */}
          <svg viewBox={`0 0 ${n} ${CURVE_HEIGHT}`} preserveAspectRatio="none" width="100%" height={CURVE_HEIGHT} aria-hidden="true">
            {m.map((p, i) => {
              const q = m[i + 1];
              if (!p || !q) return null;
              const points = [
                [i + 0.5, y(p.high)],
                [i + 1.5, y(q.high)],
                [i + 1.5, y(q.low)],
                [i + 0.5, y(p.low)],
              ]
                .map(([a, b]) => `${a},${b}`)
                .join(' ');
              return <polygon key={`b${i}`} points={points} fill={measuredColour} fillOpacity={0.15} />;
            })}
          </svg>
          {m.map((p, i) =>
            p ? <line key={`i${i}`} x1={x(i)} x2={x(i)} y1={y(p.low)} y2={y(p.high)} stroke={measuredColour} strokeOpacity={0.5} strokeWidth={6} /> : null,
          )}
          {m.map((p, i) => {
            const q = m[i + 1];
            if (!p || !q) return null;
            return <line key={`m${i}`} x1={x(i)} y1={y(p.value)} x2={x(i + 1)} y2={y(q.value)} stroke={measuredColour} strokeWidth={2} strokeDasharray="6 4" />;
          })}
          {m.map((p, i) =>
            p ? (
              <svg key={`s${i}`} x={x(i)} y={y(p.value)} overflow="visible" aria-hidden="true">
                <rect x={-4} y={-4} width={8} height={8} fill={measuredColour} />
              </svg>
            ) : null,
          )}
        </>
      ) : null}
      {scores.map((s, i) => {
        const next = scores[i + 1];
        if (s === null || next === null || next === undefined) return null;
        return <line key={`l${i}`} x1={x(i)} y1={y(s)} x2={x(i + 1)} y2={y(next)} stroke={designedColour} strokeWidth={3} strokeLinecap="round" />;
      })}
      {scores.map((s, i) => (s === null ? null : <circle key={`c${i}`} cx={x(i)} cy={y(s)} r={5} fill={designedColour} />))}
    </svg>
  );
}
