import 'server-only';
import { headers } from 'next/headers';

/**
 * The client's IP as seen by the app: the last X-Forwarded-For entry, the one added by the
 * nearest hop (a reverse proxy appends the address it saw; Next sets the socket's address when the
 * header is absent). Earlier entries are whatever the client sent. A client talking to the app
 * directly can still forge the header, so IP limits are a second line behind per-account limits.
 */
export function ipFromForwardedFor(value: string | null | undefined): string | null {
  if (!value) return null;
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  const ip = parts[parts.length - 1];
  return ip ? ip.replace(/^::ffff:/, '') : null;
}

export async function clientIp(): Promise<string | null> {
  return ipFromForwardedFor((await headers()).get('x-forwarded-for'));
}
