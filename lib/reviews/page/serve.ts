/**
 * The public review page's requests (app/r/[slug]/route.ts and app/r/[slug]/thanks/route.ts):
 *
 * GET /r/<slug>         the slug's business from the routing table (a miss counts against the
 *                       address: `guardedLookup`), then ONE transaction in that business: load the
 *                       link and count the visit. Unknown → 404, off or expired → 410, else the form
 *                       with a fresh submission key and its signed render time.
 * POST /r/<slug>        the form, posted the ordinary way (or by the page's script, same fields).
 *                       Invalid → 422 with the form, the messages and every typed value. Valid →
 *                       rate limits (per address, per link; they fail closed), then ONE transaction
 *                       that stores the review (once per key) → 303 to the thank-you, sent only after
 *                       the commit. Honeypot filled, a render time that is not ours or too recent →
 *                       stored as spam with the reason, answered like any other review.
 * GET /r/<slug>/thanks  the owner's thank-you and the offers every customer gets.
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
import { guardedLookup, releaseHit, takeHit } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import type { Locale } from '@/lib/shared/locales';
import { reviewPageErrors, reviewSubmissionSchema } from '../model';
import { loadPublicReviewLink, recordReviewLinkOpen, routeReviewSlug, submitReview, type PublicReviewLink } from '../public';
import { reviewPageCsp } from './assets';
import { parseUrlEncoded, type FormBody } from './form-body';
import { pickLocale } from './locale';
import { renderNotice, renderReviewForm, renderThanks, type FormState } from './render';
import { newFormToken, spamReason } from './token';

const https = env.NEXTAUTH_URL?.startsWith('https://') ?? false;

/** The fields the form sends; anything else posted is ignored. */
const formFields = ['stars', 'nps', 'comment', 'name', 'whatsapp', 'contactConsent', 'testimonialConsent', 'key', 't', 'sig', 'website'] as const;

