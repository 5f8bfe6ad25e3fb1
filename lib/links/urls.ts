/**
 * Full links to this app (invites, share links, review links), for pasting into WhatsApp: the path
 * alone is useless outside the app.
 * Pure functions (no request access) so they are unit-tested; the caller passes the headers.
 */

const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function isLocalHost(host: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(host);
}

/**
 * The origin people should open: the configured site URL (NEXTAUTH_URL) when set, since behind a
 * proxy the request's Host may be an internal name; else the request's own host and scheme.
 * Null when neither is usable (the caller then shows the path only).
 */
export function publicOrigin(opts: { configured?: string | null; host?: string | null; proto?: string | null }): string | null {
  if (opts.configured) {
    try {
      return new URL(opts.configured).origin;
    } catch {
      // Fall through to the request's host.
    }
  }
  const host = opts.host?.split(',')[0]?.trim();
  if (!host || !hostPattern.test(host)) return null;
  const forwarded = opts.proto?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : isLocalHost(host) ? 'http' : 'https';
  return `${proto}://${host}`;
}

/** The full URL of a path of this app (invite, share and review links), or the path alone when no origin is known. */
export function absoluteUrl(origin: string | null, path: string): string {
  return origin ? `${origin}${path}` : path;
}

/** A wa.me link that opens WhatsApp with the message ready; the user picks the chat. */
export function whatsAppShareUrl(message: string): string {
  return `https://wa.me/?text=${encodeURIComponent(message)}`;
}
