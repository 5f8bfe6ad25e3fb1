import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxFilters, type FilterChoices } from '@/components/reviews/InboxFilters';
import { ReviewCard } from '@/components/reviews/ReviewCard';
import { ReviewLinkAllowance } from '@/components/reviews/ReviewLinkAllowance';
import { ReviewLinkList } from '@/components/reviews/ReviewLinkList';
import { cursorOf, exportHref, inboxHref, isFiltered, readCursor, readInboxQuery, toFilter } from '@/lib/reviews/inbox-query';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/session';
import { inTenant } from '@/lib/core/tenancy';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { listJourneys } from '@/lib/journeys/queries';
import { listReviews } from '@/lib/reviews/inbox';
import { listReviewLinks } from '@/lib/reviews/links';
import { eraseReviewContactAction, saveReviewNoteAction, setReviewFeaturedAction, setReviewStatusAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT('reviews');
  return { title: t('title') };
}

const PAGE = 20;
const buttonClass = 'inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800';

/** The review links with their counts, then the inbox: newest first, filtered by a GET form, paged by keyset. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember('reviews.read');
  const params = await searchParams;
  const query = readInboxQuery(params);
  const before = readCursor(params);
  const tz = ctx.tenant.timeZone;
  const [links, journeys, rows] = await inTenant(ctx, (db) =>
    Promise.all([listReviewLinks(db), listJourneys(db), listReviews(db, toFilter(query, tz, before, PAGE + 1))]),
  );
  const { t, locale } = await getT('reviews');
  const canWrite = can(ctx.role, 'reviews.write');
  const page = rows.slice(0, PAGE);
  const older = rows.length > PAGE ? cursorOf(page[page.length - 1]!) : null;
  const filtered = isFiltered(query);

  // Filter choices come from the links: a review always arrives through one.
  const stageGroups = new Map<string, Map<string, string>>();
  for (const l of links) {
    if (!l.stageName) continue;
    const group = stageGroups.get(l.journeyName) ?? new Map<string, string>();
    group.set(l.stageId, l.stageName);
    stageGroups.set(l.journeyName, group);
  }
  const choices: FilterChoices = {
    journeys: [...new Map(links.map((l) => [l.journeyId, l.journeyName])).entries()].map(([id, name]) => ({ id, name })),
    stages: [...stageGroups.entries()].map(([journeyName, stages]) => ({ journeyName, stages: [...stages.entries()].map(([id, name]) => ({ id, name })) })),
    links: links.map((l) => ({ id: l.id, title: l.touchpoint ? `${l.title} (${l.touchpoint})` : l.title })),
  };
  const actions = canWrite
    ? { setStatus: setReviewStatusAction, setFeatured: setReviewFeaturedAction, saveNote: saveReviewNoteAction, erase: can(ctx.role, 'reviews.manage') ? eraseReviewContactAction : undefined }
    : null;
  const spam = query.status === 'spam';

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro')}</p>
      <nav aria-label={t('tabs.label')} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <a href="#links" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t('tabs.links')}
            </a>
          </li>
          <li>
            <a href="#inbox" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t('tabs.inbox')}
            </a>
          </li>
          <li>
            <Link href="/reviews/testimonials" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-brand-800 hover:bg-slate-100">
              {t('tabs.testimonials')}
            </Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="links" className="mt-6">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="links" className="scroll-mt-4 text-xl font-semibold">
            {t('links.heading')}
          </h2>
          {canWrite && journeys.length > 0 ? (
            <Link href="/reviews/links/new" className={buttonClass}>
              {t('links.new')}
            </Link>
          ) : null}
        </div>
        {/* The plan's review-link limit, when the business has one (a platform admin sets it). */}
        {canWrite ? <ReviewLinkAllowance ctx={ctx} /> : null}
        {links.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white p-5">
            <h3 className="font-semibold">{t('links.empty_title')}</h3>
            <p className="mt-1 text-slate-700">{journeys.length > 0 ? t('links.empty_body') : t('links.no_journey')}</p>
            {canWrite && journeys.length === 0 ? (
              <Link href="/journeys/new" className={`mt-3 ${buttonClass}`}>
                {t('links.no_journey_cta')}
              </Link>
            ) : null}
          </div>
        ) : (
          <ReviewLinkList links={links} timeZone={tz} now={new Date()} />
        )}
      </section>

      <section aria-labelledby="inbox" className="mt-8">
        <h2 id="inbox" className="mb-3 scroll-mt-4 text-xl font-semibold">
          {spam ? `${t('inbox.heading')}: ${t('inbox.spam_heading')}` : t('inbox.heading')}
        </h2>
        <p className="mb-3 flex flex-wrap gap-x-5 gap-y-2">
          <Link href={spam ? '/reviews#inbox' : '/reviews?status=spam#inbox'} className="font-medium text-brand-800 underline">
            {spam ? t('filters.status_inbox') : t('filters.status_spam')}
          </Link>
          {/* A plain link (no client routing): the browser downloads the file of the current filters. */}
          <a href={exportHref(query)} download className="font-medium text-brand-800 underline" title={t('export.download_hint')}>
            {t('export.download')}
          </a>
        </p>
        {spam ? <p className="mb-3 text-slate-700">{t('inbox.spam_intro')}</p> : null}
        <InboxFilters query={query} choices={choices} active={isFiltered({ ...query, status: spam ? 'inbox' : query.status })} />
        {before ? <p className="mt-3 text-sm text-slate-700">{t('inbox.showing_since', { date: formatDateTime(before.createdAt, locale, tz) })}</p> : null}
        {page.length === 0 ? (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white p-5 text-slate-700">
            {spam && !before ? t('inbox.empty_spam') : filtered || before ? t('inbox.empty_filtered') : t('inbox.empty')}
          </p>
        ) : (
          <ul className="mt-4 space-y-3">
            {page.map((r) => (
              <li key={r.id}>
                <ReviewCard review={r} business={ctx.tenant.tenantName} timeZone={tz} actions={actions} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {older ? (
            <Link href={inboxHref(query, older)} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
              {t('inbox.older')}
            </Link>
          ) : null}
          {before ? (
            <Link href={inboxHref(query)} className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
              {t('inbox.newest')}
            </Link>
          ) : null}
        </p>
      </section>
    </>
  );
}
