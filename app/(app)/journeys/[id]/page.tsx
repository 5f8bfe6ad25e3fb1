import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
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
import { getJourney } from '@/lib/journeys/queries';
import { personaOptions } from '@/lib/personas/queries';
import { stageReviewSummary } from '@/lib/reviews/stage-summary';
import { saveMapAction, updateJourneyDetailsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('map');
  return { title: t('title') };
}

export default async function JourneyMapPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  const canWrite = can(ctx.role, 'journeys.write');
  const canReadReviews = can(ctx.role, 'reviews.read');
  const { journey, stages, persona, personas, summary } = await or404(
    inTenant(ctx, async (db) => {
      const loaded = await getJourney(db, id);
      // An archived persona is not offered for new journeys, but stays selectable where it is in use.
      const personas = canWrite ? await personaOptions(db, { keep: loaded.journey.personaId }) : [];
      // What customers said, per stage: the business's own figures, for its members only.
      const summary = canReadReviews ? await stageReviewSummary(db, id) : null;
      return { ...loaded, personas, summary };
    }),
  );
  const { t, locale } = await getT('map');
  const { t: tj } = await getT('journeys');
  // Each saved stage's review line, as ready text and links (the editor is client code: plain props).
  const canAsk = can(ctx.role, 'reviews.write');
  const reviewLines: Record<string, StageReviewLine> | undefined = summary
    ? Object.fromEntries(stages.filter((s) => s.id).map((s) => [s.id!, stageReviewLine(t, locale, journey.id, s.id!, summary[s.id!], { canAsk })]))
    : undefined;

  return (
    <>
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

      <div className="mt-4">
        <ToolsNav journeyId={journey.id} current="map" canWrite={canWrite} />
      </div>

      {canWrite ? (
        <details className="mt-4 rounded-xl bg-white p-4 shadow-sm">
          <summary className="cursor-pointer font-semibold text-slate-900">{t('details.heading')}</summary>
          <div className="mt-4">
            <JourneyDetailsForm
              action={updateJourneyDetailsAction}
              journeyId={journey.id}
              name={journey.name}
              personaId={journey.personaId}
              status={journey.status}
              personas={personas}
              statuses={[...journeyStatuses]}
              submission={randomUUID()}
            />
          </div>
        </details>
      ) : null}

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
    </>
  );
}
