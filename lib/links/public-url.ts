import 'server-only';
import { headers } from 'next/headers';
import { env } from '../core/env';
import { absoluteUrl, publicOrigin } from './urls';

/** The full URL people should open for a path of this app, as seen from the current request. */
export async function publicUrl(path: string): Promise<string> {
  const h = await headers();
  return absoluteUrl(publicOrigin({ configured: env.NEXTAUTH_URL, host: h.get('x-forwarded-host') ?? h.get('host'), proto: h.get('x-forwarded-proto') }), path);
}
