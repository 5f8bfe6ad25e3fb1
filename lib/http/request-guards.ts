/**
 * Requests that Next.js itself would answer with a bare 500, answered here first (called at the
 * top of proxy.ts, so it runs before Next's router and action handler):
 *
 * - a path whose percent-encoding does not decode (`/share/%ff/%fe`, `/personas/%`): Next 16
 *   fails to decode the dynamic segment and, in production, answers "Internal Server Error"
 *   (vercel/next.js#92557). Such a path, or one that decodes to a control character, cannot name
 *   anything here: pages get a not-found page (404, in the visitor's language, the words of
 *   app/not-found.tsx), API routes a JSON 404 like their own. The page is made here rather than
 *   by rewriting to the app's not-found route: Next treats a proxy rewrite as external (and
 *   forwards it over HTTP to itself) when the server is bound to 127.0.0.1, as it is in tests.
 * - a body over the 1 MB limit (lib/core/body-limit.ts): Next would read up to the limit and then throw
 *   (a 500 page without JavaScript, an error page with it). Answered 413 from the Content-Length,
 *   before the body is read: a page in the visitor's language stating the limit, with a link back
 *   to the form; plain text for a server action called by fetch; JSON for an API route.
 */
import { NextResponse, type NextRequest } from 'next/server';
import en from '@/locales/en/errors.json';
import id from '@/locales/id/errors.json';
import { BODY_LIMIT_BYTES, BODY_LIMIT_LABEL } from '../core/body-limit';
import { localeCookie } from '../i18n/settings';
import { fromAcceptLanguage } from '../reviews/page/locale';
import { PHOTO_MAX_BYTES } from '../personas/fields';

const noStore = { 'Cache-Control': 'no-store' };

/** True when a segment's percent-encoding does not decode, or decodes to a control character. */
export function isMalformedPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return /[\u0000-\u001F\u007F]/.test(decoded);
}

function isApi(req: NextRequest): boolean {
  return req.nextUrl.pathname === '/api' || req.nextUrl.pathname.startsWith('/api/');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page that sent the form, when it is one of ours; else the path posted to (forms post to their own page). */
function backPath(req: NextRequest): string {
  const referer = req.headers.get('referer');
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.origin === req.nextUrl.origin) return url.pathname + url.search;
    } catch {
      // not a URL: fall through
    }
  }
  return req.nextUrl.pathname;
}

function localeOf(req: NextRequest): 'id' | 'en' {
  const chosen = req.cookies.get(localeCookie)?.value;
  if (chosen === 'id' || chosen === 'en') return chosen;
  // Like every page: a first visit follows the browser's language.
  return fromAcceptLanguage(req.headers.get('accept-language')) ?? 'id';
}

/** A small page of its own (no script, no app layout): a heading, a sentence, a link. */
function page(status: number, locale: 'id' | 'en', text: { title: string; body: string; link: string; href: string }): NextResponse {
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)} · Jejak</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #0f172a; line-height: 1.5">
<main>
<h1 style="font-size: 1.5rem">${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.body)}</p>
<p><a href="${escapeHtml(text.href)}" style="display: inline-block; margin-top: 1rem; padding: 0.75rem 1.25rem; border-radius: 0.5rem; background: #047857; color: #fff; font-weight: 600; text-decoration: none">${escapeHtml(text.link)}</a></p>
</main>
</body>
</html>
`;
  return new NextResponse(html, {
    status,
    headers: {
      ...noStore,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

function notFound(req: NextRequest): NextResponse {
  if (isApi(req)) return NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });
  const locale = localeOf(req);
  const t = (locale === 'en' ? en : id).not_found;
  return page(404, locale, { title: t.title, body: t.body, link: t.home, href: '/' });
}

function tooLarge(req: NextRequest): NextResponse {
  if (isApi(req)) return NextResponse.json({ error: 'too_large', limit: BODY_LIMIT_BYTES }, { status: 413, headers: noStore });
  const locale = localeOf(req);
  const t = (locale === 'en' ? en : id).too_large;
  const body = t.body.replace('{{limit}}', BODY_LIMIT_LABEL).replace('{{photo}}', `${PHOTO_MAX_BYTES / 1024} KB`);
  // A server action sent by fetch: Next's client shows a plain-text answer as the error's message.
  if (req.headers.has('next-action')) {
    return new NextResponse(`${t.title}. ${body}`, { status: 413, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return page(413, locale, { title: t.title, body, link: t.back, href: backPath(req) });
}

/** The answer for a request Next would fail on, or undefined to let it through. */
export function guardRequest(req: NextRequest): NextResponse | undefined {
  if (isMalformedPath(req.nextUrl.pathname)) return notFound(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const length = Number(req.headers.get('content-length') ?? '0');
    if (length > BODY_LIMIT_BYTES) return tooLarge(req);
  }
  return undefined;
}
