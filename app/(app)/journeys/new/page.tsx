import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { NewJourneyForm } from '@/components/journeys/NewJourneyForm';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { getT } from '@/lib/i18n/server';
import { startChoices } from '@/lib/journeys/start';
import { getTemplate } from '@/lib/journeys/templates';
import { personaOptions } from '@/lib/personas/queries';
import { getTenant } from '@/lib/team/team';
import { createJourneyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('journeys');
  return { title: t('new.title') };
}

export default async function NewJourneyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('journeys.write');
  const { t, locale } = await getT('journeys');
  const [tenant, personas] = await inTenant(ctx, (db) => Promise.all([getTenant(db), personaOptions(db)]));
  const choices = startChoices(tenant.businessType);
  // A persona page may link here with its persona chosen; anything not on the list is ignored.
  const wanted = (await searchParams).persona;
  const defaultPersona = personas.find((p) => p.id === wanted)?.id ?? '';
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
