'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export interface StageScroller {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  /** The first stage in view, how many fit, and whether the grid is wider than its box. */
  first: number;
  shown: number;
  overflow: boolean;
  scrollTo: (index: number, focus?: boolean) => void;
}

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Follows which stages of the grid are in view as it scrolls (a swipe, a wheel, focus moving), and scrolls it to a stage. */
export function useStageScroller(total: number): StageScroller {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ first: 0, shown: 1, overflow: false });
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = ref.current;
    const col = el?.querySelector<HTMLElement>('[data-stage]');
    if (!el || !col) return;
    const width = col.offsetWidth || 1;
    // Where the first stage starts when not scrolled: after the lane names on a wide screen, 0 on a phone.
    const lead = col.offsetLeft;
    const shown = Math.max(1, Math.floor((el.clientWidth - lead + 2) / width));
    const first = Math.max(0, Math.min(total - 1, Math.round(el.scrollLeft / width)));
    const overflow = el.scrollWidth > el.clientWidth + 1;
    setView((v) => (v.first === first && v.shown === shown && v.overflow === overflow ? v : { first, shown, overflow }));
  }, [total]);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  }, [measure]);

  useEffect(() => {
    measure();
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const scrollTo = useCallback((index: number, focus = false) => {
    // After the render that may have added the stage.
    requestAnimationFrame(() => {
      const el = ref.current;
      const col = el?.querySelectorAll<HTMLElement>('[data-stage]')[index];
      if (!el || !col) return;
      const lead = el.querySelector<HTMLElement>('[data-stage]')!.offsetLeft;
      el.scrollTo({ left: col.offsetLeft - lead, behavior: reducedMotion() ? 'auto' : 'smooth' });
      if (focus) col.querySelector<HTMLElement>('h3 button')?.focus({ preventScroll: true });
    });
  }, []);

  return { ref, onScroll, ...view, scrollTo };
}

/**
 * Where one is in the map and how to move along it: "Tahap 2 dari 5" with previous/next, and a
 * strip of the stages' names to jump to one. Always there on a phone (one stage per screen); on a
 * wide screen only when the stages do not all fit.
 */
export function StageNav({
  first,
  shown,
  overflow,
  scrollTo,
  names,
  isCycle,
}: Pick<StageScroller, 'first' | 'shown' | 'overflow' | 'scrollTo'> & { names: string[]; isCycle: boolean }) {
  const { t } = useTranslation('map');
  const total = names.length;
  if (total < 2) return null;
  const last = Math.min(total, first + shown);
  const index = shown > 1 ? t('grid.index_range', { from: first + 1, to: last, total }) : t('editor.position', { n: first + 1, total });
  const arrow = 'flex h-10 w-10 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-lg font-bold text-slate-900 hover:bg-slate-100 disabled:opacity-40';
  return (
    <nav aria-label={t('editor.stage_nav')} className={`sticky top-0 z-40 -mx-4 mt-3 bg-slate-50 px-4 py-2 md:static md:mx-0 md:px-0 ${overflow ? '' : 'md:hidden'}`}>
      <div className="flex items-center gap-2">
        <button type="button" onClick={() => scrollTo(Math.max(0, first - 1))} disabled={first === 0} aria-label={t('grid.prev')} className={arrow}>
          <span aria-hidden="true">‹</span>
        </button>
        <p className="min-w-0 flex-1 text-center text-sm font-semibold text-slate-900" aria-live="polite" data-testid="stage-index">
          {index}
        </p>
        <button type="button" onClick={() => scrollTo(Math.min(total - 1, first + 1))} disabled={last >= total} aria-label={t('grid.next')} className={arrow}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <ol className="mt-2 flex gap-1 overflow-x-auto pb-1 text-sm">
        {names.map((name, i) => {
          const current = i >= first && i < last;
          return (
            <li key={i} className="relative shrink-0">
              <button
                type="button"
                aria-current={current ? 'true' : undefined}
                onClick={() => scrollTo(i, true)}
                className="max-w-40 truncate rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-900 hover:bg-slate-100 aria-[current=true]:border-brand-700 aria-[current=true]:bg-brand-50 aria-[current=true]:font-semibold aria-[current=true]:text-brand-800"
              >
                <span className="sr-only">{t('editor.position', { n: i + 1, total })}: </span>
                {name}
              </button>
            </li>
          );
        })}
        {isCycle ? (
          <li aria-hidden="true" className="shrink-0 self-center text-lg leading-none text-brand-800">
            ↺
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
