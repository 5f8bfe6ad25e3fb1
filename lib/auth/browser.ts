/**
 * The two calls to next-auth's routes that every signed-in page's header makes (sign out, switch
 * business), without next-auth's client library: it brings a regenerator runtime and a session
 * broadcaster this app does not use (no SessionProvider; the session is read on the server), about
 * 8 KB gzip on every page. The requests are the ones `next-auth/react` sends (v4: GET
 * /api/auth/csrf, then a form POST with that token), relative to this page's origin, so they
 * work at any host and port. Browser code only.
 */

/** next-auth's CSRF token for a POST to its routes, or null when it cannot be had. */
export async function authCsrfToken(): Promise<string | null> {
  const res = await fetch('/api/auth/csrf', { headers: { 'Content-Type': 'application/json' } });
  if (!res.ok) return null;
  const data = (await res.json().catch(() => null)) as { csrfToken?: unknown } | null;
  return typeof data?.csrfToken === 'string' ? data.csrfToken : null;
}

/**
 * Signs out (next-auth ends the session: lib/auth/options.ts's signOut event) and opens
 * `callbackUrl`, as `signOut({ callbackUrl })` from next-auth/react does.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const csrfToken = (await authCsrfToken()) ?? '';
  const res = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const data = (await res.json().catch(() => null)) as { url?: unknown } | null;
  const url = typeof data?.url === 'string' ? data.url : callbackUrl;
  window.location.href = url;
  if (url.includes('#')) window.location.reload();
}
