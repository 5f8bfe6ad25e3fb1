import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { NewJourneyForm } from '@/components/journeys/NewJourneyForm';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { startChoices } from '@/lib/journeys/start';
import { getTemplate } from '@/lib/journeys/templates';
import { personaPicker } from '@/lib/personas/queries';
import { getTenant } from '@/lib/team/team';
import { createJourneyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('journeys');
  return { title: t('new.title') };
}

export default async function NewJourneyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('journeys.write');
  const { t, locale } = await getT('journeys');
  const query = await searchParams;
  // A persona page may link here with its persona chosen; anything not on the list is ignored.
  const wanted = typeof query.persona === 'string' ? query.persona : undefined;
  // The persona select's search (components/personas/PersonaPicker.tsx): `?persona_q=`.
  const personaQuery = typeof query.persona_q === 'string' ? query.persona_q.trim().slice(0, 100) || undefined : undefined;
  const [tenant, picker] = await inTenant(ctx, (db) => Promise.all([getTenant(db), personaPicker(db, { keep: wanted, q: personaQuery })]));
  const personas = picker.options;
  const choices = startChoices(tenant.businessType);
  // With exactly one persona, the new journey is for it unless the owner chooses "none".
  const defaultPersona = personas.find((p) => p.id === wanted)?.id ?? (personas.length === 1 && !picker.more && !personaQuery ? personas[0]!.id : '');
  return (
    <div className="max-w-2xl">
      <p>
        <Link href="/journeys" className="text-sm font-medium text-brand-800 underline">
          {t('new.back')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('new.title')}</h1>
      <p className="mt-1 text-slate-700">{t('new.intro')}</p>
      <div className="mt-4 rounded-xl bg-white p-4 shadow-sm sm:p-5">
        <NewJourneyForm
          action={createJourneyAction}
          submission={randomUUID()}
          personas={personas}
          defaultPersona={defaultPersona}
          personaMore={picker.more}
          personaQuery={personaQuery}
          choices={{
            recommended: choices.recommended,
            preselected: choices.preselected,
            models: choices.models,
            templates: choices.templates.map((key) => ({ key, stages: getTemplate(key, locale).stages.length })),
          }}
        />
      </div>
    </div>
  );
}
