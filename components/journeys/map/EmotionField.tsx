'use client';

import { useTranslation } from 'react-i18next';
import { LIMITS } from '@/lib/journeys/model';
import { fieldId, type EditorAction } from './editor-state';
import { inputClass, laneHeading } from './styles';

const scores = [-2, -1, 0, 1, 2] as const;

/** How the customer feels at this stage, −2…+2 (or not set yet), and a note on why. */
export function EmotionField({ uid, score, note, dispatch }: { uid: string; score: number | null; note: string; dispatch: (a: EditorAction) => void }) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const name = fieldId(uid, 'emotion');
  const noteId = fieldId(uid, 'emotion', 'note');
  const choices: { value: number | null; label: string }[] = [{ value: null, label: t('editor.emotion_none') }, ...scores.map((s) => ({ value: s, label: tj(`emotions.${s}`) }))];
  return (
    <div>
      <fieldset>
        <legend className={laneHeading}>{tj('lanes.emotion')}</legend>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {choices.map((c) => (
            <label
              key={String(c.value)}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 bg-white py-1.5 pr-3 pl-2 text-sm text-slate-900 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold has-checked:text-brand-800"
            >
              <input
                type="radio"
                name={name}
                value={c.value === null ? '' : String(c.value)}
                checked={score === c.value}
                onChange={() => dispatch({ type: 'setEmotion', uid, score: c.value })}
                className="h-4 w-4 accent-brand-700"
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={noteId} className="mt-2 block text-sm text-slate-800">
        {t('editor.emotion_note')}
      </label>
      <input
        id={noteId}
        value={note}
        maxLength={LIMITS.text}
        onChange={(e) => dispatch({ type: 'setEmotionNote', uid, note: e.target.value })}
        className={`${inputClass} mt-1`}
      />
    </div>
  );
}
