import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { personaPhotoPath, PersonaAvatar } from '@/components/personas/PersonaAvatar';
import { PersonaActions } from '@/components/personas/PersonaActions';
import { PersonaForm } from '@/components/personas/PersonaForm';
import { can } from '@/lib/auth/permissions';
import { requireMember, type MemberContext } from '@/lib/auth/session';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { personaTexts } from '@/lib/personas/fields';
import { getPersona, journeysUsingPersona } from '@/lib/personas/queries';
import { duplicatePersonaAction, setArchivedAction, updatePersonaAction } from '../actions';

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

/**
 * The persona with the journeys mapped for it, in one unit of work, once per request (the title
 * and the page share it); a foreign, unknown or malformed id is a 404.
 */
const loadPersona = cache((tenantId: string, userId: string, id: string) => {
  const personaId = idOr404(id);
  return or404(
    inTenant({ tenantId, userId }, async (db) => ({ persona: await getPersona(db, personaId), usedIn: await journeysUsingPersona(db, personaId) })),
  );
});

const load = (ctx: MemberContext, id: string) => loadPersona(ctx.tenantId, ctx.userId, id);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await requireMember('journeys.read');
  const { persona } = await load(ctx, (await params).id);
  return { title: persona.name };
}

export default async function PersonaPage({ params, searchParams }: Props) {
  const ctx = await requireMember('journeys.read');
  const { persona: p, usedIn } = await load(ctx, (await params).id);
  const created = (await searchParams)?.created === '1';
  const { t, locale } = await getT('personas');
  const { t: tj } = await getT('journeys');
  const canWrite = can(ctx.role, 'personas.write');
  const photoSrc = p.photoUrl ? personaPhotoPath(p.id, p.updatedAt) : null;
  return (
    <div className="max-w-2xl">
      <Link href="/personas" className="text-sm font-medium text-brand-800 underline">
        {t('back_to_list')}
      </Link>
      <div className="mt-2 flex items-center gap-3">
        <PersonaAvatar name={p.name} color={p.avatarColor} photoSrc={photoSrc} />
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">{p.name}</h1>
          <p className="text-sm text-slate-700">{t('updated', { date: formatDateTime(p.updatedAt, locale, ctx.tenant.timeZone) })}</p>
        </div>
      </div>

      {created ? (
        <p role="status" className="mt-4 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {t('created_notice')}
        </p>
      ) : null}
      {p.archivedAt ? <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-slate-900">{t('archived_notice')}</p> : null}

      {canWrite ? (
        <div className="mt-4">
          <PersonaActions id={p.id} archived={!!p.archivedAt} duplicate={duplicatePersonaAction} setArchived={setArchivedAction} />
        </div>
      ) : null}

      <section aria-labelledby="used-in" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="used-in" className="text-lg font-semibold">
          {t('journeys.heading')}
        </h2>
        {usedIn.length ? (
          <ul className="mt-2 divide-y divide-slate-200">
            {usedIn.map((j) => (
              <li key={j.id} className="py-2">
                <Link href={`/journeys/${j.id}`} className="font-medium text-brand-800 underline">
                  {j.name}
                </Link>{' '}
                <span className="text-sm text-slate-700">· {tj(`statuses.${j.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t('journeys.none')}</p>
        )}
      </section>

      <div className="mt-6">
        <PersonaForm
          action={updatePersonaAction}
          readOnly={!canWrite}
          current={{ id: p.id, name: p.name, avatarColor: p.avatarColor, photoSrc, preferredChannels: p.preferredChannels, ...personaTexts(p) }}
        />
      </div>
    </div>
  );
}
