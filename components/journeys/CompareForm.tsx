import Link from 'next/link';
import { SelectField } from '@/components/ui/Field';
import { getT } from '@/lib/i18n/server';

/**
 * Picks any two versions (or the map as it is now) to compare. A plain GET form: it works without
 * JavaScript and the result has its own address, so it can be bookmarked or sent. The selects hold
 * a bounded list (the newest versions, or those a search found, plus the two being compared); when
 * the history is longer, a second GET form searches it by name or number (`vq`).
 */
export async function CompareForm({
  journeyId,
  versions,
  a,
  b,
  more = false,
  q,
}: {
  journeyId: string;
  versions: { id: string; number: number; name: string }[];
  a?: string;
  b?: string;
  /** Other versions exist beyond those offered: show the search. */
  more?: boolean;
  /** The search the offered versions answer. */
  q?: string;
}) {
  const { t } = await getT('versions');
  if (versions.length === 0 && !q) return <p className="text-slate-700">{t('compare.need_one')}</p>;
  const action = `/journeys/${journeyId}/versions/compare`;
  const options = versions.map((v) => ({ value: v.id, label: t('compare.version_option', { number: v.number, name: v.name }) }));
  const withCurrent = [{ value: 'current', label: t('compare.current') }, ...options];
  const clear = new URLSearchParams();
  if (a) clear.set('a', a);
  if (b) clear.set('b', b);
  return (
    <div className="space-y-4">
      <form method="get" action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField name="a" label={t('compare.from')} options={withCurrent} defaultValue={a ?? versions[0]?.id ?? 'current'} />
        <SelectField name="b" label={t('compare.to')} options={withCurrent} defaultValue={b ?? 'current'} />
        {q ? <input type="hidden" name="vq" value={q} /> : null}
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('compare.submit')}
        </button>
      </form>
      {more || q ? (
        <form method="get" action={action} role="search" className="max-w-xl border-t border-slate-200 pt-4">
          <p className="mb-2 text-sm text-slate-700" role="status">
            {q ? (versions.length > 0 ? t('compare.search_found', { q }) : t('compare.search_none', { q })) : t('compare.search_more')}
          </p>
          <label htmlFor="version-q" className="block text-sm font-medium text-slate-800">
            {t('compare.search_label')}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="version-q"
              name="vq"
              type="search"
              defaultValue={q ?? ''}
              maxLength={100}
              aria-describedby="version-q-hint"
              className="block min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
            />
            {a ? <input type="hidden" name="a" value={a} /> : null}
            {b ? <input type="hidden" name="b" value={b} /> : null}
            <button type="submit" className="min-h-11 shrink-0 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100">
              {t('compare.search_submit')}
            </button>
          </div>
          <p id="version-q-hint" className="mt-1 text-sm text-slate-600">
            {t('compare.search_hint')}
          </p>
          {q ? (
            <Link href={`${action}${clear.size ? `?${clear.toString()}` : ''}`} prefetch={false} className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-800 underline">
              {t('compare.search_clear')}
            </Link>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
