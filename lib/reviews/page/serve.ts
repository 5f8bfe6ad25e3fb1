/**
 * The public review page's requests (app/r/[slug]/route.ts and app/r/[slug]/thanks/route.ts):
 *
 * GET /r/<slug>         the slug's business from the routing table (a miss counts against the
 *                       address: `guardedLookup`), then ONE transaction in that business: load the
 *                       link and count the visit. Unknown → 404, off or expired → 410, else the form
 *                       with a fresh submission key and its signed render time.
 * POST /r/<slug>        the form, posted the ordinary way (or by the page's script, same fields).
 *                       First the link and whether this submission key is stored already (one
 *                       transaction): a stored key → 303 to the thank-you at once, no limit taken
 *                       (a retry, a double tap, a queued review sent again). Invalid → 422 with the
 *                       form, the messages and every typed value. Valid → ONE transaction that takes
 *                       the rate limits (per address, per link; they fail closed) and stores the
 *                       review (once per key) → 303 to the thank-you, sent only after the commit.
 *                       Honeypot filled, a render time that is not ours or too recent → stored as
 *                       spam with the reason, answered like any other review.
 * GET /r/<slug>/thanks  the owner's thank-you and the offers every customer gets.
 * GET /r/<slug>/logo    the business's logo made small (WebP), under its version (?v=).
 *
 * A business suspended by a platform admin (tenants.suspended_at): every one of these answers 503
 * with Retry-After, the polite "temporarily unavailable" page (the logo a bare 503), and takes
 * nothing: no visit counted, no review stored (submitReview refuses it too, in its transaction).
 * A business that has received all the reviews its plan allows this month (business_plans, set by
 * a platform admin): GET and POST answer 403 with a polite notice; submitReview refuses the review
 * in its own transaction under the limit's lock (lib/reviews/plan-limits.ts), so nothing is stored.
 *
 * `?mode=counter` (counter/kiosk mode, a shop's tablet): the form offers no autofill and carries
 * spare tokens; its script shows the thank-you in the page and then a fresh form; without script
 * the thank-you page refreshes to a fresh form after a few seconds, and offers no WhatsApp share
 * or Google Maps link (those are for the customer's own phone).
 *
 * Every answer is a whole HTML page with its own strict CSP (proxy.ts leaves /r/ alone); no
 * cookie is read or set. A failure on our side is a 503 page (the form again, with what was
 * typed, when the link is known), never a bare 500.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { env } from '@/lib/core/env';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { ipFromForwardedFor } from '@/lib/core/request';
import { inTenant } from '@/lib/core/tenancy';
import { i18nFor } from '@/lib/i18n/instance';
import { decodeImage } from '@/lib/images/images';
import { resizeLogo } from '@/lib/images/resize';
import { guardedLookup } from '@/lib/rate-limit/limiter';
import type { Locale } from '@/lib/shared/locales';
import { reviewPageErrors, reviewSubmissionSchema } from '../model';
import { monthlyReviewLimitError, monthlyReviewsOpen } from '../plan-limits';
import { BusinessSuspendedError, businessSuspended, loadPublicReviewLink, recordReviewLinkOpen, routeReviewSlug, type PublicReviewLink } from '../public';
import { reviewPageCsp } from './assets';
import { parseUrlEncoded, type FormBody } from './form-body';
import { findReviewByKey, storeReviewWithinLimits } from './intake';
import { pickLocale } from './locale';
import { loadBusinessLogo } from './logo';
import { pageQuery, renderNotice, renderReviewForm, renderThanks, type CounterMode, type FormState } from './render';
import { isCounterKey, newFormToken, spamReason } from './token';

const https = env.NEXTAUTH_URL?.startsWith('https://') ?? false;

/** The fields the form sends; anything else posted is ignored. */
const formFields = ['stars', 'nps', 'comment', 'name', 'whatsapp', 'contactConsent', 'testimonialConsent', 'key', 't', 'sig', 'website'] as const;

/** Spare signed tokens a counter-mode form carries, for the forms it shows while offline. */
const COUNTER_SPARE_TOKENS = 10;

function page(status: number, body: string, opts: { script?: boolean; logo?: boolean; headers?: Record<string, string> } = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': reviewPageCsp({ https, script: opts.script ?? false, logo: opts.logo ?? false }),
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
      ...opts.headers,
    },
  });
}

/** The page's language; `link` once the slug is known (its business may have chosen one). */
function requestLocale(req: Request, link: Pick<PublicReviewLink, 'defaultLocale'> | null = null): Locale {
  return pickLocale(new URL(req.url).searchParams.get('lang'), req.headers.get('accept-language'), link?.defaultLocale ?? null).locale;
}

