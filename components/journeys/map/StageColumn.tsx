'use client';

import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@/lib/journeys/limits';
import { plainSubtitleKey } from '@/lib/journeys/stage-plain';
import { fieldId, type EditorStage } from './editor-state';
import { gridLanes, ROW, useGrid, type Editing } from './grid-api';
import { fieldClass, GroupEditor, TextEditor, type How } from './InPlace';
import { ItemMenu } from './ItemMenu';
import { itemButton, LaneCell } from './LaneCell';
import { StageReviews, type StageReviewLine } from './StageReviews';

const scores = [-2, -1, 0, 1, 2] as const;
const emotionTone: Record<string, string> = {
  '-2': 'bg-red-100 text-red-900',
  '-1': 'bg-orange-100 text-orange-900',
  '0': 'bg-slate-100 text-slate-900',
  '1': 'bg-emerald-100 text-emerald-900',
  '2': 'bg-emerald-200 text-emerald-950',
};

/** A cell of the grid: a row of the wide grid, a section of the stage on a phone. */
function Cell({ row, children, className = '' }: { row: number; children: ReactNode; className?: string }) {
  return (
    <div style={{ gridRow: row }} className={`min-w-0 border-t border-slate-200 px-2 py-2 ${className}`}>
      {children}
    </div>
  );
}

/**
 * One stage of the map: a column of the grid on a laptop (its cells line up with the lane rows
 * through a CSS subgrid), one screen of the swipe on a phone with its lanes as sections. Re-renders
 * only when this stage changes or starts/stops being edited.
 */
export const StageColumn = memo(function StageColumn({
  stage,
  index,
  total,
  editing,
  nameError,
  reviews,
}: {
  stage: EditorStage;
  index: number;
  total: number;
  /** What is being edited in this stage, if anything. */
  editing: Editing | null;
  /** A translated reason the stage's name cannot be saved. */
  nameError?: string;
  reviews?: StageReviewLine;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const { t: tc } = useTranslation('common');
  const api = useGrid();
  const { uid } = stage;
  const shownName = stage.name.trim() || t('editor.untitled', { n: index + 1 });
  // "Kesadaran" → "mulai kenal usaha Anda": a model stage's marketing name gets its plain words.
  const plainKey = plainSubtitleKey(tj, stage.key, stage.name);
  const headingId = fieldId(uid, 'heading');
  const nameId = fieldId(uid, 'name');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const close = (how: How, focusId: string) => {
    api.edit(null);
    if (how === 'key') api.focus(focusId);
  };
  const laneEditing = (lane: string) => (editing && editing.field === lane && 'index' in editing ? { index: editing.index, insert: editing.insert } : null);

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      data-stage={index}
      style={{ gridColumn: index + 2 }}
      className="w-full shrink-0 snap-start snap-always border-slate-200 bg-white md:row-span-full md:grid md:w-auto md:grid-rows-subgrid md:border-l"
    >
      {/* The stage's name stays in sight while its lanes scroll by (wide screens; a phone has the stage strip). */}
      <div style={{ gridRow: ROW.header }} className="relative z-20 flex min-w-0 items-start gap-1 bg-brand-50 px-2 py-2 md:sticky md:top-0">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="min-w-0 font-semibold text-slate-900">
            <span className="block text-xs font-normal text-slate-700">{t('editor.position', { n: index + 1, total })}</span>
            {editing?.field === 'name' ? (
              <span className="sr-only">{shownName}</span>
            ) : (
              // A long name takes three lines at most in the sticky header of a wide grid (all of it in the tooltip and when edited).
              <button
                id={nameId}
                type="button"
                title={shownName}
                aria-describedby="map-edit-hint"
                onClick={() => api.edit({ uid, field: 'name' })}
                className={`${itemButton} -mx-1.5 block w-full font-semibold md:line-clamp-3`}
              >
                {shownName}
              </button>
            )}
          </h3>
          {editing?.field === 'name' ? (
            <div className="mt-1">
              <TextEditor
                id={fieldId(uid, 'name', 'edit')}
                label={t('editor.stage_name', { n: index + 1 })}
                selectAll
                initial={stage.name}
                maxLength={LIMITS.name}
                error={nameProblem ?? nameError}
                onCommit={(value, how) => {
                  const name = value.trim();
                  if (!name) {
                    setNameProblem(tc('validation.stage_name'));
                    return false;
                  }
                  setNameProblem(null);
                  if (name !== stage.name) api.dispatch({ type: 'renameStage', uid, name });
                  close(how, nameId);
                }}
                onCancel={(how) => {
                  setNameProblem(null);
                  close(how, nameId);
                }}
              />
            </div>
          ) : nameError ? (
            <p className="mt-1 text-sm font-medium text-red-700">{nameError}</p>
          ) : null}
        </div>
        {api.readOnly ? null : (
        <ItemMenu
          id={fieldId(uid, 'menu')}
          label={t('grid.stage_menu', { name: shownName })}
          choices={[
            { label: t('grid.menu_rename'), onSelect: () => api.edit({ uid, field: 'name' }) },
            { label: t('grid.menu_left'), onSelect: () => api.moveStage(index, -1), disabled: index === 0 },
            { label: t('grid.menu_right'), onSelect: () => api.moveStage(index, 1), disabled: index === total - 1 },
            { label: t('grid.menu_delete_stage'), onSelect: () => api.removeStage(index), danger: true },
          ]}
        />
        )}
      </div>

      <div style={{ gridRow: ROW.info }} className="min-w-0 px-2 pb-1 empty:hidden">
        {plainKey ? (
          <p className="text-sm text-slate-700" data-testid="stage-plain">
            {tj(plainKey)}
          </p>
        ) : null}
        {reviews ? <StageReviews line={reviews} /> : null}
      </div>

      <Cell row={ROW.emotion}>
        <h4 className="mb-1 text-sm font-semibold text-slate-800 md:sr-only">{tj('lanes.emotion')}</h4>
        {editing?.field === 'emotion' ? (
          <EmotionEditor uid={uid} score={stage.emotion.score} note={stage.emotion.note} close={close} />
        ) : (
          <button id={fieldId(uid, 'emotion')} type="button" aria-describedby="map-edit-hint" onClick={() => api.edit({ uid, field: 'emotion' })} className={`${itemButton} block w-full text-sm`}>
            {stage.emotion.score === null ? (
              <span className="text-slate-700">{t('grid.set_emotion')}</span>
            ) : (
              <span className={`inline-block rounded-full px-2 py-0.5 font-semibold ${emotionTone[String(stage.emotion.score)]}`}>{tj(`emotions.${stage.emotion.score}`)}</span>
            )}
            {stage.emotion.note ? <span className="mt-1 block text-slate-800">{stage.emotion.note}</span> : null}
          </button>
        )}
      </Cell>

      {gridLanes.map((lane) => (
        <Cell key={lane} row={ROW[lane]}>
          <LaneCell uid={uid} lane={lane} items={stage.lanes[lane]} editing={laneEditing(lane)} stageName={shownName} />
        </Cell>
      ))}

      <Cell row={ROW.metric}>
        <h4 className="mb-1 text-sm font-semibold text-slate-800 md:sr-only">{tj('lanes.metric')}</h4>
        {editing?.field === 'metric' ? (
          <>
            <TextEditor
              id={fieldId(uid, 'metric', 'edit')}
              label={tj('lanes.metric')}
              initial={stage.metric}
              maxLength={LIMITS.text}
              describedBy={fieldId(uid, 'metric', 'hint')}
              onCommit={(value, how) => {
                if (value.trim() !== stage.metric) api.dispatch({ type: 'setMetric', uid, metric: value.trim() });
                close(how, fieldId(uid, 'metric'));
              }}
              onCancel={(how) => close(how, fieldId(uid, 'metric'))}
            />
            <p id={fieldId(uid, 'metric', 'hint')} className="mt-1 text-sm text-slate-700">
              {t('editor.metric_hint')}
            </p>
          </>
        ) : (
          <button id={fieldId(uid, 'metric')} type="button" aria-describedby="map-edit-hint" onClick={() => api.edit({ uid, field: 'metric' })} className={`${itemButton} block w-full text-sm`}>
            {stage.metric || <span className="text-slate-700">{t('grid.set_metric')}</span>}
          </button>
        )}
      </Cell>
    </div>
  );
});

