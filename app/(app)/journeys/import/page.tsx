import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { ImportForm } from '@/components/journeys/ImportForm';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { importJourneyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('import.title') };
}

/** A journey from a Jejak file (another business's export, or a backup) becomes a new journey here. */
export default async function ImportPage() {
  await requireMember('journeys.write');
  const { t } = await getT('versions');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('import.title')}</h1>
      <p className="mt-1 text-slate-700">{t('import.intro')}</p>
      <div className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <ImportForm action={importJourneyAction} submission={randomUUID()} />
      </div>
    </>
  );
}
