'use client';

import { useRouter } from 'next/navigation';
import { useRef, useTransition, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RangeChoice } from '@/lib/dashboard/filters';

const ranges: readonly RangeChoice[] = ['7d', '30d', '90d', '12m', 'all', 'custom'];

export interface FilterValues {
  persona?: string;
  journey?: string;
  stage?: string;
  link?: string;
  touchpoint?: string;
  range: RangeChoice;
  from: string;
  to: string;
}

export interface FilterOptions {
  personas: { id: string; name: string }[];
  journeys: { id: string; name: string }[];
  stages: { id: string; label: string }[];
  links: { id: string; label: string }[];
  touchpoints: string[];
}

const fieldClass =
  'mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';
const labelClass = 'block text-sm font-medium text-slate-800';

/** What a changed select makes stale: a new persona picks its own journey, a new journey its own stages and links. */
const resets: Record<string, string[]> = {
  persona: ['journey', 'stage', 'link', 'touchpoint'],
  journey: ['stage', 'link', 'touchpoint'],
};

/**
 * The dashboard's filters: a plain GET form (works without JavaScript; the address holds the view,
 * so it can be bookmarked or sent to staff). With JavaScript, changing a select replaces the address
 * at once and the server renders the new figures; the dates wait for the button.
 */
export function StageFilters({ action, values, options, dateError }: { action: string; values: FilterValues; options: FilterOptions; dateError: string | null }) {
  const { t } = useTranslation('dashboard');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();

  const go = (changed?: string) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    const query = new URLSearchParams();
    const stale = new Set(changed ? (resets[changed] ?? []) : []);
    const range = String(data.get('range') ?? '');
    for (const [k, v] of data.entries()) {
      if (typeof v !== 'string' || v === '' || stale.has(k)) continue;
      if ((k === 'from' || k === 'to') && range !== 'custom') continue;
      query.set(k, v);
    }
    start(() => router.replace(`${action}?${query.toString()}`, { scroll: false }));
  };

  const onSelect = (e: ChangeEvent<HTMLSelectElement>) => {
    // "Custom" waits for the dates and the button.
    if (e.target.name === 'range' && e.target.value === 'custom') return;
    go(e.target.name);
  };
  const onDate = () => {
    const range = form.current?.elements.namedItem('range');
    if (range instanceof HTMLSelectElement) range.value = 'custom';
  };

  const select = (name: keyof FilterValues, label: string, all: string | null, items: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`sf-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`sf-${name}`} name={name} defaultValue={values[name] ?? ''} onChange={onSelect} className={fieldClass}>
        {all !== null ? <option value="">{all}</option> : null}
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form ref={form} method="get" action={action} aria-busy={pending} aria-label={t('filters.heading')} className="grid gap-4 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
      {options.personas.length > 0 ? select('persona', t('filters.persona'), t('filters.all_personas'), options.personas.map((p) => ({ value: p.id, label: p.name }))) : null}
      {select('journey', t('filters.journey'), null, options.journeys.map((j) => ({ value: j.id, label: j.name })))}
      {select('stage', t('filters.stage'), t('filters.all_stages'), options.stages.map((s) => ({ value: s.id, label: s.label })))}
      {options.links.length > 0 ? select('link', t('filters.link'), t('filters.all_links'), options.links.map((l) => ({ value: l.id, label: l.label }))) : null}
      {options.touchpoints.length > 0 ? select('touchpoint', t('filters.touchpoint'), t('filters.all_touchpoints'), options.touchpoints.map((x) => ({ value: x, label: x }))) : null}
      {select('range', t('filters.range'), null, ranges.map((r) => ({ value: r, label: t(`ranges.${r}`) })))}
      <fieldset className="grid grid-cols-2 gap-3 sm:col-span-2 lg:col-span-1">
        <legend className="text-sm font-medium text-slate-800">{t('filters.custom')}</legend>
        <div>
          <label htmlFor="sf-from" className={labelClass}>
            {t('filters.from')}
          </label>
          <input
            id="sf-from"
            type="date"
            name="from"
            defaultValue={values.from}
            onChange={onDate}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'sf-date-error' : undefined}
            className={fieldClass}
          />
        </div>
        <div>
          <label htmlFor="sf-to" className={labelClass}>
            {t('filters.to')}
          </label>
          <input
            id="sf-to"
            type="date"
            name="to"
            defaultValue={values.to}
            onChange={onDate}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'sf-date-error' : undefined}
            className={fieldClass}
          />
        </div>
        {dateError ? (
          <p id="sf-date-error" role="alert" className="col-span-2 text-sm font-medium text-red-800">
            {dateError}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button
          type="submit"
          onClick={(e) => {
            e.preventDefault();
            go();
          }}
          className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {t('filters.submit')}
        </button>
        {pending ? (
          <span role="status" className="text-sm text-slate-700">
            {t('filters.loading')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