/** How the customer feels at this stage, −2…+2 (or not set yet), and a note on why: kept together. */
function EmotionEditor({ uid, score, note, close }: { uid: string; score: number | null; note: string; close: (how: How, focusId: string) => void }) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const api = useGrid();
  const [value, setValue] = useState(score);
  const [text, setText] = useState(note);
  const name = fieldId(uid, 'emotion', 'choice');
  const noteId = fieldId(uid, 'emotion', 'note');
  const choices: { value: number | null; label: string }[] = [{ value: null, label: t('editor.emotion_none') }, ...scores.map((s) => ({ value: s, label: tj(`emotions.${s}`) }))];
  return (
    <GroupEditor
      label={tj('lanes.emotion')}
      onCommit={(how) => {
        if (value !== score || text.trim() !== note) api.dispatch({ type: 'setEmotionAll', uid, score: value, note: text.trim() });
        close(how, fieldId(uid, 'emotion'));
      }}
      onCancel={(how) => close(how, fieldId(uid, 'emotion'))}
    >
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">{tj('lanes.emotion')}</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {choices.map((c) => (
            <label
              key={String(c.value)}
              className="inline-flex cursor-pointer items-center gap-1 rounded-full border border-slate-300 bg-white py-1 pr-2.5 pl-1.5 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold has-checked:text-brand-800"
            >
              <input type="radio" name={name} checked={value === c.value} onChange={() => setValue(c.value)} className="h-4 w-4 accent-brand-700" />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={noteId} className="block text-sm text-slate-800">
          {t('editor.emotion_note')}
        </label>
        <input id={noteId} type="text" value={text} maxLength={LIMITS.text} onChange={(e) => setText(e.target.value)} className={`${fieldClass} mt-1`} />
      </div>
    </GroupEditor>
  );
}
