import type { Metadata } from 'next';
import Link from 'next/link';
import { personaPhotoPath, PersonaAvatar } from '@/components/personas/PersonaAvatar';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { countPersonas, genders, listPersonasPage, readPersonaListQuery, type PersonaListQuery } from '@/lib/personas/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('personas');
  return { title: t('title') };
}

const buttonClass = 'inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';

/** The list's address: the search and the archived filter kept, optionally from a page's cursor on. */
function listHref(query: Pick<PersonaListQuery, 'q' | 'archived'>, after?: string): string {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.archived) p.set('archived', '1');
  if (after) p.set('after', after);
  const s = p.toString();
  return `/personas${s ? `?${s}` : ''}`;
}

/**
 * The business's personas, a page at a time (keyset paging: as fast with 2,000 personas as with
 * ten), searched by name through a GET form that works without JavaScript.
 */
export default async function PersonasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('journeys.read');
  const query = readPersonaListQuery(await searchParams);
  const showArchived = query.archived;
  const { t } = await getT('personas');
  const { t: tj } = await getT('journeys');
  const [page, counts] = await inTenant(ctx, (db) =>
    Promise.all([listPersonasPage(db, { q: query.q, includeArchived: showArchived, after: query.after }), countPersonas(db, { q: query.q, includeArchived: showArchived })]),
  );
  const list = page.rows;
  const canWrite = can(ctx.role, 'personas.write');
  const archivedCount = counts.archived;
  const hasActive = counts.active > 0;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-1 text-slate-700">{t('intro')}</p>
        </div>
        {canWrite && hasActive ? (
          <Link href="/personas/new" prefetch={false} className={buttonClass}>
            {t('new')}
          </Link>
        ) : null}
      </div>

      {!hasActive ? (
        <section aria-labelledby="empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="empty" className="text-lg font-semibold">
            {t('empty.title')}
          </h2>
          <p className="mt-2 text-slate-700">{t('empty.body')}</p>
          <p className="mt-2 text-slate-700">{t('empty.why')}</p>
          {canWrite ? (
            <Link href="/personas/new" prefetch={false} className={`mt-4 ${buttonClass}`}>
              {t('empty.cta')}
            </Link>
          ) : null}
        </section>
      ) : null}

      {hasActive || archivedCount > 0 ? (
        <form method="get" action="/personas" role="search" className="mt-6 max-w-xl">
          <label htmlFor="persona-q" className="block text-sm font-medium text-slate-800">
            {t('list.search_label')}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="persona-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ''}
              maxLength={100}
              aria-describedby="persona-q-hint"
              className="block min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
            />
            {showArchived ? <input type="hidden" name="archived" value="1" /> : null}
            <button type="submit" className="min-h-11 shrink-0 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
              {t('list.search_submit')}
            </button>
          </div>
          <p id="persona-q-hint" className="mt-1 text-sm text-slate-600">
            {t('list.search_hint')}
          </p>
        </form>
      ) : null}

      {query.q ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-slate-700" role="status">
          <span>{counts.matching > 0 ? t('list.found', { count: counts.matching, q: query.q }) : t('list.none_found', { q: query.q })}</span>
          <Link href={listHref({ archived: showArchived })} prefetch={false} className="font-medium text-brand-800 underline">
            {t('list.search_clear')}
          </Link>
        </p>
      ) : null}

      {list.length > 0 ? (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2">
          {list.map((p) => {
            const facts = [p.ageRange, p.gender ? ((genders as readonly string[]).includes(p.gender) ? t(`gender.${p.gender}`) : p.gender) : '', p.location].filter(Boolean);
            return (
              <li key={p.id} className={`rounded-xl bg-white p-4 shadow-sm ${p.archivedAt ? 'border border-dashed border-slate-300' : ''}`}>
                <div className="flex items-start gap-3">
                  <PersonaAvatar name={p.name} color={p.avatarColor} photoSrc={p.hasPhoto ? personaPhotoPath(p.id, p.updatedAt) : null} />
                  <div className="min-w-0 flex-1">
                    <h2 className="text-lg font-semibold break-words">
                      <Link href={`/personas/${p.id}`} prefetch={false} className="text-brand-800 underline">
                        {p.name}
                      </Link>
                    </h2>
                    {p.archivedAt ? <span className="mt-1 inline-block rounded bg-slate-200 px-2 py-0.5 text-sm text-slate-800">{t('archived_badge')}</span> : null}
                    {facts.length ? <p className="mt-1 text-sm text-slate-700">{facts.join(' · ')}</p> : null}
                    {p.occupation ? <p className="text-sm text-slate-700">{p.occupation}</p> : null}
                    {p.preferredChannels.length ? (
                      <p className="mt-2 text-sm text-slate-700">{t('card.channels', { channels: p.preferredChannels.map((c) => tj(`channels.${c}`)).join(', ') })}</p>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      {page.next || query.after ? (
        <nav aria-label={t('list.pages_label')} className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {page.next ? (
            <Link href={listHref(query, page.next)} prefetch={false} rel="next" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
              {t('list.next')}
            </Link>
          ) : null}
          {query.after ? (
            <Link href={listHref(query)} prefetch={false} className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
              {t('list.first')}
            </Link>
          ) : null}
        </nav>
      ) : null}

      {archivedCount > 0 ? (
        <p className="mt-6">
          <Link href={listHref({ q: query.q, archived: !showArchived })} prefetch={false} className="font-medium text-brand-800 underline">
            {showArchived ? t('filter.hide_archived') : t('filter.show_archived', { count: archivedCount })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
