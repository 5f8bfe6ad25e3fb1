'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';

const ticks = [-2, -1, 0, 1, 2];

/** Stage names under the curve are slanted and kept short, so they fit a phone's width. */
const shortName = (name: string) => (name.length > 14 ? `${name.slice(0, 13).trimEnd()}…` : name);

/**
 * The emotion curve across stages as the map is being edited. The chart is for the eye only; the
 * same values are read out from the table beside it. A stage without a score leaves a gap.
 */
export function EmotionChart({ stages }: { stages: { uid: string; name: string; score: number | null }[] }) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const data = stages.map((s, i) => ({ name: s.name.trim() || t('editor.untitled', { n: i + 1 }), score: s.score }));
  const anyScore = stages.some((s) => s.score !== null);
  return (
    <section aria-labelledby="emotion-curve-heading" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="emotion-curve-heading" className="text-lg font-semibold">
        {t('curve.heading')}
      </h2>
      {anyScore ? (
        <>
          <div aria-hidden="true" className="mt-3">
            <LineChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} style={{ width: '100%', height: 220 }}>
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
              <Line type="monotone" dataKey="score" stroke="#065f46" strokeWidth={3} dot={{ r: 5, fill: '#065f46' }} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </div>
          <p className="mt-1 text-sm text-slate-700">{t('curve.scale')}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('curve.empty')}</p>
      )}
      <table className="sr-only">
        <caption>{t('curve.table_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('curve.stage')}</th>
            <th scope="col">{tj('lanes.emotion')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s, i) => (
            <tr key={s.uid}>
              <th scope="row">{data[i]!.name}</th>
              <td>{s.score === null ? t('editor.emotion_none') : tj(`emotions.${s.score}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
