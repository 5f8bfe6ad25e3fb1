'use client';

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { MIN_SAMPLE } from '@/lib/dashboard/stats';
import type { StageReviewLine } from './StageReviews';

const ticks = [-2, -1, 0, 1, 2];

/** Stage names under the curve are slanted and kept short, so they fit a phone's width. */
const shortName = (name: string) => (name.length > 14 ? `${name.slice(0, 13).trimEnd()}…` : name);

const designedColour = '#065f46';
const measuredColour = '#9a3412';

/** The measured points are squares (the designed ones round): told apart without colour. */
function SquareDot(props: { cx?: number | null; cy?: number | null; index?: number }) {
  const { cx, cy, index } = props;
  if (typeof cx !== 'number' || typeof cy !== 'number' || Number.isNaN(cx) || Number.isNaN(cy)) return <g key={`m-${index}`} />;
  return <rect key={`m-${index}`} x={cx - 4} y={cy - 4} width={8} height={8} fill={measuredColour} />;
}

/**
 * The emotion curve across stages as the map is being edited, and, for members who may read
 * reviews (`reviews`, by saved stage id), the curve measured from customers' stars (stars − 3) with
 * its 95 % interval as a band, on the same −2…+2 axis: a solid line for the design, a dashed one
 * with square points for the measurement, so the two differ by more than colour. A stage with
 * fewer than MIN_SAMPLE reviews has no measured point. The chart is for the eye only; the same
 * values are read out from the table beside it. A stage without a score leaves a gap.
 */
export function EmotionChart({
  stages,
  reviews,
}: {
  stages: { uid: string; id?: string | null; name: string; score: number | null }[];
  reviews?: Record<string, StageReviewLine>;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const lineOf = (id: string | null | undefined) => {
    const line = id ? reviews?.[id] : undefined;
    return line?.kind === 'reviews' ? line : undefined;
  };
  const data = stages.map((s, i) => {
    const point = lineOf(s.id)?.measured.point ?? null;
    return {
      name: s.name.trim() || t('editor.untitled', { n: i + 1 }),
      score: s.score,
      measured: point ? point.value : null,
      band: point ? [point.low, point.high] : null,
    };
  });
  const anyScore = stages.some((s) => s.score !== null);
  const anyMeasured = data.some((d) => d.measured !== null);
  return (
    <section aria-labelledby="emotion-curve-heading" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="emotion-curve-heading" className="text-lg font-semibold">
        {t('curve.heading')}
      </h2>
      {anyScore || anyMeasured ? (
        <>
          <div aria-hidden="true" className="mt-3" data-testid="emotion-chart">
            <ComposedChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} style={{ width: '100%', height: 220 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis
                dataKey="name"
                interval={0}
                angle={-25}
                textAnchor="end"
                height={60}
                // Room left of the first point for its slanted label.
                padding={{ left: 36, right: 8 }}
                tick={{ fill: '#334155', fontSize: 12 }}
                tickFormatter={shortName}
              />
              <YAxis domain={[-2, 2]} ticks={ticks} allowDecimals={false} width={32} tick={{ fill: '#334155', fontSize: 12 }} tickFormatter={(v: number) => (v > 0 ? `+${v}` : String(v))} />
              <ReferenceLine y={0} stroke="#64748b" strokeDasharray="4 4" />
              {anyMeasured ? (
                <>
                  <Area type="linear" dataKey="band" stroke="none" fill={measuredColour} fillOpacity={0.15} connectNulls={false} isAnimationActive={false} />
                  <Line
                    type="linear"
                    dataKey="measured"
                    stroke={measuredColour}
                    strokeWidth={2}
                    strokeDasharray="6 4"
                    dot={SquareDot}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                </>
              ) : null}
              <Line type="monotone" dataKey="score" stroke={designedColour} strokeWidth={3} dot={{ r: 5, fill: designedColour }} connectNulls={false} isAnimationActive={false} />
            </ComposedChart>
          </div>
          <p className="mt-1 text-sm text-slate-700">{t('curve.scale')}</p>
          {reviews ? (
            <ul className="mt-1 space-y-1 text-sm text-slate-700">
              <li className="flex gap-2">
                <span aria-hidden="true" className="mt-2 inline-block h-0 w-6 shrink-0 border-t-[3px] border-solid" style={{ borderColor: designedColour }} />
                <span>{t('curve.designed_legend')}</span>
              </li>
              <li className="flex gap-2">
                <span aria-hidden="true" className="mt-2 inline-block h-0 w-6 shrink-0 border-t-2 border-dashed" style={{ borderColor: measuredColour }} />
                <span>{t('curve.measured_legend', { min: MIN_SAMPLE })}</span>
              </li>
            </ul>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('curve.empty')}</p>
      )}
      {/* A block of its own hides the table: a table ignores sr-only's 1 px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{t('curve.table_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('curve.stage')}</th>
              <th scope="col">{reviews ? t('curve.designed_column') : tj('lanes.emotion')}</th>
              {reviews ? <th scope="col">{t('curve.measured_column')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {stages.map((s, i) => {
              const line = reviews ? (s.id ? reviews[s.id] : undefined) : undefined;
              return (
                <tr key={s.uid}>
                  <th scope="row">{data[i]!.name}</th>
                  <td>{s.score === null ? t('editor.emotion_none') : tj(`emotions.${s.score}`)}</td>
                  {reviews ? <td>{line?.kind === 'reviews' ? line.measured.text : line ? line.text : '—'}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
