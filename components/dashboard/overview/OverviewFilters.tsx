'use client';

import { useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';

export interface OverviewFilterProps {
  range: string;
  persona: string | null;
  ranges: { value: string; label: string }[];
  /** Empty: no persona select (the business has none with a journey). */
  personas: { id: string; name: string }[];
  labels: { heading: string; range: string; persona: string; allPersonas: string; submit: string };
}

const fieldClass =
  'mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';

/**
 * The overview's period and persona: a plain GET form to /dashboard (works without JavaScript; the
 * address holds the view). With JavaScript a changed select replaces the address at once and the
 * server renders the new figures. Labels come ready from the server (no translations shipped).
 */
export function OverviewFilters({ range, persona, ranges, personas, labels }: OverviewFilterProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const go = () => {
    if (!form.current) return;
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form.current).entries()) if (typeof v === 'string' && v !== '') query.set(k, v);
    start(() => router.replace(`/dashboard?${query}`, { scroll: false }));
  };
  return (
    <form ref={form} method="get" action="/dashboard" aria-label={labels.heading} aria-busy={pending || undefined} className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-40">
        <label htmlFor="overview-range" className="block text-sm font-medium text-slate-800">
          {labels.range}
        </label>
        <select id="overview-range" name="range" defaultValue={range} onChange={go} className={fieldClass}>
          {ranges.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      {personas.length > 0 ? (
        <div className="min-w-0 flex-1 basis-40">
          <label htmlFor="overview-persona" className="block text-sm font-medium text-slate-800">
            {labels.persona}
          </label>
          <select id="overview-persona" name="persona" defaultValue={persona ?? ''} onChange={go} className={fieldClass}>
            <option value="">{labels.allPersonas}</option>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-slate-100">
        {labels.submit}
      </button>
    </form>
  );
}
