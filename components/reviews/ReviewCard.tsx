import Link from 'next/link';
import { ConfirmAction } from '@/components/team/ConfirmAction';
import type { FormAction } from '@/lib/core/action-state';
import { formatDateTime, type TimeZone } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { whatsAppChatUrl } from '@/lib/links/whatsapp';
import type { ReviewRow } from '@/lib/reviews/inbox';
import { ActionButton } from './ActionButton';
import { ReviewNoteForm } from './ReviewNoteForm';
import { Stars } from './Stars';

export interface ReviewActions {
  setStatus: FormAction;
  setFeatured: FormAction;
  saveNote: FormAction;
  /** Owners only ('reviews.manage'): erase the customer's personal data (UU PDP). */
  erase?: FormAction;
}

/**
 * One review in the inbox: score, comment, where and when it came in, the customer only when they
 * consented to give their contact, and what the team may do with it (when `actions` is given).
 */
export async function ReviewCard({ review: r, business, timeZone, actions }: { review: ReviewRow; business: string; timeZone: TimeZone; actions: ReviewActions | null }) {
  const { t, locale } = await getT('reviews');
  const headingId = `review-${r.id}`;
  const contact = r.contactConsent && (r.customerName || r.customerWhatsapp);
  const replyMessage = r.customerName ? t('review.reply_message', { name: r.customerName, business }) : t('review.reply_message_no_name', { business });
  return (
    <article aria-labelledby={headingId} className={`rounded-xl bg-white p-4 shadow-sm ${r.status === 'new' ? 'border-l-4 border-brand-700' : ''}`}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          <Stars n={r.stars} label={t('review.stars', { n: r.stars })} />
        </h3>
        {r.nps !== null ? <span className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800">{t('review.nps', { n: r.nps })}</span> : null}
        {r.status !== 'read' ? (
          <span className={`rounded px-2 py-0.5 text-sm font-medium ${r.status === 'spam' ? 'bg-red-50 text-red-800' : 'bg-brand-50 text-brand-800'}`}>
            {t(`review.status_${r.status}`)}
          </span>
        ) : null}
        {r.featured ? <span className="rounded bg-amber-50 px-2 py-0.5 text-sm font-medium text-amber-900">{t('review.featured')}</span> : null}
      </header>

      <p className={`mt-2 break-words whitespace-pre-line ${r.comment ? 'text-slate-900' : 'text-slate-600 italic'}`}>{r.comment || t('review.no_comment')}</p>

      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t('review.stage')}</dt>
        <dd className="break-words text-slate-900">
          {r.stageName ?? t('links.stage_removed')} · {r.journeyName}
        </dd>
        <dt className="font-medium text-slate-700">{t('review.link')}</dt>
        <dd className="break-words text-slate-900">
          <Link href={`/reviews/links/${r.linkId}`} className="text-brand-800 underline">
            {r.linkTitle}
          </Link>
          {r.touchpoint ? ` · ${r.touchpoint}` : ''}
        </dd>
        <dt className="font-medium text-slate-700">{t('review.received')}</dt>
        <dd className="text-slate-900">{formatDateTime(r.createdAt, locale, timeZone)}</dd>
        <dt className="font-medium text-slate-700">{t('review.customer')}</dt>
        <dd className="break-words text-slate-900">
          {contact ? (
            <>
              {r.customerName ? <span className="font-medium">{r.customerName}</span> : null}
              {r.customerName && r.customerWhatsapp ? ' · ' : null}
              {r.customerWhatsapp ? <span>+{r.customerWhatsapp}</span> : null}
            </>
          ) : r.erasedAt ? (
            t('review.erased')
          ) : (
            t('review.anonymous')
          )}
        </dd>
      </dl>
      <p className="mt-1 text-sm text-slate-700">{r.testimonialConsent ? t('review.testimonial_ok') : t('review.testimonial_no')}</p>
      {r.status === 'spam' && r.spamReason ? <p className="mt-1 text-sm text-red-800">{t('review.spam_reason', { reason: r.spamReason })}</p> : null}

      {actions ? (
        <div role="group" aria-label={t('review.actions')} className="mt-3 space-y-3 border-t border-slate-200 pt-3">
          <div className="flex flex-wrap items-start gap-2">
            {r.status === 'new' ? <ActionButton action={actions.setStatus} fields={{ id: r.id, status: 'read' }} label={t('review.mark_read')} pendingLabel={t('review.working')} look="primary" /> : null}
            {r.status === 'read' ? <ActionButton action={actions.setStatus} fields={{ id: r.id, status: 'new' }} label={t('review.mark_unread')} pendingLabel={t('review.working')} /> : null}
            {r.status === 'spam' ? (
              <ActionButton action={actions.setStatus} fields={{ id: r.id, status: 'read' }} label={t('review.restore')} pendingLabel={t('review.working')} look="primary" />
            ) : (
              <ActionButton action={actions.setStatus} fields={{ id: r.id, status: 'spam' }} label={t('review.mark_spam')} pendingLabel={t('review.working')} look="danger" />
            )}
            {/* Featuring needs the customer's consent: without it there is no button (and the server refuses anyway). */}
            {r.testimonialConsent && r.status !== 'spam' ? (
              <ActionButton
                action={actions.setFeatured}
                fields={{ id: r.id, featured: r.featured ? '0' : '1' }}
                label={r.featured ? t('review.unfeature') : t('review.feature')}
                pendingLabel={t('review.working')}
              />
            ) : null}
            {contact && r.customerWhatsapp ? (
              <a
                href={whatsAppChatUrl(r.customerWhatsapp, replyMessage)}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex min-h-11 items-center rounded-lg border border-brand-700 bg-white px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-100"
              >
                {t('review.reply')}
              </a>
            ) : null}
          </div>
          <ReviewNoteForm action={actions.saveNote} reviewId={r.id} note={r.note} />
          {actions.erase && !r.erasedAt ? (
            <ConfirmAction
              action={actions.erase}
              fields={{ id: r.id }}
              trigger={t('review.erase')}
              prompt={t('review.erase_prompt')}
              confirm={t('review.erase_confirm')}
              pending={t('review.erasing')}
            />
          ) : null}
        </div>
      ) : r.note ? (
        <p className="mt-3 border-t border-slate-200 pt-3 text-sm break-words whitespace-pre-line text-slate-800">{r.note}</p>
      ) : null}
    </article>
  );
}