/**
 * Counter (kiosk) mode: `?mode=counter` (true), with the owner's counter key of this link when the
 * address carries it (`&c=…`, checked: a wrong key is dropped, the mode stays).
 */
function counterOf(req: Request, linkId: string | null): CounterMode {
  const params = new URL(req.url).searchParams;
  if (params.get('mode') !== 'counter') return false;
  const key = params.get('c');
  return linkId && isCounterKey(linkId, key) ? key! : true;
}

/** The form page (first open, or again with values and messages), in counter mode when asked. */
function formPage(status: number, locale: Locale, link: PublicReviewLink, state: FormState, counter: CounterMode, headers?: Record<string, string>): Response {
  const counterState = counter
    ? { spares: Array.from({ length: COUNTER_SPARE_TOKENS }, () => newFormToken()), key: typeof counter === 'string' ? counter : undefined }
    : undefined;
  return page(status, renderReviewForm(locale, link, { ...state, counter: counterState }), { script: true, logo: !!link.logoVersion, headers });
}

/** 303 to the thank-you: only ever sent after the review is committed (or found stored). */
function thanksRedirect(link: PublicReviewLink, locale: Locale, counter: CounterMode): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: `/r/${encodeURIComponent(link.slug)}/thanks?${pageQuery(locale, counter)}`, 'Cache-Control': 'no-store' },
  });
}

function requestIp(req: Request): string | null {
  return ipFromForwardedFor(req.headers.get('x-forwarded-for'));
}

function translatorFor(locale: Locale) {
  return i18nFor(locale).getFixedT(locale, 'review_page');
}

