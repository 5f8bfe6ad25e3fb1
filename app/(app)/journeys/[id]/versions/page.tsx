import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { CompareForm } from '@/components/journeys/CompareForm';
import { SaveVersionForm } from '@/components/journeys/SaveVersionForm';
import { ToolsNav } from '@/components/journeys/ToolsNav';
import { VersionList } from '@/components/journeys/VersionList';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { getJourney, listVersions } from '@/lib/journeys/queries';
import { restoreVersionAction, saveVersionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('history.title') };
}

/** Revise and repeat: save named snapshots of the map, compare any two, restore an old one. */
export default async function VersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  const [{ journey }, versions] = await or404(inTenant(ctx, (db) => Promise.all([getJourney(db, id), listVersions(db, id)])));
  const { t } = await getT('versions');
  const canWrite = can(ctx.role, 'journeys.write');
  return (
    <>
      <ToolsNav journeyId={id} current="versions" canWrite={canWrite} />
      <h1 className="text-2xl font-bold">{t('history.heading', { journey: journey.name })}</h1>
      <p className="mt-1 text-slate-700">{t('history.intro')}</p>

      {canWrite ? (
        <section aria-labelledby="save-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="save-heading" className="mb-3 text-lg font-semibold">
            {t('history.save_heading')}
          </h2>
          <SaveVersionForm action={saveVersionAction} journeyId={id} submission={randomUUID()} />
        </section>
      ) : null}

      <section aria-labelledby="compare-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="compare-heading" className="mb-3 text-lg font-semibold">
          {t('compare.form_heading')}
        </h2>
        <CompareForm journeyId={id} versions={versions} />
      </section>

      <section aria-labelledby="history-heading" className="mt-6">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          {t('history.list_heading')}
        </h2>
        <VersionList journeyId={id} versions={versions} timeZone={ctx.tenant.timeZone} restore={canWrite ? restoreVersionAction : null} />
      </section>
    </>
  );
}
