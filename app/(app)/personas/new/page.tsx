import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { blankPersona, PersonaForm } from '@/components/personas/PersonaForm';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { createPersonaAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('personas');
  return { title: t('new_title') };
}

export default async function NewPersonaPage() {
  await requireMember('personas.write');
  const { t } = await getT('personas');
  return (
    <div className="max-w-2xl">
      <Link href="/personas" className="text-sm font-medium text-brand-800 underline">
        {t('back_to_list')}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{t('new_title')}</h1>
      <p className="mt-1 text-slate-700">{t('new_intro')}</p>
      <div className="mt-4">
        <PersonaForm action={createPersonaAction} current={blankPersona} submission={randomUUID()} />
      </div>
    </div>
  );
}
