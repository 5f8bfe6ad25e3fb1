import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ClientTranslations } from '@/components/i18n/ClientTranslations';
import { ToolsNav } from '@/components/journeys/ToolsNav';
import { JourneyDetailsForm } from '@/components/journeys/map/JourneyDetailsForm';
import { MapEditor } from '@/components/journeys/map/MapEditor';
import type { StageReviewLine } from '@/components/journeys/map/StageReviews';
import { stageReviewLine } from '@/components/journeys/stage-reviews';
import { journeyStatuses } from '@/lib/shared/journeys';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { getJourney, getVersions } from '@/lib/journeys/queries';
import { personaPicker } from '@/lib/personas/queries';
import { stageReviewSummary } from '@/lib/reviews/stage-summary';
import { saveMapAction, updateJourneyDetailsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('map');
  return { title: t('title') };
}

export default async function JourneyMapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  // After a restore (versions/actions.ts): which version came back, and which one keeps the map as it was.
  const query = await searchParams;
  // The persona select's search (components/personas/PersonaPicker.tsx): `?persona_q=`.
  const personaQuery = typeof query.persona_q === 'string' ? query.persona_q.trim().slice(0, 100) || undefined : undefined;
  const restoredId = isUuid(query.restored) ? query.restored : null;
  const keptNumber = typeof query.kept === 'string' && /^[1-9]\d{0,8}$/.test(query.kept) ? Number(query.kept) : null;
  const canWrite = can(ctx.role, 'journeys.write');
  const canReadReviews = can(ctx.role, 'reviews.read');
  const { journey, stages, persona, personas, summary, restored } = await or404(
    inTenant(ctx, async (db) => {
      const loaded = await getJourney(db, id);
      // An archived persona is not offered for new journeys, but stays selectable where it is in use.
      const personas = canWrite ? await personaPicker(db, { keep: loaded.journey.personaId, q: personaQuery }) : { options: [], more: false };
      // What customers said, per stage: the business's own figures, for its members only.
      const summary = canReadReviews ? await stageReviewSummary(db, id) : null;
      // A version id that is not one of this journey's says nothing (no message, no 404).
      const restored =
        restoredId && keptNumber
          ? await getVersions(db, id, [restoredId]).then(
              ([v]) => v ?? null,
              (err: unknown) => {
                if (err instanceof NotFoundError) return null;
                throw err;
              },
            )
          : null;
      return { ...loaded, personas, summary, restored };
    }),
  );
  const { t, locale } = await getT('map');
  const { t: tj } = await getT('journeys');
  const { t: tv } = await getT('versions');
  // Each saved stage's review line, as ready text and links (the editor is client code: plain props).
  const canAsk = can(ctx.role, 'reviews.write');
  const reviewLines: Record<string, StageReviewLine> | undefined = summary
    ? Object.fromEntries(stages.filter((s) => s.id).map((s) => [s.id!, stageReviewLine(t, locale, journey.id, s.id!, summary[s.id!], { canAsk })]))
    : undefined;

  return (
    // Only what this page's client components use ('common' comes from the journey layout).
    <ClientTranslations namespaces={['journeys', 'map']}>
      {/* The map uses the whole width of a laptop (five stages side by side): the app's column is lifted on this page only. */}
      <style>{'main:has([data-map-wide]){max-width:none}'}</style>
      <div className="mx-auto max-w-5xl">
        <p className="text-sm">
          <Link href="/journeys" className="font-medium text-brand-800 underline">
            {t('header.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold break-words">{journey.name}</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-slate-700">
          <div className="flex gap-1">
            <dt>{t('header.persona')}:</dt>
            <dd>
              {persona ? (
                <Link href={`/personas/${persona.id}`} className="font-medium text-brand-800 underline">
                  {persona.name}
                </Link>
              ) : (
                t('header.no_persona')
              )}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>{t('header.status')}:</dt>
            <dd className="font-medium text-slate-900">{tj(`statuses.${journey.status}`)}</dd>
          </div>
        </dl>

        {restored && keptNumber ? (
          <div role="status" className="mt-4 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium break-words text-brand-800">
            {tv(keptNumber === restored.number ? 'history.restored_same' : 'history.restored', { number: restored.number, name: restored.name, kept: keptNumber })}{' '}
            <Link href={`/journeys/${journey.id}/versions`} className="underline">
              {tv('history.restored_link')}
            </Link>
          </div>
        ) : null}
        {query.imported === '1' ? (
          <div role="status" className="mt-4 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium break-words text-brand-800">
            {tv('import.done')}
          </div>
        ) : null}

        <div className="mt-4">
          <ToolsNav journeyId={journey.id} current="map" canWrite={canWrite} />
        </div>

        {canWrite ? (
          <details className="mt-4 rounded-xl bg-white p-4 shadow-sm" open={personaQuery ? true : undefined}>
            <summary className="cursor-pointer font-semibold text-slate-900">{t('details.heading')}</summary>
            <div className="mt-4">
              <JourneyDetailsForm
                action={updateJourneyDetailsAction}
                journeyId={journey.id}
                name={journey.name}
                personaId={journey.personaId}
                status={journey.status}
                personas={personas.options}
                personaMore={personas.more}
                personaQuery={personaQuery}
                statuses={[...journeyStatuses]}
                submission={randomUUID()}
              />
            </div>
          </details>
        ) : null}
      </div>

      <MapEditor
        action={saveMapAction}
        journeyId={journey.id}
        revision={journey.revision}
        isCycle={journey.isCycle}
        stages={stages}
        reviews={reviewLines}
        canWrite={canWrite}
        submission={randomUUID()}
      />
    </ClientTranslations>
  );
}
