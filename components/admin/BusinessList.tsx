import Link from 'next/link';
import { SelectField, TextField } from '@/components/ui/Field';
import { businessOrders, businessStatuses, type BusinessListQuery, type BusinessPage } from '@/lib/admin/businesses';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { businessTypes } from '@/lib/shared/business';

/** The list's address with these filters (and a page cursor, if any). */
function listHref(query: BusinessListQuery, cursor?: { after?: string; before?: string }): string {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.type) p.set('type', query.type);
  if (query.status) p.set('status', query.status);
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  if (query.order !== 'created_desc') p.set('order', query.order);
  if (cursor?.after) p.set('after', cursor.after);
  if (cursor?.before) p.set('before', cursor.before);
  const qs = p.toString();
  return qs ? `/admin/businesses?${qs}` : '/admin/businesses';
}

/** Filters as a plain GET form: works without JavaScript, and the address can be shared between admins. */
export async function BusinessFilters({ query }: { query: BusinessListQuery }) {
  const { t } = await getT('admin');
  const { t: tc } = await getT('common');
  return (
    <form method="get" action="/admin/businesses" aria-label={t('businesses.filters')} className="grid gap-4 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
      <div className="sm:col-span-2 lg:col-span-3">
        <TextField name="q" type="search" label={t('businesses.search')} hint={t('businesses.search_hint')} defaultValue={query.q ?? ''} maxLength={100} autoComplete="off" />
      </div>
      <SelectField
        name="type"
        label={t('businesses.type')}
        placeholder={t('businesses.any_type')}
        defaultValue={query.type ?? ''}
        options={businessTypes.map((b) => ({ value: b, label: tc(`business_types.${b}`) }))}
      />
      <SelectField
        name="status"
        label={t('businesses.status')}
        placeholder={t('businesses.any_status')}
        defaultValue={query.status ?? ''}
        options={businessStatuses.map((st) => ({ value: st, label: t(`businesses.statuses.${st}`) }))}
      />
      <TextField name="from" type="date" label={t('businesses.created_from')} defaultValue={query.from ?? ''} />
      <TextField name="to" type="date" label={t('businesses.created_to')} defaultValue={query.to ?? ''} />
      <SelectField
        name="order"
        label={t('businesses.order')}
        defaultValue={query.order}
        options={businessOrders.map((o) => ({ value: o, label: t(`businesses.orders.${o}`) }))}
      />
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('businesses.apply')}
        </button>
        <Link href="/admin/businesses" prefetch={false} className="rounded-lg px-3 py-2.5 font-medium text-brand-800 underline hover:bg-slate-100">
          {t('businesses.reset')}
        </Link>
      </div>
    </form>
  );
}

/** One page of businesses: cards on a phone, a table on a wider screen; then the page links. */
export async function BusinessResults({ query, page }: { query: BusinessListQuery; page: BusinessPage }) {
  const { t, locale } = await getT('admin');
  const { t: tc } = await getT('common');
  const when = (d: Date) => formatDate(d, locale);
  const activity = (d: Date) => formatDateTime(d, locale);
  return (
    <section aria-labelledby="results-heading" className="mt-6">
      <h2 id="results-heading" className="text-lg font-semibold">
        {t('businesses.total', { count: page.total })}
      </h2>
      {page.rows.length === 0 ? (
        <p className="mt-3 rounded-xl bg-white p-4 text-slate-700 shadow-sm">{t('businesses.empty')}</p>
      ) : (
        <>
          <ul className="mt-3 space-y-3 md:hidden">
            {page.rows.map((b) => (
              <li key={b.id} className="rounded-xl bg-white p-4 shadow-sm">
                <Link href={`/admin/businesses/${b.id}`} prefetch={false} className="text-base font-semibold text-brand-800 underline">
                  {b.name}
                </Link>
                {b.suspended ? <span className="ml-2 inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t('businesses.suspended')}</span> : null}
                <p className="mt-1 text-sm text-slate-700">
                  {tc(`business_types.${b.businessType}`)}
                  {b.city ? ` · ${b.city}` : ''}
                </p>
                <p className="mt-1 break-all text-sm text-slate-700">{b.ownerEmail ?? t('businesses.no_owner')}</p>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-slate-600">{t('businesses.col_created')}</dt>
                    <dd>{when(b.createdAt)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t('businesses.col_activity')}</dt>
                    <dd>{activity(b.lastActiveAt)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <div className="mt-3 hidden overflow-x-auto rounded-xl bg-white shadow-sm md:block">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t('businesses.col_name')}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t('businesses.col_owner')}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t('businesses.col_created')}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t('businesses.col_activity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((b) => (
                  <tr key={b.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link href={`/admin/businesses/${b.id}`} prefetch={false} className="font-semibold text-brand-800 underline">
                        {b.name}
                      </Link>
                      {b.suspended ? <span className="ml-2 inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t('businesses.suspended')}</span> : null}
                      <div className="text-slate-700">
                        {tc(`business_types.${b.businessType}`)}
                        {b.city ? ` · ${b.city}` : ''}
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      {b.ownerName ? <div>{b.ownerName}</div> : null}
                      <div className="text-slate-700">{b.ownerEmail ?? t('businesses.no_owner')}</div>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3">{when(b.createdAt)}</td>
                    <td className="px-4 py-3">{activity(b.lastActiveAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {page.prev || page.next ? (
        <nav aria-label={t('businesses.pages')} className="mt-4 flex justify-between gap-3">
          {page.prev ? (
            <Link href={listHref(query, { before: page.prev })} prefetch={false} rel="prev" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-100">
              {t('businesses.prev')}
            </Link>
          ) : (
            <span />
          )}
          {page.next ? (
            <Link href={listHref(query, { after: page.next })} prefetch={false} rel="next" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-100">
              {t('businesses.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
