'use client';

import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type How = 'key' | 'blur';

export const fieldClass =
  'block w-full min-w-0 rounded-md border border-brand-700 bg-white px-2 py-1.5 text-base text-slate-900 shadow-sm focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:border-red-600';

/**
 * One text edited where it stands: Enter keeps it (Shift+Enter a new line in a long text), Escape
 * puts back what was there, leaving the field keeps it. `onCommit` answers false to refuse the
 * text (then `error` says why and the field stays open).
 */
export function TextEditor({
  id,
  label,
  initial,
  multiline = false,
  selectAll = false,
  maxLength,
  error,
  describedBy,
  onCommit,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  multiline?: boolean;
  /** Select the whole text on opening (a new stage's placeholder name); else the caret goes to its end. */
  selectAll?: boolean;
  maxLength: number;
  error?: string | null;
  describedBy?: string;
  onCommit: (value: string, how: How) => boolean | void;
  onCancel: (how: How) => void;
}) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (selectAll) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const commit = (how: How) => {
    if (done.current) return;
    if (onCommit(value, how) === false) {
      if (how === 'blur') {
        done.current = true;
        onCancel('blur');
      }
      return;
    }
    done.current = true;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      done.current = true;
      onCancel('key');
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commit('key');
    }
  };
  const errorId = `${id}-error`;
  const props = {
    id,
    value,
    maxLength,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onKeyDown,
    onBlur: () => commit('blur'),
    className: multiline ? `${fieldClass} field-sizing-content min-h-16 resize-y` : fieldClass,
  };
  return (
    <div>
      {multiline ? <textarea ref={ref} rows={2} {...props} /> : <input ref={ref} {...props} />}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Several fields edited together (a touchpoint's channel and note, an emotion and its note): kept
 * when focus leaves the group, with Enter in a text field, or with "Done"; Escape puts back.
 */
export function GroupEditor({
  label,
  children,
  onCommit,
  onCancel,
}: {
  label: string;
  children: ReactNode;
  onCommit: (how: How) => boolean | void;
  onCancel: (how: How) => void;
}) {
  const { t } = useTranslation('map');
  const done = useRef(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input:checked, input:not([type=radio]), textarea')?.focus();
  }, []);
  const commit = (how: How) => {
    if (done.current) return;
    if (onCommit(how) === false) {
      if (how === 'blur') {
        done.current = true;
        onCancel('blur');
      }
      return;
    }
    done.current = true;
  };
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      onBlur={(e: FocusEvent<HTMLDivElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit('blur');
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onCancel('key');
        } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          // Enter in a field keeps the edit (and never submits the whole map).
          e.preventDefault();
          commit('key');
        }
      }}
      className="space-y-2 rounded-md border border-brand-700 bg-white p-2 shadow-sm"
    >
      {children}
      <button type="button" onClick={() => commit('key')} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
        {t('grid.done')}
      </button>
    </div>
  );
}
