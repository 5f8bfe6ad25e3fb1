import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareForm } from '@/components/journeys/CompareForm';
import { SaveVersionForm } from '@/components/journeys/SaveVersionForm';
import { ToolsNav } from '@/components/journeys/ToolsNav';
import { VersionList } from '@/components/journeys/VersionList';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { getJourney, listVersionsPage, versionChoices } from '@/lib/journeys/queries';
import { restoreVersionAction, saveVersionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('history.title') };
}

/** Revise and repeat: save named snapshots of the map, compare any two, restore an old one. */
// The history is paged newest first by version number (`?before=<number>`: the versions below it),
// and the compare form offers the newest versions with a search: 300 versions load like ten.
export default async function VersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  const rawBefore = (await searchParams).before;
  const before = typeof rawBefore === 'string' && /^\d{1,9}$/.test(rawBefore) && Number(rawBefore) > 0 ? Number(rawBefore) : undefined;
  const [{ journey }, page, choices] = await or404(
    inTenant(ctx, (db) => Promise.all([getJourney(db, id), listVersionsPage(db, id, { before }), versionChoices(db, id)])),
  );
  const versions = page.rows;
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
        <CompareForm journeyId={id} versions={choices.options} more={choices.more} />
      </section>

      <section aria-labelledby="history-heading" className="mt-6">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          {t('history.list_heading')}
        </h2>
        {before ? <p className="mb-3 text-sm text-slate-700">{t('history.showing_before', { number: before })}</p> : null}
        <VersionList journeyId={id} versions={versions} timeZone={ctx.tenant.timeZone} restore={canWrite ? restoreVersionAction : null} />
        {page.older || before ? (
          <nav aria-label={t('history.pages_label')} className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
            {page.older ? (
              <Link href={`/journeys/${id}/versions?before=${page.older}#history-heading`} prefetch={false} rel="next" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                {t('history.older')}
              </Link>
            ) : null}
            {before ? (
              <Link href={`/journeys/${id}/versions#history-heading`} prefetch={false} className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
                {t('history.newest')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
