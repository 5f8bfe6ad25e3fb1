'use client';

import { useTranslation } from 'react-i18next';
import { FormMessage } from '@/components/ui/FormMessage';
import type { ActionState } from '@/lib/core/action-state';

/**
 * Stays at the bottom of the screen while the map scrolls by (a long column of stages on a phone):
 * the save button, whether anything is unsaved, and the answer to the last save.
 */
export function SaveBar({
  state,
  pending,
  dirty,
  conflict,
  problem,
  canUndo,
  onUndo,
  onReload,
}: {
  /** The last answer to show; idle when there is nothing to say. */
  state: ActionState<unknown>;
  pending: boolean;
  dirty: boolean;
  /** The translated conflict message, when the last save was refused as stale. */
  conflict: string | null;
  /** A translated problem found before sending. */
  problem: string | null;
  /** "Undo the last action": something was changed since the map was loaded (or reloaded). */
  canUndo: boolean;
  onUndo: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('map');
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.08)]">
      <div className="space-y-2">
        {conflict ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">{conflict}</p>
            <button type="button" onClick={onReload} className="mt-2 rounded-lg bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
              {t('editor.reload')}
            </button>
          </div>
        ) : (
          <FormMessage state={state} />
        )}
        {problem ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
            {problem}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          {/* Right after a save its own answer ("Peta tersimpan.") says it: not a second "saved". */}
          <p className="text-sm font-medium text-slate-800">{dirty ? t('editor.unsaved') : state.status === 'ok' && state.message ? '' : t('editor.all_saved')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              onClick={onUndo}
              disabled={!canUndo}
              aria-keyshortcuts="Control+Z"
              className="rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-50"
            >
              <span aria-hidden="true">↶ </span>
              {t('grid.undo')}
            </button>
          <button type="submit" disabled={pending} aria-disabled={pending} className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t('editor.saving') : t('editor.save')}
          </button>
          </div>
        </div>
      </div>
    </div>
  );
}
