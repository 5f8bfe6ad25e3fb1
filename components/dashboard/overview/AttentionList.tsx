import Link from 'next/link';
import { ATTENTION_WINDOW, type Overview } from '@/lib/dashboard/overview';
import { formatDateTime, formatNumber, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { inboxHref } from '@/lib/reviews/inbox-query';
import { stageLabel } from './text';

/** Long comments are cut on the home; the inbox has the whole text. */
const MAX_COMMENT = 240;
const cut = (s: string) => (s.length > MAX_COMMENT ? `${s.slice(0, MAX_COMMENT - 1).trimEnd()}…` : s);

/**
 * Reviews needing attention: 1–2 stars with a comment, unread, in the period, newest first (a few),
 * each leading to the inbox filtered down to it, with the count of all of them.
 */
export async function AttentionList({ attention, period, timeZone }: { attention: Overview['attention']; period: Overview['period']; timeZone: TimeZone }) {
  const { t, locale } = await getT('overview');
  const n = formatNumber(attention.total, locale);
  return (
    <section aria-labelledby="overview-attention" className="rounded-xl bg-white p-5 shadow-sm">
      <h2 id="overview-attention" className="text-lg font-semibold">
        {t('attention.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('attention.intro')}</p>
      {attention.total === 0 ? (
        <p className="mt-3 text-slate-700">{t('attention.none')}</p>
      ) : (
        <>
          <p className="mt-3 font-semibold text-slate-900" data-testid="attention-count">
            {attention.windowFull
              ? t('attention.count_floor', { n, window: formatNumber(ATTENTION_WINDOW, locale), count: attention.total })
              : t('attention.count', { n, count: attention.total })}
          </p>
          <ul className="mt-3 divide-y divide-slate-200" data-testid="attention-list">
            {attention.items.map((r) => {
              const date = formatDateTime(r.createdAt, locale, timeZone);
              const href = inboxHref({ journey: r.journeyId, stage: r.stageId, stars: r.stars, status: 'new', comment: true, from: r.day, to: r.day });
              return (
                <li key={r.id} className="min-w-0 py-3">
                  <p className="text-sm text-slate-700">
                    <span aria-hidden="true" className="mr-1 text-red-700">
                      {'★'.repeat(r.stars)}
                      <span className="text-slate-400">{'☆'.repeat(5 - r.stars)}</span>
                    </span>
                    <span className="sr-only">{t('attention.stars', { n: r.stars })} · </span>
                    <span className="break-words">{t('attention.where', { stage: stageLabel(t, r.stageName, null), journey: r.journeyName })}</span> · {date}
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words text-slate-900">{cut(r.comment)}</p>
                  <Link href={href} aria-label={t('attention.open_label', { stars: r.stars, date })} className="inline-block py-2 text-sm font-medium text-brand-800 underline">
                    {t('attention.open')}
                  </Link>
                </li>
              );
            })}
          </ul>
          <p className="mt-2">
            <Link href={inboxHref({ status: 'new', comment: true, sentiment: 'negative', from: period.from, to: period.to })} className="inline-block py-2 font-medium text-brand-800 underline">
              {t('attention.all')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
