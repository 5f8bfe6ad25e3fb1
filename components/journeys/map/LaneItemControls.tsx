'use client';

import { useTranslation } from 'react-i18next';
import { LIMITS, type TextLane } from '@/lib/journeys/model';
import { fieldId, type EditorAction } from './editor-state';
import { addButton, smallButton } from './styles';

/**
 * Up and down buttons that reorder one item of a lane: by touch, mouse or keyboard. Focus stays
 * on the pressed button as the item moves (or on the other one when the item reaches the end).
 */
export function ItemMover({
  uid,
  lane,
  laneLabel,
  index,
  count,
  dispatch,
  focus,
}: {
  uid: string;
  lane: TextLane | 'touchpoints';
  laneLabel: string;
  index: number;
  count: number;
  dispatch: (a: EditorAction) => void;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation('map');
  if (count < 2) return null;
  const move = (by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= count) return;
    dispatch({ type: 'moveItem', uid, lane, from: index, to });
    const stillEnabled = by < 0 ? to > 0 : to < count - 1;
    focus(fieldId(uid, lane, to, (by < 0) === stillEnabled ? 'up' : 'down'));
  };
  return (
    <div className="flex shrink-0 flex-col gap-1">
      <button
        id={fieldId(uid, lane, index, 'up')}
        type="button"
        disabled={index === 0}
        onClick={() => move(-1)}
        aria-label={t('editor.move_item_up', { lane: laneLabel, n: index + 1 })}
        className={smallButton}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        id={fieldId(uid, lane, index, 'down')}
        type="button"
        disabled={index === count - 1}
        onClick={() => move(1)}
        aria-label={t('editor.move_item_down', { lane: laneLabel, n: index + 1 })}
        className={smallButton}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </div>
  );
}

/** "Add <lane>" under a lane's items, or the limit once it is reached. */
export function AddItem({ id, count, laneLabel, describedBy, onAdd }: { id: string; count: number; laneLabel: string; describedBy: string; onAdd: () => void }) {
  const { t } = useTranslation('map');
  if (count >= LIMITS.itemsPerLane) return <p className="mt-2 text-sm text-slate-700">{t('editor.item_limit', { max: LIMITS.itemsPerLane })}</p>;
  return (
    <button id={id} type="button" aria-describedby={describedBy} onClick={onAdd} className={addButton}>
      {t('editor.add_item', { lane: laneLabel })}
    </button>
  );
}
