import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { formatDate } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { inTenant } from '@/lib/core/tenancy';
import { listJourneys } from '@/lib/journeys/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('journeys');
  return { title: t('title') };
}

const buttonClass = 'inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';
const statusClass = { draft: 'bg-slate-200 text-slate-800', active: 'bg-brand-50 text-brand-800', archived: 'bg-slate-100 text-slate-700' } as const;

export default async function JourneysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('journeys.read');
  const showArchived = (await searchParams).archived === '1';
  const { t, locale } = await getT('journeys');
  const { t: tv } = await getT('versions');
  const list = await inTenant(ctx, (db) => listJourneys(db, { includeArchived: showArchived }));
  const canWrite = can(ctx.role, 'journeys.write');
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-1 text-slate-700">{t('list.intro')}</p>
        </div>
        {canWrite && list.length > 0 ? (
          <Link href="/journeys/new" className={buttonClass}>
            {t('list.new')}
          </Link>
        ) : null}
      </div>

      {list.length === 0 ? (
        <section aria-labelledby="empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="empty" className="text-lg font-semibold">
            {t('list.empty_title')}
          </h2>
          <p className="mt-2 text-slate-700">{t('list.empty_body')}</p>
          {canWrite ? (
            <Link href="/journeys/new" className={`mt-4 ${buttonClass}`}>
              {t('list.empty_cta')}
            </Link>
          ) : null}
        </section>
      ) : (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2">
          {list.map((j) => (
            <li key={j.id} className={`rounded-xl bg-white p-4 shadow-sm ${j.status === 'archived' ? 'border border-dashed border-slate-300' : ''}`}>
              <h2 className="text-lg font-semibold break-words">
                <Link href={`/journeys/${j.id}`} className="text-brand-800 underline">
                  {j.name}
                </Link>
              </h2>
              <span className={`mt-1 inline-block rounded px-2 py-0.5 text-sm ${statusClass[j.status]}`}>{t(`statuses.${j.status}`)}</span>
              <p className="mt-2 text-sm break-words text-slate-700">{j.personaName ? t('list.persona', { name: j.personaName }) : t('list.no_persona')}</p>
              <p className="text-sm text-slate-700">
                {t('list.stages', { n: j.stageCount })} · {t('list.updated', { date: formatDate(j.updatedAt, locale, ctx.tenant.timeZone) })}
              </p>
            </li>
          ))}
        </ul>
      )}

      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={showArchived ? '/journeys' : '/journeys?archived=1'} className="font-medium text-brand-800 underline">
          {showArchived ? t('list.hide_archived') : t('list.show_archived')}
        </Link>
        {canWrite ? (
          <Link href="/journeys/import" className="font-medium text-brand-800 underline">
            {tv('tools.import')}
          </Link>
        ) : null}
      </p>
    </>
  );
}
