/**
 * The public review page as plain HTML: the form, the thank-you, and the short pages for a link
 * that is unknown, closed or cannot be served right now. Pure (strings in, a string out): no
 * framework runtime reaches the customer's phone, only this HTML with its inline CSS and, on the
 * form, a few KB of inline script (./script.ts) that improves what already works without it.
 * Every text comes from locales/<lang>/review_page.json; everything the owner or the customer
 * typed is escaped.
 */
import type { TFunction } from 'i18next';
import { HONEYPOT_FIELD } from '@/lib/core/honeypot';
import { i18nFor } from '@/lib/i18n/instance';
import { whatsAppShareUrl } from '@/lib/links/urls';
import { locales, type Locale } from '@/lib/shared/locales';
import { REVIEW_LIMITS } from '../model';
import type { PublicReviewLink } from '../public';
import { reviewPageCss, reviewPageJs } from './assets';

/** What the page shows of a link: part of what `loadPublicReviewLink` returns. */
export type ReviewPageLink = Pick<PublicReviewLink, 'slug' | 'title' | 'thankYou' | 'askNps' | 'askComment' | 'askContact' | 'askTestimonial' | 'googleMapsUrl' | 'businessName'>;

export interface FormState {
  /** The submission key, the render time and its signature (hidden fields). */
  token: { key: string; renderedAt: string; sig: string };
  /** What the customer typed (on an answer with messages). */
  values?: Record<string, string>;
  /** Messages by field name, already translated. */
  fieldErrors?: Record<string, string>;
  /** A message about the whole form (already translated), e.g. too many reviews from here. */
  notice?: { title?: string; text: string };
}

const HONEYPOT = HONEYPOT_FIELD;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function translator(locale: Locale): TFunction {
  return i18nFor(locale).getFixedT(locale, 'review_page');
}

/** The owner's Google Maps link, only when it is an https URL (the schema checks it; this is the page's own guard). */
function safeHttpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function languageSwitch(t: TFunction, locale: Locale): string {
  const links = locales
    .map((l) => {
      const current = l === locale ? ' aria-current="true"' : '';
      return `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${current}>${escapeHtml(t(`review_page:language.${l}`))}</a>`;
    })
    .join('');
  return `<nav class="lang" aria-label="${escapeHtml(t('review_page:language.label'))}">${links}</nav>`;
}

function documentHtml(opts: { locale: Locale; title: string; business: string | null; body: string; script: boolean; t: TFunction }): string {
  const { locale, t } = opts;
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer">' +
    '<meta name="color-scheme" content="light"><meta name="theme-color" content="#047857">' +
    `<link rel="icon" href="data:,"><title>${escapeHtml(opts.title)}</title><style>${reviewPageCss}</style></head>` +
    `<body><main><div class="top">${opts.business === null ? '<span></span>' : `<p class="biz">${escapeHtml(opts.business)}</p>`}${languageSwitch(t, locale)}</div>` +
    `${opts.body}<footer><p>${escapeHtml(t('review_page:footer'))}</p></footer></main>` +
    (opts.script ? `<script>${reviewPageJs}</script>` : '') +
    '</body></html>'
  );
}

