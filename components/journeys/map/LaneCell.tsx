'use client';

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@/lib/journeys/limits';
import { channels } from '@/lib/shared/journeys';
import type { Lanes, TextLane } from '@/lib/journeys/model';
import { fieldId, type TouchpointChannel } from './editor-state';
import { useGrid } from './grid-api';
import { fieldClass, GroupEditor, TextEditor, type How } from './InPlace';
import { ItemMenu, type MenuChoice } from './ItemMenu';

/** The button that shows an item and opens it for editing: the item's own text, read as it prints. */
export const itemButton =
  'min-w-0 flex-1 rounded-md px-1.5 py-1 text-left text-slate-900 wrap-anywhere whitespace-pre-line hover:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none';
const addClass =
  'mt-1 flex w-full items-center gap-1 rounded-md border border-dashed border-slate-400 px-2 py-1 text-left text-sm font-medium text-slate-700 hover:border-brand-700 hover:bg-brand-50 hover:text-brand-800';

type Touchpoint = Lanes['touchpoints'][number];

export function touchpointText(tp: Touchpoint, channelName: (c: string) => string): string {
  if (tp.channel === 'custom') return tp.label;
  const name = channelName(tp.channel);
  return tp.label ? `${name}: ${tp.label}` : name;
}

/**
 * One stage's items of one lane, as a list: tap an item to edit it there; its "⋯" menu adds one
 * below, moves it or deletes it; the dashed button under the list adds one at the end. A new item
 * exists only once it is kept (Escape or an empty text adds nothing).
 */
export function LaneCell({
  uid,
  lane,
  items,
  editing,
  stageName,
}: {
  uid: string;
  lane: TextLane | 'touchpoints';
  items: string[] | Touchpoint[];
  /** The item being edited in this cell, if any (`insert`: a new one at `index`). */
  editing: { index: number; insert: boolean } | null;
  stageName: string;
}) {
  const { t } = useTranslation('map');
  const { t: tj } = useTranslation('journeys');
  const api = useGrid();
  const laneLabel = tj(`lanes.${lane}`);
  // One item inside a sentence, in sentence case: "Tambah kendala pelanggan", "Add customer action".
  const itemLabel = tj(`lane_items.${lane}`);
  const count = items.length;
  const isTouchpoints = lane === 'touchpoints';
  const channelName = (c: string) => tj(`channels.${c}`);
  const addId = fieldId(uid, lane, 'add');
  const headingId = fieldId(uid, lane, 'heading');

  const buttonId = (i: number) => fieldId(uid, lane, i);
  const close = (how: How, focusId: string) => {
    api.edit(null);
    if (how === 'key') api.focus(focusId);
  };
  const startInsert = (at: number) => api.edit({ uid, field: lane, index: at, insert: true });

  const moveItem = (i: number, to: number) => {
    api.dispatch({ type: 'moveItem', uid, lane, from: i, to });
    api.announce(t('grid.item_moved', { item: itemLabel, n: to + 1, total: count, stage: stageName }));
    api.focus(fieldId(uid, lane, to, 'menu'));
  };
  const removeItem = (i: number) => {
    api.dispatch(isTouchpoints ? { type: 'removeTouchpoint', uid, index: i } : { type: 'removeItem', uid, lane, index: i });
    api.announce(t('grid.item_deleted', { item: itemLabel, n: i + 1, stage: stageName }));
    // Focus stays in the lane: on the item that took this one's place, else the one before, else "Add".
    api.focus(count === 1 ? addId : buttonId(i < count - 1 ? i : i - 1));
  };

  const menu = (i: number): MenuChoice[] => [
    { label: t('grid.menu_edit'), onSelect: () => api.edit({ uid, field: lane, index: i, insert: false }) },
    { label: t('grid.menu_add_below'), onSelect: () => startInsert(i + 1), disabled: count >= LIMITS.itemsPerLane },
    { label: t('grid.menu_up'), onSelect: () => moveItem(i, i - 1), disabled: i === 0 },
    { label: t('grid.menu_down'), onSelect: () => moveItem(i, i + 1), disabled: i === count - 1 },
    { label: t('grid.menu_delete'), onSelect: () => removeItem(i), danger: true },
  ];

  const editor = (i: number, insert: boolean) => {
    // "Kendala pelanggan 2", "Customer action 2": the item's word, capitalised, and its number.
    const label = t('editor.item', { lane: itemLabel.charAt(0).toLocaleUpperCase() + itemLabel.slice(1), n: i + 1 });
    // After a new item is kept, focus goes to it; after Escape, back to where adding started.
    const back = insert ? (i === count ? addId : fieldId(uid, lane, i - 1, 'menu')) : buttonId(i);
    if (isTouchpoints) {
      const tp: Touchpoint = insert ? { channel: 'whatsapp', label: '' } : (items as Touchpoint[])[i]!;
      return <TouchpointEditor key={`${i}-${insert}`} uid={uid} index={i} initial={tp} insert={insert} back={back} close={close} />;
    }
    return (
      <TextEditor
        key={`${i}-${insert}`}
        id={fieldId(uid, lane, i, 'edit')}
        label={label}
        multiline
        maxLength={LIMITS.text}
        initial={insert ? '' : (items as string[])[i]!}
        onCommit={(value, how) => {
          const text = value.trim();
          if (insert) {
            if (text) api.dispatch({ type: 'insertItem', uid, lane: lane as TextLane, at: i, value: text });
            close(how, text ? buttonId(i) : back);
          } else if (!text) {
            // An item emptied is an item deleted (and undone like one).
            api.edit(null);
            removeItem(i);
          } else {
            if (text !== (items as string[])[i]) api.dispatch({ type: 'setItem', uid, lane: lane as TextLane, index: i, value: text });
            close(how, buttonId(i));
          }
        }}
        onCancel={(how) => close(how, back)}
      />
    );
  };

  const rows: ReactNode[] = items.map((item, i) => {
    if (editing && !editing.insert && editing.index === i) return <li key={i}>{editor(i, false)}</li>;
    const text = isTouchpoints ? touchpointText(item as Touchpoint, channelName) : (item as string);
    if (api.readOnly)
      return (
        <li key={i} className="px-1.5 py-1 wrap-anywhere whitespace-pre-line text-slate-900">
          {text}
        </li>
      );
    return (
      <li key={i} className="relative flex items-start gap-0.5">
        <button id={buttonId(i)} type="button" aria-describedby="map-edit-hint" onClick={() => api.edit({ uid, field: lane, index: i, insert: false })} className={itemButton}>
          {text}
        </button>
        <ItemMenu id={fieldId(uid, lane, i, 'menu')} label={t('grid.item_menu', { item: itemLabel, n: i + 1 })} choices={menu(i)} />
      </li>
    );
  });
  if (editing?.insert) rows.splice(editing.index, 0, <li key="new">{editor(editing.index, true)}</li>);

  return (
    <>
      <h4 id={headingId} className="mb-1 text-sm font-semibold text-slate-800 md:sr-only">
        {laneLabel}
      </h4>
      {rows.length ? (
        <ul aria-labelledby={headingId} className="space-y-1 text-sm">
          {rows}
        </ul>
      ) : null}
      {api.readOnly ? null : count >= LIMITS.itemsPerLane ? (
        <p className="mt-1 text-sm text-slate-700">{t('editor.item_limit', { max: LIMITS.itemsPerLane })}</p>
      ) : editing?.insert ? null : (
        <button id={addId} type="button" onClick={() => startInsert(count)} className={addClass}>
          <span aria-hidden="true">+</span> {t('editor.add_item', { lane: itemLabel })}
        </button>
      )}
    </>
  );
}

