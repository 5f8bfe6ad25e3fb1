// @ts-check
import { devAllowedOrigins } from './scripts/dev-origins.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build beside the usual one (a parallel test run) sets NEXT_DIST_DIR under .builds/.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The e2e build skips Next's own type check: `npm test` runs `tsc --noEmit` over the whole
  // project (tests included) just before it, and a production `npm run build` still checks.
  typescript: { ignoreBuildErrors: process.env.E2E_BUILD === '1' },
  // PGlite ships WASM and data files it loads from its own package folder at run time;
  // bundling it would break those paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // One form sends at most 1 MB, chosen on purpose (lib/core/body-limit.ts says why; a test checks the
  // two agree). A bigger body is answered 413 by lib/http/request-guards.ts before Next reads it, and
  // the copy Next keeps of a body for the proxy stops at the same 1 MB (its default is 10 MB).
  experimental: { serverActions: { bodySizeLimit: '1mb' }, proxyClientMaxBodySize: '1mb' },
  poweredByHeader: false,
  // `next dev` answers its scripts and hot reload to pages opened at 127.0.0.1 or this machine's
  // LAN address too, not only at localhost (scripts/dev-origins.mjs). Used by the dev server only.
  allowedDevOrigins: devAllowedOrigins(),
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      // No framing, except the testimonial embed (/t/<slug>/embed): a read-only widget for the
      // owner's own website, whose policy says frame-ancestors * (lib/reviews/page/testimonials.ts).
      // (Headers set here win over a route handler's own.)
      {
        source: '/((?!t/[^/]+/embed/?$).*)',
        headers: [{ key: 'X-Frame-Options', value: 'DENY' }],
      },
      // Invite and share links are private: keep them out of search engines and referrers. So are
      // the review page and the testimonial page (its customers agreed to be shown there, not indexed).
      {
        source: '/(share|invite|r|t)/:path*',
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
