/**
 * A review form body as the page's own form sends it, for the bench's clients (faults, fuzz, the
 * statement capture): a fresh one-time key and its render time signed as lib/reviews/page/token.ts
 * signs it (HMAC of NEXTAUTH_SECRET, "jejak review form v1"), rendered `ageMs` before now, so it is
 * stored as a real review (not "too fast" spam). The intake part checks that its reviews are stored
 * as real ones (status new, not spam): a changed derivation in the app would show there.
 */
import { createHmac, randomUUID } from 'node:crypto';

export function formSigner(secret: string) {
  const formKey = createHmac('sha256', secret).update('jejak review form v1').digest();
  const sign = (key: string, renderedAt: string) => createHmac('sha256', formKey).update(`${key}.${renderedAt}`).digest('base64url');
  return {
    sign,
    /** Field values of one review (strings, as posted). */
    fields(opts: { key?: string; stars?: number; nps?: number | ''; comment?: string; ageMs?: number } = {}): Record<string, string> {
      const key = opts.key ?? randomUUID();
      const t = String(Date.now() - (opts.ageMs ?? 10_000));
      return { stars: String(opts.stars ?? 4), nps: String(opts.nps ?? 9), comment: opts.comment ?? 'Pelayanan ramah dan cepat', key, t, sig: sign(key, t), website: '' };
    },
  };
}

export const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

let ipCounter = Math.floor(Math.random() * 2 ** 22);
/** A fresh client address for X-Forwarded-For (10.0.0.0/8, one per call). */
export function nextAddress(prefix = 10): string {
  ipCounter = (ipCounter + 1) % 2 ** 24;
  return `${prefix}.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}
