import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewLinkAllowance } from '@/components/reviews/ReviewLinkAllowance';
import { ReviewLinkForm } from '@/components/reviews/ReviewLinkForm';
import { linkJourneyOptions } from '@/components/reviews/link-options';
import { requireMember } from '@/lib/auth/session';
import { isUuid } from '@/lib/core/ids';
import { getT } from '@/lib/i18n/server';
import { createReviewLinkAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('reviews');
  return { title: t('form.new_title') };
}

/** A new review link: which stage it asks about, the texts, the questions. Then on to its page. */
export default async function NewReviewLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('reviews.write');
  const params = await searchParams;
  const journeys = await linkJourneyOptions(ctx);
  const { t } = await getT('reviews');
  const wanted = typeof params.journey === 'string' && isUuid(params.journey) ? journeys.find((j) => j.id === params.journey) : undefined;
  const journey = wanted ?? journeys[0];
  const stageId = typeof params.stage === 'string' && journey?.stages.some((s) => s.id === params.stage) ? params.stage : '';
  return (
    <>
      <p className="mb-3">
        <Link href="/reviews" className="font-medium text-brand-800 underline">
          {t('link.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('form.new_title')}</h1>
      <p className="mt-1 text-slate-700">{t('form.new_intro')}</p>
      {/* The plan's review-link limit, when the business has one (a platform admin sets it). */}
      <ReviewLinkAllowance ctx={ctx} />
      {journeys.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-5">
          <p className="text-slate-700">{t('links.no_journey')}</p>
          <Link href="/journeys/new" className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
            {t('links.no_journey_cta')}
          </Link>
        </div>
      ) : (
        <section aria-label={t('form.new_title')} className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <ReviewLinkForm
            action={createReviewLinkAction}
            journeys={journeys}
            mode="new"
            submission={randomUUID()}
            initial={{
              journeyId: journey!.id,
              stageId,
              touchpoint: '',
              title: t('form.title_default', { business: ctx.tenant.tenantName }),
              thankYou: t('form.thank_you_default'),
              askNps: true,
              askComment: true,
              askContact: false,
              askTestimonial: true,
              googleMapsUrl: '',
              expiresAt: '',
            }}
          />
        </section>
      )}
    </>
  );
}
