import { getT } from '@/lib/i18n/server';
import { lanes, type JourneyDoc, type Lane } from '@/lib/journeys/model';
import { displayItem, rawItems } from './items';

export type Mark = 'added' | 'removed';

/** What to highlight in one stage when comparing: the whole stage, or some of its items. */
export interface StageMarks {
  stage?: Mark;
  items?: Partial<Record<Lane, { mark: Mark; texts: string[] }>>;
}

const markStyle: Record<Mark, string> = {
  added: 'border-green-700 bg-green-50 text-green-900',
  removed: 'border-red-700 bg-red-50 text-red-900',
};

/**
 * The stages of a map, read-only: one card per stage (stacked on a phone, in a grid on wide
 * screens). Lanes with nothing in them are left out. Highlights always carry a text marker.
 *
 * This is what a share link's visitor sees (app/share): deliberately no review counts or stars
 * here. A share link shows the map, not the business's review figures; those are for its members
 * (the editor's StageReviews and the print view, through lib/reviews/stage-summary.ts).
 */
export async function StageCards({
  stages,
  marks = [],
  layout = 'grid',
}: {
  stages: JourneyDoc['stages'];
  marks?: StageMarks[];
  layout?: 'grid' | 'stack';
}) {
  const { t } = await getT('versions');
  const { t: tj } = await getT('journeys');
  const channel = (c: string) => tj(`channels.${c}`);
  if (stages.length === 0) return <p className="text-slate-700">{t('map.no_stages')}</p>;
  return (
    <ol aria-label={t('map.stages_label')} className={`grid gap-3 ${layout === 'grid' ? 'sm:grid-cols-2 lg:grid-cols-3' : ''}`}>
      {stages.map((s, i) => {
        const m = marks[i] ?? {};
        return (
          // min-w-0 and wrap-anywhere: a long word with no space wraps instead of widening the grid and the page.
          <li key={i} className={`min-w-0 rounded-xl border-2 p-4 shadow-sm wrap-anywhere ${m.stage ? markStyle[m.stage] : 'border-transparent bg-white'}`}>
            {m.stage ? <p className="mb-1 text-sm font-bold">{t(m.stage === 'added' ? 'map.added_stage' : 'map.removed_stage')}</p> : null}
            <p className="text-sm text-slate-700">{t('map.stage_position', { position: i + 1 })}</p>
            <h3 className="text-lg font-semibold text-slate-900">{s.name}</h3>
            <p className="mt-1 text-sm text-slate-800">
              {s.emotion.score === null ? t('map.emotion_none') : t('map.emotion', { emotion: tj(`emotions.${s.emotion.score}`) })}
              {s.emotion.note ? ` — ${s.emotion.note}` : ''}
            </p>
            <dl className="mt-3 space-y-2">
              {lanes.map((lane) => {
                const items = rawItems(s.lanes, lane);
                if (items.length === 0) return null;
                const hl = m.items?.[lane];
                return (
                  <div key={lane}>
                    <dt className="text-sm font-semibold text-slate-800">{tj(`lanes.${lane}`)}</dt>
                    <dd>
                      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-900">
                        {items.map((raw, j) => {
                          const mark = hl && hl.texts.includes(raw) ? hl.mark : null;
                          return (
                            <li key={j} className={mark ? `rounded border px-1 ${markStyle[mark]}` : undefined}>
                              {mark ? <span className="font-semibold">{t(mark === 'added' ? 'map.added_item' : 'map.removed_item')} </span> : null}
                              {displayItem(lane, raw, channel)}
                            </li>
                          );
                        })}
                      </ul>
                    </dd>
                  </div>
                );
              })}
            </dl>
            {s.metric ? <p className="mt-3 text-sm text-slate-800">{t('map.metric', { metric: s.metric })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
