/**
 * The client's address, read once and robustly. Pure functions, shared by the HTTP server
 * (scripts/server.ts) and the app (lib/core/request.ts).
 *
 * The chain is the X-Forwarded-For list as the app receives it. Our server always appends the
 * socket's address as the last entry (and with no trusted proxy, replaces the list with it), so
 * with `trustedProxies` reverse proxies in front, the entry `trustedProxies` places before the
 * end is the one the outermost trusted proxy saw. Anything a client wrote before that is ignored.
 */
import { isIP } from 'node:net';

/** One entry as a bare IP address, or null: ports and brackets are stripped, IPv4-mapped IPv6 becomes IPv4. */
export function parseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim();
  if (!v || v.length > 100) return null;
  const validPort = (p: string) => /^\d{1,5}$/.test(p) && Number(p) <= 65535;
  if (v.startsWith('[')) {
    // [v6]:port or [v6]
    const end = v.indexOf(']');
    const rest = end < 0 ? '' : v.slice(end + 1);
    if (end < 0 || (rest !== '' && !(rest.startsWith(':') && validPort(rest.slice(1))))) return null;
    v = v.slice(1, end);
  } else if (/^[\d.]+:\d+$/.test(v)) {
    const i = v.lastIndexOf(':');
    if (!validPort(v.slice(i + 1))) return null;
    v = v.slice(0, i); // v4:port
  }
  v = v.replace(/%[0-9a-z._~-]+$/i, ''); // an IPv6 zone id (fe80::1%eth0) names an interface, not a client
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(v)) v = v.slice(7);
  const kind = isIP(v);
  return kind ? (kind === 6 ? v.toLowerCase() : v) : null;
}

/** The client's address from the chain, trusting the nearest `trustedProxies` hops; null when unknown. */
export function clientAddressFrom(chain: string | null | undefined, trustedProxies: number): string | null {
  if (!chain) return null;
  const parts = chain.split(',').filter((p) => p.trim() !== '');
  const i = parts.length - 1 - trustedProxies;
  return i >= 0 ? parseAddress(parts[i]) : null;
}

/**
 * The chain our server hands to the app: with no trusted proxy, only the socket's address (a
 * client-sent header is dropped); else the received list with the socket's address appended, the
 * way a reverse proxy does it.
 */
export function forwardedChain(received: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const peer = socketAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const prior = (Array.isArray(received) ? received.join(',') : received ?? '').trim();
  return prior ? `${prior}, ${peer}` : peer;
}

/**
 * The key for per-address limits: an IPv4 address as is, an IPv6 address by its /64 prefix (one
 * subscriber of a mobile network gets a whole /64 and can hop between its addresses at will).
 */
export function addressLimitKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${full.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
