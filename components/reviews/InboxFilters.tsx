import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { inboxHref, type InboxQuery } from '@/lib/reviews/inbox-query';

/** What the filter lists offer: the business's journeys, stages with links, and links. */
export interface FilterChoices {
  journeys: { id: string; name: string }[];
  /** Stages that have links, grouped under their journey's name. */
  stages: { journeyName: string; stages: { id: string; name: string }[] }[];
  links: { id: string; title: string }[];
}

const fieldClass =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600';
const labelClass = 'block text-sm font-medium text-slate-800';

/**
 * A plain GET form (works without JavaScript; the address can be bookmarked or shared with the
 * team). Folded on a phone unless a filter is set, so the reviews come first.
 */
export type { InboxQuery };

export async function InboxFilters({ query, choices, active }: { query: InboxQuery; choices: FilterChoices; active: boolean }) {
  const { t } = await getT('reviews');
  return (
    <details open={active} className="rounded-xl bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('filters.heading')}</summary>
      <form method="get" action="/reviews#inbox" className="mt-3 grid gap-4 sm:grid-cols-2">
        {query.theme || query.sentiment ? (
          // A comment theme from the stage dashboard: kept through other filter changes, cleared by its own link.
          <p className="rounded-lg bg-brand-50 p-3 text-sm text-slate-900 sm:col-span-2">
            {query.theme ? <input type="hidden" name="theme" value={query.theme} /> : null}
            {query.sentiment ? <input type="hidden" name="sentiment" value={query.sentiment} /> : null}
            {query.theme ? t('filters.theme', { theme: query.theme }) : null}
            {query.theme && query.sentiment ? ' · ' : null}
            {query.sentiment ? t(`filters.sentiment_${query.sentiment}`) : null}{' '}
            <Link href={inboxHref({ ...query, theme: undefined, sentiment: undefined })} className="font-medium text-brand-800 underline">
              {t('filters.theme_clear')}
            </Link>
          </p>
        ) : null}
        <div>
          <label htmlFor="f-status" className={labelClass}>
            {t('filters.status')}
          </label>
          <select id="f-status" name="status" defaultValue={query.status} className={fieldClass}>
            <option value="inbox">{t('filters.status_inbox')}</option>
            <option value="new">{t('filters.status_new')}</option>
            <option value="spam">{t('filters.status_spam')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-q" className={labelClass}>
            {t('filters.q')}
          </label>
          <input id="f-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="f-journey" className={labelClass}>
            {t('filters.journey')}
          </label>
          <select id="f-journey" name="journey" defaultValue={query.journey ?? ''} className={fieldClass}>
            <option value="">{t('filters.all')}</option>
            {choices.journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-stage" className={labelClass}>
            {t('filters.stage')}
          </label>
          <select id="f-stage" name="stage" defaultValue={query.stage ?? ''} className={fieldClass}>
            <option value="">{t('filters.all')}</option>
            {choices.stages.map((g) => (
              <optgroup key={g.journeyName} label={g.journeyName}>
                {g.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-link" className={labelClass}>
            {t('filters.link')}
          </label>
          <select id="f-link" name="link" defaultValue={query.link ?? ''} className={fieldClass}>
            <option value="">{t('filters.all')}</option>
            {choices.links.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-stars" className={labelClass}>
            {t('filters.stars')}
          </label>
          <select id="f-stars" name="stars" defaultValue={query.stars ? String(query.stars) : ''} className={fieldClass}>
            <option value="">{t('filters.all')}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {t('filters.stars_option', { n })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-nps" className={labelClass}>
            {t('filters.nps')}
          </label>
          <select id="f-nps" name="nps" defaultValue={query.nps ?? ''} className={fieldClass}>
            <option value="">{t('filters.all')}</option>
            <option value="promoter">{t('filters.nps_promoter')}</option>
            <option value="passive">{t('filters.nps_passive')}</option>
            <option value="detractor">{t('filters.nps_detractor')}</option>
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor="f-from" className={labelClass}>
              {t('filters.from')}
            </label>
            <input id="f-from" type="date" name="from" defaultValue={query.from ?? ''} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="f-to" className={labelClass}>
              {t('filters.to')}
            </label>
            <input id="f-to" type="date" name="to" defaultValue={query.to ?? ''} className={fieldClass} />
          </div>
        </div>
        <label className="flex min-h-12 cursor-pointer items-center gap-3 sm:col-span-2">
          <input type="checkbox" name="comment" value="1" defaultChecked={query.comment} className="h-5 w-5 accent-brand-700" />
          <span>{t('filters.has_comment')}</span>
        </label>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <button type="submit" className="min-h-12 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t('filters.apply')}
          </button>
          <Link href="/reviews#inbox" className="font-medium text-brand-800 underline">
            {t('filters.reset')}
          </Link>
        </div>
      </form>
    </details>
  );
}