function page(status: number, body: string, opts: { script?: boolean; headers?: Record<string, string> } = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': reviewPageCsp({ https, script: opts.script ?? false }),
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

/** The slug's business and link, a miss counted against the address. */
function route(req: Request, slug: string) {
  return guardedLookup(requestIp(req), () => routeReviewSlug(slug));
}

export async function getReviewPage(req: Request, slug: string): Promise<Response> {
  let locale = requestLocale(req);
  try {
    const found = await route(req, slug);
    if (!found) return page(404, renderNotice(locale, 'not_found'));
    const link = await inTenant({ tenantId: found.tenantId, userId: '' }, async (db) => {
      const loaded = await loadPublicReviewLink(db, found.linkId);
      if (loaded?.state === 'open') await recordReviewLinkOpen(db, found.linkId);
      return loaded;
    });
    if (!link) return page(404, renderNotice(locale, 'not_found'));
    locale = requestLocale(req, link);
    if (link.state !== 'open') return page(410, renderNotice(locale, 'closed', link.businessName));
    return page(200, renderReviewForm(locale, link, { token: newFormToken() }), { script: true });
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
    // Also for a link closed since: the customer who just sent a review still gets their thanks.
    return page(200, renderThanks(locale, link));
  } catch (err) {
    unexpected(err);
    return page(503, renderNotice(locale, 'unavailable'), { headers: { 'Retry-After': '30' } });
  }
}

/** The posted body, read strictly (invalid UTF-8 is reported, not silently replaced). */
async function readForm(req: Request): Promise<FormBody> {
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const data = await req.formData();
    const values = Object.create(null) as Record<string, string>;
    for (const [k, v] of data) if (typeof v === 'string' && !(k in values)) values[k] = v;
    return { values, badEncoding: false };
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

async function releaseAll(hits: (string | undefined)[]): Promise<void> {
  await Promise.all(hits.map((h) => releaseHit(h)));
}

export async function postReview(req: Request, slug: string): Promise<Response> {
  let locale = requestLocale(req);
  let t = translatorFor(locale);
  const ip = requestIp(req);
  let link: PublicReviewLink | null = null;
  let state: FormState | null = null;
  try {
    const found = await route(req, slug);
    if (!found) return page(404, renderNotice(locale, 'not_found'));
    const who = { tenantId: found.tenantId, userId: '', ip };
    link = await inTenant(who, (db) => loadPublicReviewLink(db, found.linkId));
    if (!link) return page(404, renderNotice(locale, 'not_found'));
    locale = requestLocale(req, link);
    t = translatorFor(locale);
    if (link.state !== 'open') return page(410, renderNotice(locale, 'closed', link.businessName));

    const body = await readForm(req);
    const values = Object.fromEntries(formFields.filter((f) => body.values[f] !== undefined).map((f) => [f, body.values[f]!])) as Record<string, string>;
    // The same key (so a retry after a fix stays one review) and render time as the form had; a
    // form without a usable key gets a fresh one.
    const token = isUuid(values.key) ? { key: values.key, renderedAt: values.t ?? '', sig: values.sig ?? '' } : newFormToken();
    state = { token, values };

    const parsed = reviewSubmissionSchema.safeParse(askedValues(link, values));
    if (body.badEncoding || !parsed.success) {
      const fieldErrors = parsed.success ? {} : fieldErrorsOf(locale, parsed.error.issues);
      const notice = body.badEncoding ? { text: t('review_page:errors.bad_encoding') } : undefined;
      return page(422, renderReviewForm(locale, link, { ...state, fieldErrors, notice }), { script: true });
    }
    // A form that did not come from this page (no key, a time we did not sign) is stored as spam
    // under a key of its own.
    const spam = spamReason(values);
    const key = isUuid(values.key) ? values.key : token.key;

    // Rate limits, taken before the write and given back when nothing new was stored. They fail
    // closed: a database that cannot count answers 503 below.
    const hits: (string | undefined)[] = [];
    for (const [limit, subject] of [
      ...(ip ? ([[limits.reviewSubmitPerAddress, ip]] as const) : []),
      [limits.reviewSubmitPerLink, found.linkId] as const,
    ]) {
      const hit = await takeHit(limit, subject);
      if (!hit.allowed) {
        await releaseAll(hits);
        const seconds = retryAfterSeconds(hit.retryAt);
        const notice = { title: t('review_page:too_many.title'), text: t('review_page:too_many.body', { minutes: Math.ceil(seconds / 60) }) };
        return page(429, renderReviewForm(locale, link, { ...state, notice }), { script: true, headers: { 'Retry-After': String(seconds) } });
      }
      hits.push(hit.hitId);
    }

    let duplicate: boolean;
    try {
      ({ duplicate } = await inTenant(who, (db) => submitReview(db, found.linkId, parsed.data, { key, locale, spamReason: spam })));
    } catch (err) {
      await releaseAll(hits);
      if (err instanceof NotFoundError) return page(404, renderNotice(locale, 'not_found'));
      if (err instanceof AppError && err.key === reviewPageErrors.closed) return page(410, renderNotice(locale, 'closed', link.businessName));
      if (err instanceof AppError && err.key === reviewPageErrors.formExpired) {
        const notice = { text: t('review_page:errors.form_expired') };
        return page(422, renderReviewForm(locale, link, { token: newFormToken(), values, notice }), { script: true });
      }
      throw err;
    }
    if (duplicate) await releaseAll(hits);
    // Committed: only now the thank-you.
    return new Response(null, { status: 303, headers: { Location: `/r/${encodeURIComponent(link.slug)}/thanks?lang=${locale}`, 'Cache-Control': 'no-store' } });
  } catch (err) {
    const id = unexpected(err);
    const headers = { 'Retry-After': '30' };
    if (!link || !state) return page(503, renderNotice(locale, 'unavailable'), { headers });
    const notice = { text: t('review_page:errors.unexpected', { id }) };
    return page(503, renderReviewForm(locale, link, { ...state, notice }), { script: true, headers });
  }
}
