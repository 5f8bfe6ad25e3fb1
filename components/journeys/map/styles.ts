/** Class names the map editor's pieces share, so every control looks and focuses alike. */
export const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-600';

export const smallButton = 'rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-50';

export const addButton = 'mt-2 rounded-lg border border-dashed border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50';

export const dangerButton = 'rounded-lg border border-red-700 bg-white px-2.5 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50';

export const laneHeading = 'text-sm font-semibold text-slate-800';
