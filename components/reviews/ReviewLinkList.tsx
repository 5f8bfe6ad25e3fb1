import Link from 'next/link';
import { formatDate, formatNumber, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import type { ReviewLinkRow } from '@/lib/reviews/links';

/** Submitted ÷ opened, as a whole percentage; null before anyone opened the link. */
export function conversion(opened: number, submitted: number): number | null {
  return opened > 0 ? Math.round((submitted / opened) * 100) : null;
}

/** The business's review links, each with where it asks, its state and its counts. */
export async function ReviewLinkList({ links, timeZone, now }: { links: ReviewLinkRow[]; timeZone: TimeZone; now: Date }) {
  const { t, locale } = await getT('reviews');
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {links.map((l) => {
        const expired = l.expiresAt !== null && l.expiresAt.getTime() < now.getTime();
        const state = !l.active ? 'inactive' : expired ? 'expired' : 'active';
        const rate = conversion(l.openedCount, l.submittedCount);
        return (
          <li key={l.id} className="rounded-xl bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-2">
              <h3 className="min-w-0 font-semibold break-words">
                <Link href={`/reviews/links/${l.id}`} className="text-brand-800 underline">
                  {l.title}
                </Link>
              </h3>
              <span
                className={`shrink-0 rounded px-2 py-0.5 text-sm ${state === 'active' ? 'bg-brand-50 text-brand-800' : 'bg-slate-200 text-slate-800'}`}
              >
                {t(`links.${state}`)}
              </span>
            </div>
            <p className="mt-1 text-sm break-words text-slate-700">{t('links.journey', { journey: l.journeyName })}</p>
            <p className="text-sm break-words text-slate-700">{l.stageName ? t('links.stage', { stage: l.stageName }) : t('links.stage_removed')}</p>
            {l.touchpoint ? <p className="text-sm break-words text-slate-700">{t('links.touchpoint', { touchpoint: l.touchpoint })}</p> : null}
            {l.expiresAt && !expired ? <p className="text-sm text-slate-700">{t('links.expires', { date: formatDate(l.expiresAt, locale, timeZone) })}</p> : null}
            <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
              <div className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-700">{t('links.opened')}</dt>
                <dd className="text-lg font-bold">{formatNumber(l.openedCount, locale)}</dd>
              </div>
              <div className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-700">{t('links.submitted')}</dt>
                <dd className="text-lg font-bold">{formatNumber(l.submittedCount, locale)}</dd>
              </div>
              <div className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-700">{t('links.conversion')}</dt>
                <dd className="text-lg font-bold">{rate === null ? t('links.conversion_none') : `${formatNumber(rate, locale)}%`}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
