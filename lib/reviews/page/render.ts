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
import type { FormToken } from './token';

/** What the page shows of a link: part of what `loadPublicReviewLink` returns (with a logo when `logoVersion` is set). */
export type ReviewPageLink = Pick<PublicReviewLink, 'slug' | 'title' | 'thankYou' | 'askNps' | 'askComment' | 'askContact' | 'askTestimonial' | 'googleMapsUrl' | 'businessName'> &
  Partial<Pick<PublicReviewLink, 'logoVersion'>>;

/** Counter (kiosk) mode: how long the thank-you stays before a fresh form for the next customer. */
export const COUNTER_RESET_SECONDS = 5;

/** The logo's size on the page (CSS px); the image itself is served at twice that or more (./logo). */
export const LOGO_CSS_PX = 56;

/** Where the review page's logo is served (app/r/[slug]/logo): keyed by the logo's version, cached for good. */
export function reviewLogoPath(slug: string, version: string): string {
  return `/r/${encodeURIComponent(slug)}/logo?v=${encodeURIComponent(version)}`;
}

/**
 * Counter (kiosk) mode of a page: off (false), on (true), or on with the owner's counter key (a
 * string: the link page's "counter mode" address carries it; lib/reviews/page/token.ts).
 */
export type CounterMode = boolean | string;

/** The page's query: counter mode when on (with its key), and the language (`?mode=counter&c=…&lang=id`). */
export function pageQuery(locale: Locale, counter: CounterMode = false): string {
  const key = typeof counter === 'string' && counter ? `c=${encodeURIComponent(counter)}&` : '';
  return `${counter ? `mode=counter&${key}` : ''}lang=${locale}`;
}