/** The review form: on first open, or again with the customer's values and messages. */
export function renderReviewForm(locale: Locale, link: ReviewPageLink, state: FormState): string {
  const t = translator(locale);
  const business = link.businessName;
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // A control character a field arrived with is shown as � (where it was), not sent back as is.
  const value = (name: string) => escapeHtml((values[name] ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD'));
  const error = (name: string) => `<p class="err" id="e-${name}">${escapeHtml(errors[name] ?? '')}</p>`;
  const invalid = (name: string) => (errors[name] ? ' aria-invalid="true"' : '');
  const checked = (name: string, v: string) => ((values[name] ?? '') === v ? ' checked' : '');

  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(link.title)}</h1><p class="hint">${escapeHtml(t('review_page:form.intro'))}</p>`);

  // Messages first, each linking to its field.
  const fieldAnchor: Record<string, string> = { stars: 'f-stars-1', nps: 'f-nps-0', contactConsent: 'f-contactConsent' };
  const listed = Object.entries(errors).filter(([, m]) => m);
  if (state.notice || listed.length) {
    const items = listed.map(([f, m]) => `<li><a href="#${fieldAnchor[f] ?? `f-${f}`}">${escapeHtml(m)}</a></li>`).join('');
    parts.push(
      '<div class="box" id="errs" role="alert">' +
        (state.notice ? `${state.notice.title ? `<p><strong>${escapeHtml(state.notice.title)}</strong></p>` : ''}<p>${escapeHtml(state.notice.text)}</p>` : '') +
        (listed.length ? `<p><strong>${escapeHtml(t('review_page:form.errors_title'))}</strong></p><ul>${items}</ul>` : '') +
        '</div>',
    );
  }

  const action = `/r/${encodeURIComponent(link.slug)}?lang=${locale}`;
  parts.push(
    `<form id="rf" method="post" action="${escapeHtml(action)}" novalidate accept-charset="utf-8"` +
      ` data-m-stars="${escapeHtml(t('review_page:errors.stars_required'))}"` +
      ` data-m-consent="${escapeHtml(t('review_page:errors.contact_consent_required'))}"` +
      ` data-m-sending="${escapeHtml(t('review_page:form.sending'))}">`,
  );
  parts.push(
    `<input type="hidden" name="key" value="${escapeHtml(state.token.key)}">` +
      `<input type="hidden" name="t" value="${escapeHtml(state.token.renderedAt)}">` +
      `<input type="hidden" name="sig" value="${escapeHtml(state.token.sig)}">`,
  );

  // Stars: a radio group, with or without the script.
  const starLabels = [t('review_page:form.star_1'), t('review_page:form.star_2'), t('review_page:form.star_3'), t('review_page:form.star_4'), t('review_page:form.star_5')];
  const starInputs = starLabels
    .map((text, i) => {
      const n = String(i + 1);
      return (
        `<input type="radio" name="stars" id="f-stars-${n}" value="${n}"${checked('stars', n)} aria-describedby="e-stars">` +
        `<label for="f-stars-${n}"><span aria-hidden="true">★</span><span class="sr">${escapeHtml(text)}</span></label>`
      );
    })
    .join('');
  parts.push(`<fieldset><legend>${escapeHtml(t('review_page:form.stars_legend'))}</legend><div class="st">${starInputs}</div>${error('stars')}</fieldset>`);

  if (link.askNps) {
    const options = Array.from({ length: 11 }, (_, n) => {
      const v = String(n);
      return `<input type="radio" name="nps" id="f-nps-${v}" value="${v}"${checked('nps', v)} aria-describedby="nps-scale e-nps"><label for="f-nps-${v}">${v}</label>`;
    }).join('');
    parts.push(
      `<fieldset><legend>${escapeHtml(t('review_page:form.nps_legend', { business }))}</legend>` +
        `<p class="hint" id="nps-scale">${escapeHtml(t('review_page:form.nps_scale'))}</p><div class="nps">${options}</div>${error('nps')}</fieldset>`,
    );
  }

  if (link.askComment) {
    parts.push(
      `<label class="lbl" for="f-comment">${escapeHtml(t('review_page:form.comment_label'))}</label>` +
        `<p class="hint" id="h-comment">${escapeHtml(t('review_page:form.comment_hint'))}</p>` +
        `<textarea id="f-comment" name="comment" rows="5" maxlength="${REVIEW_LIMITS.comment}" aria-describedby="h-comment e-comment"${invalid('comment')}>${value('comment')}</textarea>${error('comment')}`,
    );
  }

  if (link.askContact) {
    parts.push(
      `<fieldset><legend>${escapeHtml(t('review_page:form.contact_legend'))}</legend><p class="hint">${escapeHtml(t('review_page:form.contact_hint'))}</p>` +
        `<label class="lbl" for="f-name">${escapeHtml(t('review_page:form.name_label'))}</label>` +
        `<input type="text" id="f-name" name="name" maxlength="${REVIEW_LIMITS.name}" autocomplete="given-name" value="${value('name')}" aria-describedby="e-name"${invalid('name')}>${error('name')}` +
        `<label class="lbl" for="f-whatsapp">${escapeHtml(t('review_page:form.whatsapp_label'))}</label>` +
        `<p class="hint" id="h-whatsapp">${escapeHtml(t('review_page:form.whatsapp_hint'))}</p>` +
        `<input type="tel" id="f-whatsapp" name="whatsapp" maxlength="32" autocomplete="tel" inputmode="tel" value="${value('whatsapp')}" aria-describedby="h-whatsapp e-whatsapp"${invalid('whatsapp')}>${error('whatsapp')}` +
        `<label class="cb" for="f-contactConsent"><input type="checkbox" id="f-contactConsent" name="contactConsent"${checked('contactConsent', 'on')} aria-describedby="e-contactConsent"${invalid('contactConsent')}>` +
        `<span>${escapeHtml(t('review_page:form.contact_consent', { business }))}</span></label>${error('contactConsent')}</fieldset>`,
    );
  }

  if (link.askTestimonial) {
    parts.push(
      `<label class="cb" for="f-testimonialConsent"><input type="checkbox" id="f-testimonialConsent" name="testimonialConsent"${checked('testimonialConsent', 'on')}>` +
        `<span>${escapeHtml(t('review_page:form.testimonial_consent'))}</span></label>`,
    );
  }

  // The trap: people never see it nor reach it with the keyboard; screen readers skip it.
  parts.push(
    `<div class="hp" aria-hidden="true"><label for="f-${HONEYPOT}">${escapeHtml(t('review_page:form.honeypot'))}</label>` +
      `<input type="text" id="f-${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off" value=""></div>`,
  );

  parts.push(
    `<button class="btn" type="submit">${escapeHtml(t('review_page:form.submit'))}</button>` +
      `<div id="rq" class="box wait" role="status" hidden><p>${escapeHtml(t('review_page:queue.waiting'))}</p>` +
      `<button class="btn btn2" type="button" id="rq-send">${escapeHtml(t('review_page:queue.send_now'))}</button></div>` +
      `<p class="hint">${escapeHtml(t('review_page:form.privacy'))}</p></form>`,
  );

  return documentHtml({ locale, t, title: t('review_page:meta.title', { business }), business, body: parts.join(''), script: true });
}

/** After a review is stored: the owner's thanks, and the same offers to every customer whatever they scored. */
export function renderThanks(locale: Locale, link: ReviewPageLink): string {
  const t = translator(locale);
  const business = link.businessName;
  const maps = safeHttpsUrl(link.googleMapsUrl);
  const message = t('review_page:thanks.share_message', { business }) + (maps ? ` ${maps}` : '');
  const body =
    `<h1>${escapeHtml(t('review_page:thanks.title'))}</h1>` +
    `<p>${escapeHtml(link.thankYou.trim() || t('review_page:thanks.default_text'))}</p>` +
    `<h2>${escapeHtml(t('review_page:thanks.share_title'))}</h2>` +
    `<p>${escapeHtml(t('review_page:thanks.share_text', { business }))}</p>` +
    `<a class="btn" href="${escapeHtml(whatsAppShareUrl(message))}" rel="noopener noreferrer">${escapeHtml(t('review_page:thanks.share_whatsapp'))}</a>` +
    (maps
      ? `<p>${escapeHtml(t('review_page:thanks.maps_text'))}</p><a class="btn btn2" href="${escapeHtml(maps)}" rel="noopener noreferrer">${escapeHtml(t('review_page:thanks.maps_link'))}</a>`
      : '');
  return documentHtml({ locale, t, title: t('review_page:meta.thanks_title', { business }), business, body, script: false });
}

export type NoticeKind = 'not_found' | 'closed' | 'unavailable';

/** A short page: an unknown link (404), a closed or expired one (410), a failure on our side (503). */
export function renderNotice(locale: Locale, kind: NoticeKind, businessName: string | null = null): string {
  const t = translator(locale);
  const business = businessName ?? '';
  const title =
    kind === 'not_found' ? t('review_page:not_found.title') : kind === 'closed' ? t('review_page:closed.title') : t('review_page:unavailable.title');
  const text =
    kind === 'not_found'
      ? t('review_page:not_found.body')
      : kind === 'closed'
        ? t('review_page:closed.body', { business })
        : t('review_page:unavailable.body');
  return documentHtml({ locale, t, title, business: businessName, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`, script: false });
}
