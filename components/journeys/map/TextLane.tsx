'use client';

import { useTranslation } from 'react-i18next';
import { LIMITS, type TextLane as Lane } from '@/lib/journeys/model';
import { fieldId, type EditorAction } from './editor-state';
import { AddItem, ItemMover } from './LaneItemControls';
import { dangerButton, inputClass, laneHeading } from './styles';

/** One lane of free-text items (actions, questions, pain points…): add, edit, delete each row. */
export function TextLane({
  uid,
  lane,
  items,
  describedBy,
  dispatch,
  focus,
}: {
  uid: string;
  lane: Lane;
  items: string[];
  /** The stage heading, so "Add pain point" is heard with the stage it belongs to. */
  describedBy: string;
  dispatch: (a: EditorAction) => void;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const label = tj(`lanes.${lane}`);
  // One item inside a sentence, in sentence case: "Tambah kendala pelanggan", "Add customer action".
  const itemLabel = tj(`lane_items.${lane}`);
  const headingId = fieldId(uid, lane, 'heading');
  const addId = fieldId(uid, lane, 'add');

  const remove = (index: number) => {
    dispatch({ type: 'removeItem', uid, lane, index });
    // Focus stays in the lane: on the row that took this one's place, else the one before, else "Add".
    if (items.length === 1) focus(addId);
    else focus(fieldId(uid, lane, index < items.length - 1 ? index : index - 1));
  };

  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={laneHeading}>
        {label}
      </h4>
      {items.length ? (
        <ul className="mt-1 space-y-2">
          {items.map((value, i) => {
            const id = fieldId(uid, lane, i);
            return (
              <li key={i} className="flex items-start gap-2">
                <label htmlFor={id} className="sr-only">
                  {t('editor.item', { lane: label, n: i + 1 })}
                </label>
                <textarea
                  id={id}
                  rows={2}
                  value={value}
                  maxLength={LIMITS.text}
                  onChange={(e) => dispatch({ type: 'setItem', uid, lane, index: i, value: e.target.value })}
                  // Grows with its text (field-sizing), so a long item is read whole on a phone.
                  className={`${inputClass} field-sizing-content min-h-16 min-w-0 flex-1 resize-y`}
                />
                <ItemMover uid={uid} lane={lane} laneLabel={itemLabel} index={i} count={items.length} dispatch={dispatch} focus={focus} />
                <button type="button" onClick={() => remove(i)} aria-label={t('editor.delete_item', { lane: itemLabel, n: i + 1 })} className={dangerButton}>
                  {t('editor.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-700">{t('editor.empty_lane')}</p>
      )}
      <AddItem
        id={addId}
        count={items.length}
        laneLabel={itemLabel}
        describedBy={describedBy}
        onAdd={() => {
          dispatch({ type: 'addItem', uid, lane });
          focus(fieldId(uid, lane, items.length));
        }}
      />
    </div>
  );
}
