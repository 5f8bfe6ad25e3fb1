import { getT } from '@/lib/i18n/server';
import type { StageChange } from '@/lib/journeys/model';
import { displayItem } from './items';

const tone = {
  added: 'border-green-700 bg-green-50 text-green-900',
  removed: 'border-red-700 bg-red-50 text-red-900',
  changed: 'border-slate-300 bg-white text-slate-900',
};

function Marker({ children }: { children: string }) {
  return <span className="mr-1 font-bold">{children}</span>;
}

/** diffJourneys()'s changes as sentences; every highlight also says in words what happened. */
export async function ChangeList({ changes }: { changes: StageChange[] }) {
  const { t } = await getT('versions');
  const { t: tj } = await getT('journeys');
  if (changes.length === 0) return <p className="text-slate-700">{t('compare.no_changes')}</p>;
  const emotion = (score: number | null) => (score === null ? t('compare.no_emotion') : tj(`emotions.${score}`));
  const text = (v: string) => v || t('compare.empty_value');
  const channel = (c: string) => tj(`channels.${c}`);
  return (
    <ul className="space-y-2">
      {changes.map((c, i) => {
        switch (c.kind) {
          case 'added':
          case 'removed':
            return (
              <li key={i} className={`rounded-lg border-l-4 px-3 py-2 ${tone[c.kind]}`}>
                <Marker>{t(c.kind === 'added' ? 'compare.added_marker' : 'compare.removed_marker')}</Marker>
                {t('compare.stage', { name: c.name, position: c.index + 1 })}
              </li>
            );
          case 'items':
            return (
              <li key={i} className={`rounded-lg border-l-4 px-3 py-2 ${tone.changed}`}>
                <Marker>{t('compare.changed_marker')}</Marker>
                {t('compare.items', { lane: tj(`lanes.${c.lane}`), name: c.name })}
                <ul className="mt-1 space-y-1">
                  {c.added.map((x, j) => (
                    <li key={`a${j}`} className={`rounded border px-2 py-1 text-sm ${tone.added}`}>
                      <Marker>{t('compare.added_marker')}</Marker>
                      {displayItem(c.lane, x, channel)}
                    </li>
                  ))}
                  {c.removed.map((x, j) => (
                    <li key={`r${j}`} className={`rounded border px-2 py-1 text-sm ${tone.removed}`}>
                      <Marker>{t('compare.removed_marker')}</Marker>
                      {displayItem(c.lane, x, channel)}
                    </li>
                  ))}
                </ul>
              </li>
            );
          default:
            return (
              <li key={i} className={`rounded-lg border-l-4 px-3 py-2 ${tone.changed}`}>
                <Marker>{t('compare.changed_marker')}</Marker>
                {c.kind === 'renamed'
                  ? t('compare.renamed', { from: c.from, to: c.to })
                  : c.kind === 'moved'
                    ? t('compare.moved', { name: c.name, from: c.from + 1, to: c.to + 1 })
                    : c.kind === 'emotion'
                      ? t('compare.emotion', { name: c.name, from: emotion(c.from), to: emotion(c.to) })
                      : t('compare.metric', { name: c.name, from: text(c.from), to: text(c.to) })}
              </li>
            );
        }
      })}
    </ul>
  );
}