function unexpected(err: unknown): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[review page ${id}]`, err);
  return id;
}

/** How long a suspended business's pages ask to be left alone: a suspension is lifted by a person, not in seconds. */
const SUSPENDED_RETRY_AFTER_S = '3600';

/** A business suspended by a platform admin: "temporarily unavailable", 503, and nothing taken. */
function suspendedPage(locale: Locale, link: PublicReviewLink): Response {
  return page(503, renderNotice(locale, 'suspended', link.businessName), { headers: { 'Retry-After': SUSPENDED_RETRY_AFTER_S } });
}

/**
 * The business has received all the reviews its plan allows this month (lib/reviews/plan-limits.ts):
 * a polite notice, nothing stored. 403, not 429: the page's script queues a 429 to send again later.
 */
function monthlyLimitPage(locale: Locale, link: PublicReviewLink): Response {
  return page(403, renderNotice(locale, 'monthly_limit', link.businessName));
}

/** The slug's business and link, a miss counted against the address. */
function route(req: Request, slug: string) {
  return guardedLookup(requestIp(req), () => routeReviewSlug(slug));
}

export async function getReviewPage(req: Request, slug: string): Promise<Response> {
  let locale = requestLocale(req);
  try {
    const found = await route(req, slug);
    if (!found) return page(404, renderNotice(locale, 'not_found'));
    const { link, full } = await inTenant({ tenantId: found.tenantId, userId: '' }, async (db) => {
      const loaded = await loadPublicReviewLink(db, found.linkId);
      const open = loaded?.state === 'open' && !loaded.suspended;
      if (open) await recordReviewLinkOpen(db, found.linkId);
      // The plan's monthly review limit reached: say so before the customer types anything.
      return { link: loaded, full: open && !(await monthlyReviewsOpen(db)) };
    });
    if (!link) return page(404, renderNotice(locale, 'not_found'));
    locale = requestLocale(req, link);
    if (link.suspended) return suspendedPage(locale, link);
    if (link.state !== 'open') return page(410, renderNotice(locale, 'closed', link.businessName));
    if (full) return monthlyLimitPage(locale, link);
    return formPage(200, locale, link, { token: newFormToken() }, counterOf(req, found.linkId));
  } catch (err) {
    unexpected(err);
    return page(503, renderNotice(locale, 'unavailable'), { headers: { 'Retry-After': '30' } });
  }
}

export async function getThanksPage(req: Request, slug: string): Promise<Response> {
  let locale = requestLocale(req);
  try {
    const found = await route(req, slug);
    if (!found) return page(404, renderNotice(locale, 'not_found'));
    const link = await inTenant({ tenantId: found.tenantId, userId: '' }, (db) => loadPublicReviewLink(db, found.linkId));
    if (!link) return page(404, renderNotice(locale, 'not_found'));
    locale = requestLocale(req, link);
    if (link.suspended) return suspendedPage(locale, link);
    // Also for a link closed since: the customer who just sent a review still gets their thanks.
    return page(200, renderThanks(locale, link, { counter: counterOf(req, found.linkId) }), { logo: !!link.logoVersion });
  } catch (err) {
    unexpected(err);
    return page(503, renderNotice(locale, 'unavailable'), { headers: { 'Retry-After': '30' } });
  }
}

/**
 * The posted body, read strictly (invalid UTF-8 is reported, not silently replaced). The page's
 * own form posts urlencoded; a multipart body (another client) is decoded lossily by the platform,
 * so a replacement character in it is reported as bad encoding too, and a multipart body that does
 * not parse (no boundary, not multipart at all: found by `npm run bench`'s fuzz, once a 503) is the
 * form again with the encoding message, never a failure on our side.
 */
async function readForm(req: Request): Promise<FormBody> {
  const type = req.headers.get('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    let data: FormData;
    try {
      data = await req.formData();
    } catch {
      return { values: Object.create(null) as Record<string, string>, badEncoding: true };
    }
    const values = Object.create(null) as Record<string, string>;
    let badEncoding = false;
    for (const [k, v] of data) {
      if (typeof v !== 'string' || k in values) continue;
      values[k] = v;
      if (k.includes('\uFFFD') || v.includes('\uFFFD')) badEncoding = true;
    }
    return { values, badEncoding };
  }
  return parseUrlEncoded(new Uint8Array(await req.arrayBuffer()));
}

/** Only the questions this link asks: a field it does not show cannot hold a problem the customer cannot see. */
function askedValues(link: PublicReviewLink, values: Record<string, string>): Record<string, string | undefined> {
  return {
    stars: values.stars,
    nps: link.askNps ? values.nps : undefined,
    comment: link.askComment ? values.comment : undefined,
    name: link.askContact ? values.name : undefined,
    whatsapp: link.askContact ? values.whatsapp : undefined,
    contactConsent: link.askContact ? values.contactConsent : undefined,
    testimonialConsent: link.askTestimonial ? values.testimonialConsent : undefined,
  };
}

function fieldErrorsOf(locale: Locale, issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const t = translatorFor(locale);
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'stars');
    if (out[field]) continue;
    out[field] = issue.message.startsWith('review_page:errors.') ? t(issue.message) : t('review_page:errors.invalid');
  }
  return out;
}

function retryAfterSeconds(retryAt: Date | undefined): number {
  return Math.max(1, Math.ceil(((retryAt?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
}

export async function postReview(req: Request, slug: string): Promise<Response> {
  let locale = requestLocale(req);
  let t = translatorFor(locale);
  const ip = requestIp(req);
  let counter: CounterMode = counterOf(req, null);
  let link: PublicReviewLink | null = null;
  let state: FormState | null = null;
  try {
    const found = await route(req, slug);
    if (!found) return page(404, renderNotice(locale, 'not_found'));
    counter = counterOf(req, found.linkId);
    const body = await readForm(req);
    const values = Object.fromEntries(formFields.filter((f) => body.values[f] !== undefined).map((f) => [f, body.values[f]!])) as Record<string, string>;
    const who = { tenantId: found.tenantId, userId: '', ip };
    // The link, and whether this key is stored already: a retry of a stored review (a double tap, a
    // browser retry, a queued review sent again) is the same thank-you, before any limit is taken
    // and even if the link has closed since.
    const loaded = await inTenant(who, async (db) => ({ link: await loadPublicReviewLink(db, found.linkId), stored: await findReviewByKey(db, values.key ?? '') }));
    link = loaded.link;
    if (!link) return page(404, renderNotice(locale, 'not_found'));
    locale = requestLocale(req, link);
    t = translatorFor(locale);
    if (link.suspended) return suspendedPage(locale, link);
    if (loaded.stored) return thanksRedirect(link, locale, counter);
    if (link.state !== 'open') return page(410, renderNotice(locale, 'closed', link.businessName));

    // The same key (so a retry after a fix stays one review) and render time as the form had; a
    // form without a usable key gets a fresh one.
    const token = isUuid(values.key) ? { key: values.key, renderedAt: values.t ?? '', sig: values.sig ?? '' } : newFormToken();
    state = { token, values };

    const parsed = reviewSubmissionSchema.safeParse(askedValues(link, values));
    if (body.badEncoding || !parsed.success) {
      const fieldErrors = parsed.success ? {} : fieldErrorsOf(locale, parsed.error.issues);
      const notice = body.badEncoding ? { text: t('review_page:errors.bad_encoding') } : undefined;
      return formPage(422, locale, link, { ...state, fieldErrors, notice }, counter);
    }
    // A form that did not come from this page (no key, a time we did not sign) is stored as spam
    // under a key of its own.
    const spam = spamReason(values);
    const key = isUuid(values.key) ? values.key : token.key;

    // One transaction: the rate limits (fail closed: a database that cannot count answers 503
    // below) and the review, so a review that rolls back leaves no hit and a stored one has its hits.
    let stored: Awaited<ReturnType<typeof storeReviewWithinLimits>>;
    try {
      stored = await inTenant(who, (db) => storeReviewWithinLimits(db, found.linkId, parsed.data, { key, locale, spamReason: spam, ip, counter: typeof counter === 'string' }));
    } catch (err) {
      if (err instanceof NotFoundError) return page(404, renderNotice(locale, 'not_found'));
      if (err instanceof BusinessSuspendedError) return suspendedPage(locale, link);
      if (err instanceof AppError && err.key === reviewPageErrors.closed) return page(410, renderNotice(locale, 'closed', link.businessName));
      if (err instanceof AppError && err.key === monthlyReviewLimitError) return monthlyLimitPage(locale, link);
      if (err instanceof AppError && err.key === reviewPageErrors.formExpired) {
        const notice = { text: t('review_page:errors.form_expired') };
        return formPage(422, locale, link, { token: newFormToken(), values, notice }, counter);
      }
      throw err;
    }
    if (stored.outcome === 'limited') {
      const seconds = retryAfterSeconds(stored.retryAt);
      const notice = { title: t('review_page:too_many.title'), text: t('review_page:too_many.body', { minutes: Math.ceil(seconds / 60) }) };
      return formPage(429, locale, link, { ...state, notice }, counter, { 'Retry-After': String(seconds) });
    }
    // Committed: only now the thank-you.
    return thanksRedirect(link, locale, counter);
  } catch (err) {
    const id = unexpected(err);
    const headers = { 'Retry-After': '30' };
    if (!link || !state) return page(503, renderNotice(locale, 'unavailable'), { headers });
    const notice = { text: t('review_page:errors.unexpected', { id }) };
    return formPage(503, locale, link, { ...state, notice }, counter, headers);
  }
}

/** The logo's pixels: more than twice its CSS size on the page (render.ts LOGO_CSS_PX), for sharp phone screens. */
const LOGO_PX = 128;
const logoCache = new Map<string, Promise<Buffer>>();
const LOGO_CACHE_MAX = 200;

/** Resized once per business and version (each a few KB), shared by every request of this process. */
function smallLogo(cacheKey: string, bytes: Uint8Array): Promise<Buffer> {
  let hit = logoCache.get(cacheKey);
  if (!hit) {
    hit = resizeLogo(bytes, LOGO_PX);
    hit.catch(() => logoCache.delete(cacheKey));
    if (logoCache.size >= LOGO_CACHE_MAX) logoCache.delete(logoCache.keys().next().value!);
    logoCache.set(cacheKey, hit);
  }
  return hit;
}

const imageHeaders = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'", 'Cross-Origin-Resource-Policy': 'same-origin' };

function logoMiss(status = 404, retryAfter = '30'): Response {
  return new Response(status === 404 ? 'Not found' : 'Unavailable', {
    status,
    headers: { ...imageHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...(status === 503 ? { 'Retry-After': retryAfter } : {}) },
  });
}

/**
 * GET /r/<slug>/logo?v=<version>: the business's logo as a small WebP, for the review page. The
 * slug is routed like the page (a miss counts against the address); the version must be the
 * logo's current one (a new logo gets a new URL), so the answer is cached for good. No logo, a
 * wrong or missing version, an unknown slug: 404.
 */
export async function getReviewLogo(req: Request, slug: string): Promise<Response> {
  const version = new URL(req.url).searchParams.get('v') ?? '';
  if (!/^\d{1,16}$/.test(version)) return logoMiss();
  try {
    const found = await route(req, slug);
    if (!found) return logoMiss();
    const logo = await inTenant({ tenantId: found.tenantId, userId: '' }, async (db) => ((await businessSuspended(db)) ? 'suspended' : loadBusinessLogo(db)));
    if (logo === 'suspended') return logoMiss(503, SUSPENDED_RETRY_AFTER_S);
    const image = logo && logo.version === version ? decodeImage(logo.dataUrl) : null;
    if (!image) return logoMiss();
    // A stored file sharp cannot read (its first bytes looked right) is no logo: 404, not a retry.
    const small = await smallLogo(`${found.tenantId}:${version}`, image.bytes).catch((err: unknown) => {
      unexpected(err);
      return null;
    });
    if (!small) return logoMiss();
    return new Response(new Uint8Array(small), {
      headers: {
        ...imageHeaders,
        'Content-Type': 'image/webp',
        'Content-Length': String(small.length),
        // The URL carries the logo's version: a new logo is a new URL.
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  } catch (err) {
    unexpected(err);
    return logoMiss(503);
  }
}