function TouchpointEditor({
  uid,
  index,
  initial,
  insert,
  back,
  close,
}: {
  uid: string;
  index: number;
  initial: Touchpoint;
  insert: boolean;
  back: string;
  close: (how: How, focusId: string) => void;
}) {
  const { t } = useTranslation('map');
  const { t: tc } = useTranslation('common');
  const { t: tj } = useTranslation('journeys');
  const api = useGrid();
  const [channel, setChannel] = useState<TouchpointChannel>(initial.channel);
  const [label, setLabel] = useState(initial.label);
  const [error, setError] = useState<string | null>(null);
  const selectId = fieldId(uid, 'touchpoints', index, 'channel');
  const labelId = fieldId(uid, 'touchpoints', index, 'label');
  const options = [...channels, 'custom' as const];
  return (
    <GroupEditor
      label={t('grid.touchpoint', { n: index + 1 })}
      onCommit={(how) => {
        const text = label.trim();
        if (channel === 'custom' && !text) {
          setError(tc('validation.touchpoint_label'));
          if (how === 'key') document.getElementById(labelId)?.focus();
          return false;
        }
        if (insert) api.dispatch({ type: 'insertTouchpoint', uid, at: index, channel, label: text });
        else if (channel !== initial.channel || text !== initial.label) api.dispatch({ type: 'setTouchpoint', uid, index, channel, label: text });
        close(how, fieldId(uid, 'touchpoints', index));
      }}
      onCancel={(how) => close(how, insert ? back : fieldId(uid, 'touchpoints', index))}
    >
      <div>
        <label htmlFor={selectId} className="block text-sm text-slate-800">
          {t('editor.channel', { n: index + 1 })}
        </label>
        <select id={selectId} value={channel} onChange={(e) => setChannel(e.target.value as TouchpointChannel)} className={`${fieldClass} mt-1`}>
          {options.map((c) => (
            <option key={c} value={c}>
              {tj(`channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {/* The label: the channel's own name for "Other", an optional note on a catalogue channel. Print and share show it. */}
      <div>
        <label htmlFor={labelId} className="block text-sm text-slate-800">
          {channel === 'custom' ? t('editor.channel_label', { n: index + 1 }) : t('editor.channel_note', { n: index + 1 })}
        </label>
        <input
          id={labelId}
          type="text"
          value={label}
          maxLength={LIMITS.name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${labelId}-error` : undefined}
          onChange={(e) => {
            setLabel(e.target.value);
            if (error && e.target.value.trim()) setError(null);
          }}
          className={`${fieldClass} mt-1`}
        />
        {error ? (
          <p id={`${labelId}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </GroupEditor>
  );
}
