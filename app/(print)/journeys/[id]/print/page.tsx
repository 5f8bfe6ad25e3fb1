import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '@/components/journeys/PrintButton';
import { PrintMap } from '@/components/journeys/PrintMap';
import { measuredEmotionText, stageReviewText } from '@/components/journeys/stage-reviews';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { getJourney } from '@/lib/journeys/queries';
import { stageReviewSummary } from '@/lib/reviews/stage-summary';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('versions');
  return { title: t('print.title') };
}

/** The whole map on one A4 landscape sheet (or a PDF), for the wall of the shop or a meeting. */
export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('journeys.read');
  const id = idOr404((await params).id);
  const canReadReviews = can(ctx.role, 'reviews.read');
  const { journey, stages, persona, summary } = await or404(
    inTenant(ctx, async (db) => ({ ...(await getJourney(db, id)), summary: canReadReviews ? await stageReviewSummary(db, id) : null })),
  );
  const { t, locale } = await getT('versions');
  const { t: tm } = await getT('map');
  // The same per-stage review line as the owner's map, as plain text on paper, and the measured
  // emotion beside the designed one.
  const reviews = summary
    ? {
        label: tm('reviews.print_row'),
        lines: stages.map((s) => stageReviewText(tm, locale, s.id ? summary[s.id] : undefined)),
        measured: { label: tm('measured.print_row'), lines: stages.map((s) => measuredEmotionText(tm, locale, s.id ? summary[s.id] : undefined)) },
      }
    : undefined;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/journeys/${id}`} className="font-semibold text-brand-800 underline">
          {t('print.back')}
        </Link>
        <PrintButton label={t('print.button')} />
        <p className="w-full text-sm text-slate-700">{t('print.hint')}</p>
      </div>
      <header className="mb-3">
        <h1 className="text-xl font-bold">{journey.name}</h1>
        <p className="text-sm text-slate-700">
          {t('print.printed', { business: ctx.tenant.tenantName, date: formatDateTime(new Date(), locale, ctx.tenant.timeZone) })}
          {persona ? ` · ${t('map.persona', { name: persona.name })}` : ''}
        </p>
      </header>
      <PrintMap stages={stages} reviews={reviews} />
    </>
  );
}
