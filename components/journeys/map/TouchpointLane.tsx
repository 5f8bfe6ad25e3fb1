'use client';

import { useTranslation } from 'react-i18next';
import { channels, LIMITS, type Lanes } from '@/lib/journeys/model';
import { fieldId, type EditorAction, type TouchpointChannel } from './editor-state';
import { AddItem, ItemMover } from './LaneItemControls';
import { dangerButton, inputClass, laneHeading } from './styles';

/** Touchpoints: a channel from the catalogue, or "Other" with the owner's own name for it. */
export function TouchpointLane({
  uid,
  items,
  issues,
  describedBy,
  dispatch,
  focus,
}: {
  uid: string;
  items: Lanes['touchpoints'];
  /** Translated messages by input id. */
  issues: Record<string, string>;
  describedBy: string;
  dispatch: (a: EditorAction) => void;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const label = tj('lanes.touchpoints');
  const itemLabel = tj('lane_items.touchpoints');
  const headingId = fieldId(uid, 'touchpoints', 'heading');
  const addId = fieldId(uid, 'touchpoints', 'add');
  const options = [...channels, 'custom' as const];

  const remove = (index: number) => {
    dispatch({ type: 'removeTouchpoint', uid, index });
    if (items.length === 1) focus(addId);
    else focus(fieldId(uid, 'touchpoints', index < items.length - 1 ? index : index - 1));
  };

  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={laneHeading}>
        {label}
      </h4>
      {items.length ? (
        <ul className="mt-1 space-y-3">
          {items.map((tp, i) => {
            const id = fieldId(uid, 'touchpoints', i);
            const labelId = fieldId(uid, 'touchpoints', i, 'label');
            const error = issues[labelId];
            return (
              <li key={i} className="space-y-2">
                <div className="flex items-end gap-2">
                  <div className="min-w-0 flex-1">
                    <label htmlFor={id} className="block text-sm text-slate-800">
                      {t('editor.channel', { n: i + 1 })}
                    </label>
                    <select
                      id={id}
                      value={tp.channel}
                      onChange={(e) => {
                        const channel = e.target.value as TouchpointChannel;
                        dispatch({ type: 'setTouchpoint', uid, index: i, channel, label: tp.label });
                      }}
                      className={`${inputClass} mt-1`}
                    >
                      {options.map((c) => (
                        <option key={c} value={c}>
                          {tj(`channels.${c}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <ItemMover uid={uid} lane="touchpoints" laneLabel={itemLabel} index={i} count={items.length} dispatch={dispatch} focus={focus} />
                  <button type="button" onClick={() => remove(i)} aria-label={t('editor.delete_item', { lane: itemLabel, n: i + 1 })} className={dangerButton}>
                    {t('editor.delete')}
                  </button>
                </div>
                {/* The label: the channel's own name for "Other", an optional note on a catalogue channel. Print and share show it, so it is always here to see and edit. */}
                <div>
                  <label htmlFor={labelId} className="block text-sm text-slate-800">
                    {tp.channel === 'custom' ? t('editor.channel_label', { n: i + 1 }) : t('editor.channel_note', { n: i + 1 })}
                  </label>
                  <input
                    id={labelId}
                    value={tp.label}
                    maxLength={LIMITS.name}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${labelId}-error` : undefined}
                    onChange={(e) => dispatch({ type: 'setTouchpoint', uid, index: i, channel: tp.channel, label: e.target.value })}
                    className={`${inputClass} mt-1`}
                  />
                  {error ? (
                    <p id={`${labelId}-error`} className="mt-1 text-sm font-medium text-red-700">
                      {error}
                    </p>
                  ) : null}
                </div>
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
          dispatch({ type: 'addTouchpoint', uid });
          focus(fieldId(uid, 'touchpoints', items.length));
        }}
      />
    </div>
  );
}
