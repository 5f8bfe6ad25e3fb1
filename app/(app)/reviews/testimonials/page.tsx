import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmAction } from '@/components/team/ConfirmAction';
import { ActionButton } from '@/components/reviews/ActionButton';
import { EmbedSnippet, TestimonialUrl } from '@/components/reviews/EmbedSnippet';
import { Stars } from '@/components/reviews/Stars';
import { TestimonialPageForm } from '@/components/reviews/TestimonialPageForm';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { publicUrl } from '@/lib/links/public-url';
import { honestyLine } from '@/lib/reviews/page/testimonials';
import { suggestTestimonialSlug } from '@/lib/reviews/testimonial-model';
import { getTestimonialPage, loadTestimonialPage, testimonialCandidates, testimonialCounts } from '@/lib/reviews/testimonials';
import { setReviewFeaturedAction } from '../actions';
import { removeTestimonialPageAction, saveTestimonialPageAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('testimonials');
  return { title: t('owner.title') };
}

const outlineButton = 'inline-flex min-h-12 items-center rounded-lg border border-brand-700 bg-white px-4 py-2.5 font-semibold text-brand-800 hover:bg-brand-100';

function attr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The business's public testimonial page: its address (claim, change, remove: owners), the public
 * address to copy and open, the embed code, what visitors will read in the honesty line, and the
 * reviews that may still be featured (members who may write the inbox feature them here too).
 */
export default async function TestimonialsOwnerPage() {
  const ctx = await requireMember('reviews.read');
  const canManage = can(ctx.role, 'reviews.manage');
  const canFeature = can(ctx.role, 'reviews.write');
  const { t, locale } = await getT('testimonials');
  const { t: tr } = await getT('reviews');
  const [page, counts, candidates, preview] = await inTenant(ctx, (db) =>
    Promise.all([getTestimonialPage(db), testimonialCounts(db), testimonialCandidates(db, 5), loadTestimonialPage(db)]),
  );
  const business = ctx.tenant.tenantName;
  const prefix = await publicUrl('/t/');
  const url = page ? await publicUrl(`/t/${page.slug}`) : null;
  const embedUrl = page ? await publicUrl(`/t/${page.slug}/embed`) : null;
  const snippet = embedUrl
    ? `<iframe src="${attr(embedUrl)}" title="${attr(t('owner.embed_title', { business }))}" loading="lazy" style="width:100%;max-width:40rem;height:36rem;border:0"></iframe>`
    : '';
  const line = preview ? honestyLine(locale, preview.testimonials.length, preview.totalReviews, preview.averageStars) : '';

  return (
    <>
      <p className="mb-3">
        <Link href="/reviews" className="font-medium text-brand-800 underline">
          {t('owner.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('owner.title')}</h1>
      <p className="mt-1 text-slate-700">{t('owner.intro')}</p>

      <section aria-labelledby="address-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="address-heading" className="text-lg font-semibold">
          {t('owner.address_heading')}
        </h2>
        {page && url ? (
          <div className="mt-3 space-y-4">
            <TestimonialUrl url={url} />
            <a href={url} target="_blank" rel="noopener" className={outlineButton}>
              {t('owner.open')}
            </a>
            {canManage ? (
              <>
                <TestimonialPageForm action={saveTestimonialPageAction} initialSlug={page.slug} mode="rename" prefix={prefix} submission={randomUUID()} />
                <ConfirmAction
                  action={removeTestimonialPageAction}
                  fields={{}}
                  trigger={t('owner.remove')}
                  prompt={t('owner.remove_prompt')}
                  confirm={t('owner.remove_confirm')}
                  pending={t('owner.removing')}
                />
              </>
            ) : null}
          </div>
        ) : canManage ? (
          <div className="mt-3 space-y-3">
            <p className="text-slate-700">{t('owner.none')}</p>
            <TestimonialPageForm action={saveTestimonialPageAction} initialSlug={suggestTestimonialSlug(business)} mode="create" prefix={prefix} submission={randomUUID()} />
          </div>
        ) : (
          <p className="mt-3 text-slate-700">{t('owner.staff_none')}</p>
        )}
        {canManage && page ? (
          <p className="mt-4 text-sm text-slate-700">
            {t('owner.language_note')}{' '}
            {can(ctx.role, 'tenant.settings') ? (
              <Link href="/settings/business" className="font-medium text-brand-800 underline">
                {t('owner.language_link')}
              </Link>
            ) : null}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="featured-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="featured-heading" className="text-lg font-semibold">
          {t('owner.featured_heading')}
        </h2>
        <p className="mt-2 text-slate-900">
          {t('owner.featured_count', { featured: formatNumber(counts.featured, locale) })} {t('owner.featurable_count', { featurable: formatNumber(counts.featurable, locale) })}
        </p>
        {line ? <p className="mt-2 border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-slate-900">{t('owner.preview', { line })}</p> : null}
        {candidates.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t('owner.candidates_heading')}</h3>
            <ul className="mt-2 space-y-3">
              {candidates.map((c) => {
                const name = c.name ?? t('page.anonymous');
                return (
                  <li key={c.id}>
                    <article aria-label={t('owner.candidate_label', { stars: c.stars, name })} className="rounded-lg border border-slate-200 p-3">
                      <Stars n={c.stars} label={tr('review.stars', { n: c.stars })} />
                      <p className={`mt-1 break-words whitespace-pre-line ${c.comment ? 'text-slate-900' : 'text-slate-600 italic'}`}>{c.comment || t('owner.no_comment')}</p>
                      <p className="mt-1 text-sm text-slate-700">{[name, c.stageName, formatDate(c.createdAt, locale, ctx.tenant.timeZone)].filter(Boolean).join(' · ')}</p>
                      {canFeature ? (
                        <div className="mt-2">
                          <ActionButton action={setReviewFeaturedAction} fields={{ id: c.id, featured: '1' }} label={t('owner.feature')} pendingLabel={t('owner.featuring')} look="primary" />
                        </div>
                      ) : null}
                    </article>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        <p className="mt-4 text-sm text-slate-700">{t('owner.inbox_hint')}</p>
        <Link href="/reviews#inbox" className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-800 underline">
          {t('owner.inbox')}
        </Link>
      </section>

      {page && snippet ? (
        <section aria-labelledby="embed-heading" className="mt-6 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="embed-heading" className="text-lg font-semibold">
            {t('owner.embed_heading')}
          </h2>
          <p className="mt-1 mb-3 text-slate-700">{t('owner.embed_intro')}</p>
          <EmbedSnippet snippet={snippet} />
        </section>
      ) : null}
    </>
  );
}
