import { getT } from '@/lib/i18n/server';
import { lanes, type JourneyDoc } from '@/lib/journeys/model';
import { CurveSvg, curveLabel } from './EmotionCurve';
import { displayItem, rawItems } from './items';

/**
 * The map as one table for paper: stages as columns, lanes as rows. `reviews`: the business's own
 * review line per stage, same order as `stages` ("18 ulasan · ★ 2,8"), a row of its own, and the
 * measured emotion beside the designed one in the row after it; only the owner's print view passes it.
 */
export async function PrintMap({
  stages,
  reviews,
}: {
  stages: JourneyDoc['stages'];
  reviews?: { label: string; lines: string[]; measured?: { label: string; lines: string[] } };
}) {
  const { t } = await getT('versions');
  const { t: tj } = await getT('journeys');
  if (stages.length === 0) return <p className="text-slate-700">{t('map.no_stages')}</p>;
  const channel = (c: string) => tj(`channels.${c}`);
  // A long word with no space (a link, a product code) wraps inside its cell rather than spilling over its neighbours.
  const cell = 'border border-slate-400 p-1.5 align-top wrap-anywhere';
  return (
    // A wide table scrolls sideways on a phone: the region takes keyboard focus so it can be scrolled without a mouse.
    <div
      className="print-map overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 print:overflow-visible"
      role="region"
      aria-label={t('print.table_label')}
      tabIndex={0}
    >
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm print:min-w-0">
        <thead>
          <tr>
            <th scope="col" className={`${cell} w-32 bg-slate-100 text-left`}>
              {t('print.corner')}
            </th>
            {stages.map((s, i) => (
              <th key={i} scope="col" className={`${cell} bg-brand-50 text-left`}>
                <span className="block text-xs font-normal text-slate-700">{t('map.stage_position', { position: i + 1 })}</span>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.some((s) => s.emotion.score !== null) ? (
            <tr>
              <th scope="row" className={`${cell} bg-slate-100 text-left`}>
                {t('map.emotion_curve')}
              </th>
              {/* One cell across the stages: each point sits over its stage's column. */}
              <td colSpan={stages.length} className="border border-slate-400 p-0 py-1">
                <CurveSvg scores={stages.map((s) => s.emotion.score)} label={await curveLabel(stages.map((s) => ({ name: s.name, score: s.emotion.score })))} />
              </td>
            </tr>
          ) : null}
          <tr>
            <th scope="row" className={`${cell} bg-slate-100 text-left`}>
              {tj('lanes.emotion')}
            </th>
            {stages.map((s, i) => (
              <td key={i} className={cell}>
                {s.emotion.score === null ? '—' : tj(`emotions.${s.emotion.score}`)}
                {s.emotion.note ? <span className="block text-slate-700">{s.emotion.note}</span> : null}
              </td>
            ))}
          </tr>
          {reviews ? (
            <tr>
              <th scope="row" className={`${cell} bg-slate-100 text-left`}>
                {reviews.label}
              </th>
              {stages.map((_, i) => (
                <td key={i} className={cell}>
                  {reviews.lines[i]}
                </td>
              ))}
            </tr>
          ) : null}
          {reviews?.measured ? (
            <tr>
              <th scope="row" className={`${cell} bg-slate-100 text-left`}>
                {reviews.measured.label}
              </th>
              {stages.map((_, i) => (
                <td key={i} className={cell}>
                  {reviews.measured!.lines[i]}
                </td>
              ))}
            </tr>
          ) : null}
          {lanes.map((lane) => (
            <tr key={lane}>
              <th scope="row" className={`${cell} bg-slate-100 text-left`}>
                {tj(`lanes.${lane}`)}
              </th>
              {stages.map((s, i) => {
                const items = rawItems(s.lanes, lane);
                return (
                  <td key={i} className={cell}>
                    {items.length ? (
                      <ul className="list-disc space-y-0.5 pl-4">
                        {items.map((raw, j) => (
                          <li key={j}>{displayItem(lane, raw, channel)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row" className={`${cell} bg-slate-100 text-left`}>
              {tj('lanes.metric')}
            </th>
            {stages.map((s, i) => (
              <td key={i} className={cell}>
                {s.metric}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
