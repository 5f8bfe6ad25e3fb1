/**
 * Where a browser may be sent after signing in or out: the one rule, used by the sign-in page
 * and by next-auth's `redirect` callback (lib/auth/options.ts). Pure, so it is unit-tested.
 *
 * A callback is resolved the way the browser will resolve it — the WHATWG URL parser, against the
 * app's own origin: tabs and newlines dropped, `\` read as `/`, dot segments applied — and kept
 * only if it lands on that origin. What comes back is the resolved path + query + fragment, never
 * the input: serialized by the parser, so it holds no CR/LF or spaces and is safe in a Location
 * header. Checking the raw string instead (`startsWith('/')`, no `//`) is what let
 * `/%09/evil.example` through.
 */

/** Longer than any address of ours: refused rather than copied into a header. */
const MAX_LENGTH = 2048;

/** After signing in: where to go when the callback is missing or refused. */
export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

function first(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' && v.length <= MAX_LENGTH ? v : null;
}

/**
 * The path of `value` on this site, or null when it would lead the browser anywhere else (another
 * host, scheme or port, `javascript:`, a protocol-relative `//host`, or nothing usable).
 */
export function resolveCallback(value: unknown, origin: string): string | null {
  const v = first(value);
  if (!v || !URL.canParse(origin)) return null;
  const base = new URL(origin).origin;
  if (!URL.canParse(v, base)) return null;
  const url = new URL(v, base);
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can leave a path starting with `//` (`/.//evil.example`), which a browser reads
  // as another host: the path handed out must resolve to the very same URL again.
  if (!path.startsWith('/') || path.startsWith('//') || new URL(path, base).href !== url.href) return null;
  return path;
}

/** Pages a signed-in browser must not be sent to: back to signing in (a loop), or an API route. */
function isAuthOrApi(path: string): boolean {
  let pathname = path.replace(/[?#].*$/, '');
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // Malformed percent-encoding: judged as written.
  }
  pathname = pathname.toLowerCase().replace(/\/+$/, '');
  return ['/sign-in', '/sign-up'].includes(pathname) || pathname === '/api' || pathname.startsWith('/api/');
}

/** Where to send the browser once signed in: the callback if it is a page of this site, else the dashboard. */
export function afterSignInPath(value: unknown, origin: string): string {
  const path = resolveCallback(value, origin);
  return path && !isAuthOrApi(path) ? path : DEFAULT_AFTER_SIGN_IN;
}
