import 'server-only';
import { headers } from 'next/headers';
import { env } from './env';
import { clientAddressFrom } from '../http/client-address';

/**
 * The client's IP address, or null when unknown. The HTTP server (scripts/server.ts) appends the
 * socket's address to X-Forwarded-For (and, with no trusted proxy, drops what the client sent), so
 * the entry TRUSTED_PROXIES places before the end is the address the outermost trusted hop saw.
 * Ports and brackets are stripped; anything that is not an IP address counts as unknown.
 */
export function ipFromForwardedFor(value: string | null | undefined, trustedProxies = env.TRUSTED_PROXIES): string | null {
  return clientAddressFrom(value, trustedProxies);
}

export async function clientIp(): Promise<string | null> {
  return ipFromForwardedFor((await headers()).get('x-forwarded-for'));
}
