'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuChoice {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * The "⋯" beside an item or a stage: a button that opens a small labelled menu of what can be done
 * to it (add, move, delete). Keyboard: Enter/Space/↓ open it on the first choice, ↑/↓/Home/End
 * move, Enter chooses, Escape closes it back to the button, Tab leaves it. The menu exists only
 * while open, so a large map carries one button per item and nothing more (no wrapper either:
 * the menu is placed under the nearest positioned ancestor, which the caller makes `relative`).
 */
export function ItemMenu({ id, label, choices }: { id: string; label: string; choices: MenuChoice[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const start = useRef<'first' | 'last'>('first');

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (start.current === 'last' ? list[list.length - 1] : list[0])?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={button}
        id={id}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          start.current = 'first';
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            start.current = e.key === 'ArrowUp' ? 'last' : 'first';
            setOpen(true);
          }
        }}
        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-lg leading-none font-bold text-slate-700 hover:bg-slate-200 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none aria-expanded:bg-slate-200"
      >
        ⋯
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-40 mt-1 min-w-48 rounded-lg border border-slate-300 bg-white py-1 text-sm shadow-lg"
        >
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={c.disabled ? true : undefined}
              onClick={() => {
                if (c.disabled) return;
                setOpen(false);
                c.onSelect();
              }}
              className={`block w-full px-3 py-2 text-left font-medium hover:bg-slate-100 focus:bg-slate-100 focus:outline-none aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 ${c.danger ? 'text-red-800' : 'text-slate-900'}`}
            >
              {c.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
