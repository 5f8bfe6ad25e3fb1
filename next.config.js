// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build beside the usual one (a parallel test run) sets NEXT_DIST_DIR under .builds/.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WASM and data files it loads from its own package folder at run time;
  // bundling it would break those paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      // Invite and share links are private: keep them out of search engines and referrers.
      {
        source: '/(share|invite)/:path*',
        headers: [
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