export interface FormState {
  /** The submission key, the render time and its signature (hidden fields). */
  token: { key: string; renderedAt: string; sig: string };
  /** What the customer typed (on an answer with messages). */
  values?: Record<string, string>;
  /** Messages by field name, already translated. */
  fieldErrors?: Record<string, string>;
  /** A message about the whole form (already translated), e.g. too many reviews from here. */
  notice?: { title?: string; text: string };
  /**
   * Counter (kiosk) mode: the form resets for the next customer after each review, offers no
   * autofill, and carries spare tokens (signed like `token`) for forms shown while offline.
   */
  counter?: { spares: FormToken[]; key?: string };
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

function languageSwitch(t: TFunction, locale: Locale, counter: CounterMode): string {
  const links = locales
    .map((l) => {
      const current = l === locale ? ' aria-current="true"' : '';
      return `<a href="?${escapeHtml(pageQuery(l, counter))}" hreflang="${l}" lang="${l}"${current}>${escapeHtml(t(`review_page:language.${l}`))}</a>`;
    })
    .join('');
  return `<nav class="lang" aria-label="${escapeHtml(t('review_page:language.label'))}">${links}</nav>`;
}

function documentHtml(opts: {
  locale: Locale;
  title: string;
  business: string | null;
  body: string;
  script: boolean;
  t: TFunction;
  /** The business's logo, when it has one and the page shows it. */
  logo?: { slug: string; version: string } | null;
  counter?: CounterMode;
  /** More of <head> (counter mode's refresh). */
  head?: string;
}): string {
  const { locale, t } = opts;
  const logo = opts.logo && opts.business !== null
    ? `<img src="${escapeHtml(reviewLogoPath(opts.logo.slug, opts.logo.version))}" width="${LOGO_CSS_PX}" height="${LOGO_CSS_PX}" alt="${escapeHtml(opts.business)}">`
    : '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer">' +
    '<meta name="color-scheme" content="light"><meta name="theme-color" content="#047857">' +
    (opts.head ?? '') +
    `<link rel="icon" href="data:,"><title>${escapeHtml(opts.title)}</title><style>${reviewPageCss}</style></head>` +
    `<body><main><div class="top">${opts.business === null ? '<span></span>' : `<p class="biz">${logo}${escapeHtml(opts.business)}</p>`}${languageSwitch(t, locale, opts.counter ?? false)}</div>` +
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
  const counter = state.counter;
  // Counter mode: a shared tablet offers the next customer nothing the previous one typed.
  const autocomplete = (what: string) => (counter ? 'off' : what);

  const parts: string[] = [];
  if (counter) parts.push('<div id="rb">');
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

  const action = `/r/${encodeURIComponent(link.slug)}?${pageQuery(locale, counter ? counter.key || true : false)}`;
  const counterData = counter
    ? ` autocomplete="off" data-counter="${COUNTER_RESET_SECONDS}"` +
      ` data-spare="${escapeHtml(counter.spares.map((s) => `${s.key}.${s.renderedAt}.${s.sig}`).join(' '))}"` +
      ` data-m-q1="${escapeHtml(t('review_page:counter.waiting_one'))}"` +
      ` data-m-qn="${escapeHtml(t('review_page:counter.waiting_many', { n: '{n}' }))}"`
    : '';
  parts.push(
    `<form id="rf" method="post" action="${escapeHtml(action)}" novalidate accept-charset="utf-8"${counterData}` +
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
        `<input type="text" id="f-name" name="name" maxlength="${REVIEW_LIMITS.name}" autocomplete="${autocomplete('given-name')}" value="${value('name')}" aria-describedby="e-name"${invalid('name')}>${error('name')}` +
        `<label class="lbl" for="f-whatsapp">${escapeHtml(t('review_page:form.whatsapp_label'))}</label>` +
        `<p class="hint" id="h-whatsapp">${escapeHtml(t('review_page:form.whatsapp_hint'))}</p>` +
        `<input type="tel" id="f-whatsapp" name="whatsapp" maxlength="32" autocomplete="${autocomplete('tel')}" inputmode="tel" value="${value('whatsapp')}" aria-describedby="h-whatsapp e-whatsapp"${invalid('whatsapp')}>${error('whatsapp')}` +
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
      `<div id="rq" class="box wait" role="status" hidden><p id="rq-t">${escapeHtml(t(counter ? 'review_page:counter.waiting_one' : 'review_page:queue.waiting'))}</p>` +
      `<button class="btn btn2" type="button" id="rq-send">${escapeHtml(t('review_page:queue.send_now'))}</button></div>` +
      `<p class="hint">${escapeHtml(t('review_page:form.privacy'))}</p></form>`,
  );
  if (counter) {
    // The thank-you the script shows after each review (no offers: they are for the customer's
    // own phone, not the shop's tablet), then a fresh form.
    parts.push(
      '</div><div id="rt" hidden>' +
        `<h1 tabindex="-1">${escapeHtml(t('review_page:thanks.title'))}</h1>` +
        `<p>${escapeHtml(link.thankYou.trim() || t('review_page:thanks.default_text'))}</p>` +
        `<p class="hint">${nextIn(t, '<span id="rt-n">' + COUNTER_RESET_SECONDS + '</span>')}</p>` +
        `<button class="btn" type="button" id="rt-next">${escapeHtml(t('review_page:counter.next'))}</button></div>`,
    );
  }

  return documentHtml({
    locale,
    t,
    title: t('review_page:meta.title', { business }),
    business,
    body: parts.join(''),
    script: true,
    logo: logoOf(link),
    counter: counter ? counter.key || true : false,
  });
}

/** "The form for the next customer opens in N seconds", with `seconds` as markup (a span the script counts down). */
function nextIn(t: TFunction, seconds: string): string {
  return escapeHtml(t('review_page:counter.next_in', { seconds: '{s}' })).replace('{s}', seconds);
}

function logoOf(link: ReviewPageLink): { slug: string; version: string } | null {
  return link.logoVersion ? { slug: link.slug, version: link.logoVersion } : null;
}

/**
 * After a review is stored: the owner's thanks, and the same offers to every customer whatever they
 * scored. In counter mode no offers (the shop's tablet is not the customer's phone): a fresh form
 * for the next customer after a few seconds, by a refresh that needs no script, and a button now.
 */
export function renderThanks(locale: Locale, link: ReviewPageLink, opts: { counter?: CounterMode } = {}): string {
  const t = translator(locale);
  const business = link.businessName;
  const title = t('review_page:meta.thanks_title', { business });
  if (opts.counter) {
    const next = `/r/${encodeURIComponent(link.slug)}?${pageQuery(locale, opts.counter)}`;
    const body =
      `<h1>${escapeHtml(t('review_page:thanks.title'))}</h1>` +
      `<p>${escapeHtml(link.thankYou.trim() || t('review_page:thanks.default_text'))}</p>` +
      `<p class="hint">${nextIn(t, String(COUNTER_RESET_SECONDS))}</p>` +
      `<a class="btn" href="${escapeHtml(next)}">${escapeHtml(t('review_page:counter.next'))}</a>`;
    const head = `<meta http-equiv="refresh" content="${COUNTER_RESET_SECONDS};url=${escapeHtml(next)}">`;
    return documentHtml({ locale, t, title, business, body, script: false, logo: logoOf(link), counter: opts.counter, head });
  }
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
  return documentHtml({ locale, t, title, business, body, script: false, logo: logoOf(link) });
}

export type NoticeKind = 'not_found' | 'closed' | 'unavailable' | 'suspended' | 'monthly_limit';

/** A short page: an unknown link (404), a closed or expired one (410), a failure on our side (503). */
export function renderNotice(locale: Locale, kind: NoticeKind, businessName: string | null = null): string {
  const t = translator(locale);
  const business = businessName ?? '';
  const title =
    kind === 'not_found'
      ? t('review_page:not_found.title')
      : kind === 'closed'
        ? t('review_page:closed.title')
        : kind === 'suspended'
          ? t('review_page:suspended.title')
          : kind === 'monthly_limit'
            ? t('review_page:monthly_limit.title')
            : t('review_page:unavailable.title');
  const text =
    kind === 'not_found'
      ? t('review_page:not_found.body')
      : kind === 'closed'
        ? t('review_page:closed.body', { business })
        : kind === 'suspended'
          ? t('review_page:suspended.body', { business })
          : kind === 'monthly_limit'
            ? t('review_page:monthly_limit.body', { business })
            : t('review_page:unavailable.body');
  return documentHtml({ locale, t, title, business: businessName, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`, script: false });
}
