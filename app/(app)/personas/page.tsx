import type { Metadata } from 'next';
import Link from 'next/link';
import { personaPhotoPath, PersonaAvatar } from '@/components/personas/PersonaAvatar';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { countArchivedPersonas, genders, listPersonas } from '@/lib/personas/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('personas');
  return { title: t('title') };
}

const buttonClass = 'inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';

export default async function PersonasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('journeys.read');
  const showArchived = (await searchParams).archived === '1';
  const { t } = await getT('personas');
  const { t: tj } = await getT('journeys');
  const [list, archivedCount] = await inTenant(ctx, (db) => Promise.all([listPersonas(db, { includeArchived: showArchived }), countArchivedPersonas(db)]));
  const canWrite = can(ctx.role, 'personas.write');
  const active = list.filter((p) => !p.archivedAt);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-1 text-slate-700">{t('intro')}</p>
        </div>
        {canWrite && active.length > 0 ? (
          <Link href="/personas/new" className={buttonClass}>
            {t('new')}
          </Link>
        ) : null}
      </div>

      {active.length === 0 ? (
        <section aria-labelledby="empty" className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="empty" className="text-lg font-semibold">
            {t('empty.title')}
          </h2>
          <p className="mt-2 text-slate-700">{t('empty.body')}</p>
          <p className="mt-2 text-slate-700">{t('empty.why')}</p>
          {canWrite ? (
            <Link href="/personas/new" className={`mt-4 ${buttonClass}`}>
              {t('empty.cta')}
            </Link>
          ) : null}
        </section>
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
                      <Link href={`/personas/${p.id}`} className="text-brand-800 underline">
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

      {archivedCount > 0 ? (
        <p className="mt-6">
          <Link href={showArchived ? '/personas' : '/personas?archived=1'} className="font-medium text-brand-800 underline">
            {showArchived ? t('filter.hide_archived') : t('filter.show_archived', { count: archivedCount })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
