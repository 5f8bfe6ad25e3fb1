'use client';

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';

export interface EmotionPoint {
  name: string;
  /** The emotion the owner drew on the map (−2…+2), null when none. */
  designed: number | null;
  /** Stars − 3, averaged (null without reviews). */
  measured: number | null;
  /** The measured emotion's 95 % interval, null without one. */
  band: [number, number] | null;
}

const ticks = [-2, -1, 0, 1, 2];
const shortName = (name: string) => (name.length > 14 ? `${name.slice(0, 13).trimEnd()}…` : name);
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/** A square marker for the designed curve, so the two curves differ in shape, not only colour. */
function Square(props: { cx?: number; cy?: number; index?: number }) {
  if (props.cx === undefined || props.cy === undefined) return null;
  return <rect key={`sq-${props.index}`} x={props.cx - 5} y={props.cy - 5} width={10} height={10} fill="#7c2d12" />;
}

/**
 * Designed vs measured emotion per stage (issue 10, item 3): the owner's curve (dashed, squares),
 * the customers' curve (solid, dots) and its 95 % interval as a shaded band, on one −2…+2 axis.
 * For the eye only (aria-hidden): the stage table and the gap notes say the same in words.
 */
export function EmotionCompareChart({ points }: { points: EmotionPoint[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <div>
      <div aria-hidden="true" className="mt-2">
        <ComposedChart responsive accessibilityLayer={false} data={points} margin={{ top: 8, right: 12, bottom: 8, left: 0 }} style={{ width: '100%', height: 260 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="name" interval={0} angle={-25} textAnchor="end" height={64} padding={{ left: 28, right: 8 }} tick={{ fill: '#334155', fontSize: 12 }} tickFormatter={shortName} />
          <YAxis domain={[-2, 2]} ticks={ticks} allowDecimals={false} width={30} tick={{ fill: '#334155', fontSize: 12 }} tickFormatter={signed} />
          <ReferenceLine y={0} stroke="#64748b" strokeDasharray="4 4" />
          <Area dataKey="band" type="linear" stroke="none" fill="#0e7490" fillOpacity={0.18} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="designed" type="linear" stroke="#7c2d12" strokeWidth={2} strokeDasharray="6 4" dot={<Square />} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="measured" type="linear" stroke="#0e7490" strokeWidth={3} dot={{ r: 5, fill: '#0e7490' }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
        <li className="inline-flex items-center gap-2">
          <svg aria-hidden="true" width="28" height="12" viewBox="0 0 28 12">
            <line x1="0" y1="6" x2="28" y2="6" stroke="#7c2d12" strokeWidth="2" strokeDasharray="6 4" />
            <rect x="9" y="1" width="10" height="10" fill="#7c2d12" />
          </svg>
          {t('chart.designed')}
        </li>
        <li className="inline-flex items-center gap-2">
          <svg aria-hidden="true" width="28" height="12" viewBox="0 0 28 12">
            <line x1="0" y1="6" x2="28" y2="6" stroke="#0e7490" strokeWidth="3" />
            <circle cx="14" cy="6" r="5" fill="#0e7490" />
          </svg>
          {t('chart.measured')}
        </li>
        <li className="inline-flex items-center gap-2">
          <svg aria-hidden="true" width="28" height="12" viewBox="0 0 28 12">
            <rect x="0" y="0" width="28" height="12" fill="#0e7490" fillOpacity="0.18" />
          </svg>
          {t('chart.band')}
        </li>
      </ul>
      <p className="mt-1 text-sm text-slate-700">{t('chart.scale')}</p>
    </div>
  );
}
