'use client';

import Form from 'next/form';
import { SelectField } from '@/components/ui/Field';

export interface PersonaPickerLabels {
  label: string;
  hint?: string;
  /** The "no persona" option. */
  none: string;
  search: string;
  submit: string;
  /** "The choices are the {{count}} most recently changed…", ready to show. */
  more: string;
  /** "The choices are those matching “q”", ready to show (empty when nothing matched). */
  found: string;
  /** "Nothing matches “q”", ready to show. */
  notFound: string;
}

/**
 * A journey's persona select that stays small however many personas the business has: the server
 * offers the most recently changed ones (or those a search found) plus the persona already chosen
 * (lib/personas/queries.ts `personaPicker`). When there are more, a search field sits under the
 * select; it belongs to `PersonaSearchForm` (a GET form rendered outside the surrounding form,
 * joined by the `form` attribute), so the search reloads the page's options without sending or
 * losing the surrounding form, with or without JavaScript.
 */
export function PersonaPicker({
  options,
  defaultValue,
  error,
  more,
  query,
  searchFormId,
  labels,
}: {
  options: { id: string; name: string }[];
  defaultValue: string;
  error?: string;
  more: boolean;
  query?: string;
  searchFormId: string;
  labels: PersonaPickerLabels;
}) {
  const searchable = more || !!query;
  return (
    <div>
      <SelectField
        name="personaId"
        label={labels.label}
        hint={labels.hint}
        placeholder={labels.none}
        options={options.map((p) => ({ value: p.id, label: p.name }))}
        defaultValue={defaultValue}
        error={error}
      />
      {searchable ? (
        <div className="mt-2 rounded-lg bg-slate-50 p-3">
          <p id={`${searchFormId}-status`} className="text-sm text-slate-700" role="status">
            {query ? (options.length > 0 ? labels.found : labels.notFound) : labels.more}
          </p>
          <label htmlFor={`${searchFormId}-q`} className="mt-2 block text-sm font-medium text-slate-800">
            {labels.search}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id={`${searchFormId}-q`}
              form={searchFormId}
              name="persona_q"
              type="search"
              defaultValue={query ?? ''}
              maxLength={100}
              aria-describedby={`${searchFormId}-status`}
              className="block min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
            />
            <button type="submit" form={searchFormId} className="min-h-11 shrink-0 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100">
              {labels.submit}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The GET form the picker's search field belongs to: empty itself, placed after (never inside) the
 * surrounding form. With JavaScript it is a client navigation to the same page (the page's other
 * state, an unsaved map included, stays); without, an ordinary page load.
 */
export function PersonaSearchForm({ id, action }: { id: string; action: string }) {
  return <Form id={id} action={action} prefetch={false} scroll={false} replace className="hidden" />;
}
