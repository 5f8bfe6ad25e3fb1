/**
 * A convenience only: sends visitors without a session cookie to the sign-in page early. Every
 * page, action and route handler checks the session itself (lib/auth/session.ts), so a request
 * that skips this proxy (CVE-2025-29927 style) still reaches nothing.
 */
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/sign-in' } });

export const config = { matcher: ['/dashboard/:path*', '/team/:path*', '/settings/:path*', '/personas/:path*', '/journeys/:path*'] };
