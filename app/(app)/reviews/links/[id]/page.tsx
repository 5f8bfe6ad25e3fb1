import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/reviews/ActionButton';
import { AskCustomerForm } from '@/components/reviews/AskCustomerForm';
import { ReviewLinkForm } from '@/components/reviews/ReviewLinkForm';
import { ReviewLinkShare } from '@/components/reviews/ReviewLinkShare';
import { conversion } from '@/components/reviews/ReviewLinkList';
import { journeyOptions } from '@/components/reviews/link-options';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { idOr404, or404 } from '@/lib/core/not-found';
import { inTenant } from '@/lib/core/tenancy';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { counterKey } from '@/lib/reviews/page/token';
import { publicUrl } from '@/lib/links/public-url';
import { incentivePhrases } from '@/lib/reviews/incentive';
import { getReviewLink } from '@/lib/reviews/links';
import { dateInZone } from '@/lib/reviews/model';
import { setReviewLinkActiveAction, updateReviewLinkAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('reviews');
  return { title: t('links.heading') };
}

const outlineButton = 'inline-flex min-h-12 items-center rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-100';

/** One review link: its short link to copy or send, the QR code, the poster, asking one customer, its counts, on/off and its texts. */
export default async function ReviewLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMember('reviews.read');
  const id = idOr404((await params).id);
  const canWrite = can(ctx.role, 'reviews.write');
  const { t, locale } = await getT('reviews');
  const { t: tj } = await getT('journeys');
  const [link, journeys] = await or404(
    inTenant(ctx, (db) => Promise.all([getReviewLink(db, id), canWrite ? journeyOptions(db, (c) => tj(`channels.${c}`)) : Promise.resolve([])])),
  );
  const url = await publicUrl(`/r/${link.slug}`);
  // Shown to every member who sees the link: staff run the counter tablet too.
  const business = ctx.tenant.tenantName;
  const expired = link.expiresAt !== null && link.expiresAt.getTime() < new Date().getTime();
  const state = !link.active ? 'inactive' : expired ? 'expired' : 'active';
  const rate = conversion(link.openedCount, link.submittedCount);
  const phrases = [...new Set([...incentivePhrases(link.title), ...incentivePhrases(link.thankYou)])];
  const asked = [t('link.q_stars'), link.askNps && t('link.q_nps'), link.askComment && t('link.q_comment'), link.askContact && t('link.q_contact'), link.askTestimonial && t('link.q_testimonial')].filter(Boolean);
  const qr = `/api/review-links/${id}/qr`;

  return (
    <>
      <p className="mb-3">
        <Link href="/reviews" className="font-medium text-brand-800 underline">
          {t('link.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{link.title}</h1>
      <p className="mt-1 break-words text-slate-700">
        {t('links.journey', { journey: link.journeyName })} · {link.stageName ? t('links.stage', { stage: link.stageName }) : t('links.stage_removed')}
        {link.touchpoint ? ` · ${t('links.touchpoint', { touchpoint: link.touchpoint })}` : ''}
      </p>
      <p className="mt-1 text-sm text-slate-700">{t('link.questions_asked', { list: asked.join(', ') })}</p>

      {phrases.length ? (
        <div className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t('form.incentive_title')}</p>
          <p className="mt-1">{t('form.incentive_body', { phrases: phrases.join('”, “') })}</p>
        </div>
      ) : null}

      <section aria-labelledby="share-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="share-heading" className="sr-only">
          {t('link.short_link')}
        </h2>
        <ReviewLinkShare link={url} message={t('link.whatsapp_message', { business, link: url })} counterLink={`${url}?mode=counter&c=${counterKey(link.id)}`} />
      </section>

      <section aria-labelledby="qr-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="qr-heading" className="text-lg font-semibold">
          {t('link.qr_heading')}
        </h2>
        <p className="mt-1 text-slate-700">{t('link.qr_hint')}</p>
        {/* The SVG from our own route: crisp at any size, and the same file the download gives. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`${qr}?format=svg`} alt={t('link.qr_alt', { link: url })} width={240} height={240} className="mt-3 h-60 w-60 rounded border border-slate-200 bg-white" />
        <div className="mt-3 flex flex-wrap gap-2">
          <a href={`${qr}?format=png&download=1`} download className={outlineButton}>
            {t('link.download_png')}
          </a>
          <a href={`${qr}?format=svg&download=1`} download className={outlineButton}>
            {t('link.download_svg')}
          </a>
          <Link href={`/reviews/links/${id}/poster`} prefetch={false} className={outlineButton}>
            {t('link.poster')}
          </Link>
          <Link href={`/reviews/links/${id}/poster?size=a4`} prefetch={false} className={outlineButton}>
            {t('link.poster_a4')}
          </Link>
        </div>
      </section>

      <section aria-labelledby="ask-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="ask-heading" className="text-lg font-semibold">
          {t('ask.heading')}
        </h2>
        <p className="mt-1 mb-3 text-slate-700">{t('ask.intro')}</p>
        <AskCustomerForm link={url} business={business} />
      </section>

      <section aria-labelledby="counts-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="counts-heading" className="text-lg font-semibold">
          {t('link.counts_heading')}
        </h2>
        <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
          <div className="rounded-lg bg-slate-50 p-2">
            <dt className="text-sm text-slate-700">{t('links.opened')}</dt>
            <dd className="text-2xl font-bold">{formatNumber(link.openedCount, locale)}</dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-2">
            <dt className="text-sm text-slate-700">{t('links.submitted')}</dt>
            <dd className="text-2xl font-bold">{formatNumber(link.submittedCount, locale)}</dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-2">
            <dt className="text-sm text-slate-700">{t('links.conversion')}</dt>
            <dd className="text-2xl font-bold">{rate === null ? t('links.conversion_none') : `${formatNumber(rate, locale)}%`}</dd>
          </div>
        </dl>
        <Link href={`/reviews?link=${id}#inbox`} className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-800 underline">
          {t('link.inbox')}
        </Link>
      </section>

      <section aria-labelledby="status-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="status-heading" className="text-lg font-semibold">
          {t('link.status_heading')}
        </h2>
        <p className="mt-1 text-slate-700">{t(`link.status_${state}`)}</p>
        {link.expiresAt ? <p className="text-sm text-slate-700">{t('links.expires', { date: formatDate(link.expiresAt, locale, ctx.tenant.timeZone) })}</p> : null}
        {canWrite ? (
          <div className="mt-3">
            <ActionButton
              action={setReviewLinkActiveAction}
              fields={{ id, active: link.active ? '0' : '1' }}
              label={link.active ? t('link.turn_off') : t('link.turn_on')}
              pendingLabel={t('link.turning')}
              look={link.active ? 'danger' : 'primary'}
            />
          </div>
        ) : null}
      </section>

      {canWrite ? (
        <section aria-labelledby="edit-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <details>
            <summary className="cursor-pointer">
              <h2 id="edit-heading" className="inline text-lg font-semibold">
                {t('form.edit_heading')}
              </h2>
            </summary>
            <div className="mt-4">
              <ReviewLinkForm
                action={updateReviewLinkAction}
                journeys={journeys}
                mode="edit"
                linkId={id}
                submission={randomUUID()}
                initial={{
                  journeyId: link.journeyId,
                  stageId: link.stageName ? link.stageId : '',
                  touchpoint: link.touchpoint,
                  title: link.title,
                  thankYou: link.thankYou,
                  askNps: link.askNps,
                  askComment: link.askComment,
                  askContact: link.askContact,
                  askTestimonial: link.askTestimonial,
                  googleMapsUrl: link.googleMapsUrl ?? '',
                  expiresAt: link.expiresAt ? dateInZone(link.expiresAt, link.timeZone) : '',
                }}
              />
            </div>
          </details>
        </section>
      ) : null}
    </>
  );
}
