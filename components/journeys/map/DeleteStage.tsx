'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dangerButton, smallButton } from './styles';

/**
 * Deleting a stage takes two presses: the first shows what will go and the real button, focused,
 * so it works by keyboard and screen reader (no window.confirm). Escape or "Cancel" steps back.
 */
export function DeleteStage({ name, onConfirm }: { name: string; onConfirm: () => void }) {
  const { t } = useTranslation('map');
  const { t: tc } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) confirmRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div>
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('editor.delete_stage', { name })}
        onClick={() => setOpen((o) => !o)}
        className={dangerButton}
      >
        {t('editor.delete_stage_short')}
      </button>
      <div
        id={panelId}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
        }}
        className="mt-2 rounded-lg border border-red-200 bg-red-50 p-3"
      >
        {open ? (
          <>
            <p className="text-sm text-slate-900">{t('editor.delete_prompt', { name })}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button ref={confirmRef} type="button" onClick={onConfirm} className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
                {t('editor.delete_confirm')}
              </button>
              <button type="button" onClick={() => setOpen(false)} className={smallButton}>
                {tc('actions.cancel')}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
