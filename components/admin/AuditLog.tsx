import Link from 'next/link';
import { SelectField, TextField } from '@/components/ui/Field';
import type { AuditListQuery, AuditPage } from '@/lib/admin/audit';
import { adminActions, adminReasons, changeActions } from '@/lib/admin/door';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';

function auditHref(query: AuditListQuery, after?: string): string {
  const p = new URLSearchParams();
  if (query.actor) p.set('actor', query.actor);
  if (query.action) p.set('action', query.action);
  if (query.business) p.set('business', query.business);
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  if (after) p.set('after', after);
  const qs = p.toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}

/** A fixed reason (view, sign-in) translated; the reason an admin typed for a change, as typed. */
function reasonLabel(t: (key: string) => string, r: { action: string; reason: string }): string {
  const fixed = (adminReasons as readonly string[]).includes(r.reason) && !(changeActions as readonly string[]).includes(r.action);
  return fixed ? t(`audit.reasons.${r.reason}`) : r.reason;
}

/** Filters as a plain GET form. */
export async function AuditFilters({ query, admins }: { query: AuditListQuery; admins: { id: string; email: string }[] }) {
  const { t } = await getT('admin');
  return (
    <form method="get" action="/admin/audit" aria-label={t('audit.filters')} className="grid gap-4 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
      <SelectField name="actor" label={t('audit.actor')} placeholder={t('audit.any_actor')} defaultValue={query.actor ?? ''} options={admins.map((a) => ({ value: a.id, label: a.email }))} />
      <SelectField
        name="action"
        label={t('audit.action')}
        placeholder={t('audit.any_action')}
        defaultValue={query.action ?? ''}
        options={adminActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
      />
      <TextField name="business" label={t('audit.business')} hint={t('audit.business_hint')} defaultValue={query.business ?? ''} autoComplete="off" spellCheck={false} maxLength={36} />
      <TextField name="from" type="date" label={t('audit.from')} defaultValue={query.from ?? ''} />
      <TextField name="to" type="date" label={t('audit.to')} defaultValue={query.to ?? ''} />
      <div className="flex flex-wrap items-end gap-3">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          {t('audit.apply')}
        </button>
        <Link href="/admin/audit" prefetch={false} className="rounded-lg px-3 py-2.5 font-medium text-brand-800 underline hover:bg-slate-100">
          {t('audit.reset')}
        </Link>
      </div>
    </form>
  );
}

function details(meta: Record<string, unknown>): string {
  const entries = Object.entries(meta).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

/** The entries, newest first: each a card on a phone, a row of a table on a wider screen. */
export async function AuditEntries({ query, page }: { query: AuditListQuery; page: AuditPage }) {
  const { t, locale } = await getT('admin');
  const none = t('audit.none');
  const business = (r: AuditPage['rows'][number]) =>
    r.tenantId ? (
      r.tenantName ? (
        <Link href={`/admin/businesses/${r.tenantId}`} prefetch={false} className="text-brand-800 underline">
          {r.tenantName}
        </Link>
      ) : (
        <span title={r.tenantId}>{t('audit.gone')}</span>
      )
    ) : (
      none
    );
  if (page.rows.length === 0) return <p className="mt-6 rounded-xl bg-white p-4 text-slate-700 shadow-sm">{t('audit.empty')}</p>;
  return (
    <>
      <ul className="mt-6 space-y-3 md:hidden">
        {page.rows.map((r) => (
          <li key={r.id} className="rounded-xl bg-white p-4 text-sm shadow-sm">
            <p className="font-semibold">{t(`audit.actions.${r.action}`)}</p>
            <p className="text-slate-700">{formatDateTime(r.at, locale)}</p>
            <p className="break-all">{r.actorEmail ?? r.actorUserId}</p>
            <p>
              {t('audit.col_business')}: {business(r)}
            </p>
            <p className="text-slate-700">
              {t('audit.col_reason')}: {reasonLabel(t, r)} · {t('audit.col_ip')}: {r.ip ?? none}
            </p>
            {details(r.meta) ? <p className="break-all text-slate-600">{details(r.meta)}</p> : null}
          </li>
        ))}
      </ul>
      <div className="mt-6 hidden overflow-x-auto rounded-xl bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              {(['col_time', 'col_actor', 'col_action', 'col_business', 'col_reason', 'col_ip', 'col_details'] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-3 font-semibold">
                  {t(`audit.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top last:border-0">
                <td className="px-3 py-2">{formatDateTime(r.at, locale)}</td>
                <td className="break-all px-3 py-2">{r.actorEmail ?? r.actorUserId}</td>
                <td className="px-3 py-2">{t(`audit.actions.${r.action}`)}</td>
                <td className="px-3 py-2">{business(r)}</td>
                <td className="px-3 py-2">{reasonLabel(t, r)}</td>
                <td className="px-3 py-2">{r.ip ?? none}</td>
                <td className="max-w-xs break-all px-3 py-2 text-slate-600">{details(r.meta) || none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('audit.pages')} className="mt-4 flex justify-between gap-3">
        {query.after ? (
          <Link href={auditHref(query)} prefetch={false} className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-100">
            {t('audit.first')}
          </Link>
        ) : (
          <span />
        )}
        {page.next ? (
          <Link href={auditHref(query, page.next)} prefetch={false} rel="next" className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold hover:bg-slate-100">
            {t('audit.older')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
