/**
 * First, for pages, API routes and prefetches alike, answers what Next itself would answer with a
 * 500: a path whose percent-encoding does not decode (404), a body over 1 MB (413)
 * (lib/http/request-guards.ts). Then, before every page (not API routes or static files):
 * - sets this response's Content-Security-Policy with a fresh script nonce (lib/http/csp.ts),
 *   and Strict-Transport-Security when the app's public address is https; the public review
 *   page (/r/…) and the testimonial page (/t/…) get only the latter: their route handlers send
 *   their own hash-based policies;
 * - as a convenience only, sends visitors without a session cookie from the signed-in area to the
 *   sign-in page early. Every page, action and route handler checks the session itself
 *   (lib/auth/session.ts), so a request that skips this proxy (CVE-2025-29927 style) still reaches
 *   nothing.
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/core/env';
import { guardRequest } from '@/lib/http/request-guards';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from '@/lib/http/csp';

const signedInArea = /^\/(dashboard|team|settings|personas|journeys)(\/|$)/;
/**
 * The public review page (lib/reviews/page/assets.ts) and the testimonial page with its embed
 * (lib/reviews/page/testimonials.ts) send their own, stricter policies: not overwritten here.
 */
const ownPolicy = /^\/(r|t)(\/|$)/;
const https = env.NEXTAUTH_URL?.startsWith('https://') ?? false;

function withSecurityHeaders(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === 'development', https });
  // Next reads the nonce from the request's policy header and puts it on its own scripts.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-nonce', nonce);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', policy);
  if (https) res.headers.set('Strict-Transport-Security', strictTransportSecurity);
  return res;
}

/** API routes and prefetches reach this proxy only for guardRequest: nothing else here is for them. */
function isGuardOnly(req: NextRequest): boolean {
  return req.nextUrl.pathname.startsWith('/api/') || req.headers.has('next-router-prefetch') || req.headers.get('purpose') === 'prefetch';
}

export default async function proxy(req: NextRequest): Promise<NextResponse> {
  // Malformed paths and bodies over the size limit, which Next itself would answer with a 500.
  const refused = guardRequest(req);
  if (refused) return refused;
  if (isGuardOnly(req)) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  if (signedInArea.test(pathname) && !(await getToken({ req, secret: env.NEXTAUTH_SECRET }))) {
    const to = new URL('/sign-in', req.nextUrl.origin);
    to.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(to);
  }
  if (ownPolicy.test(pathname)) {
    const res = NextResponse.next();
    if (https) res.headers.set('Strict-Transport-Security', strictTransportSecurity);
    return res;
  }
  return withSecurityHeaders(req);
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg).*)',
      // Prefetches carry no page of their own to protect.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // Only for guardRequest (see isGuardOnly).
    '/api/:path*',
    { source: '/:path*', has: [{ type: 'header', key: 'next-router-prefetch' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'purpose', value: 'prefetch' }] },
  ],
};
