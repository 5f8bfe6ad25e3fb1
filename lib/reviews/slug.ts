/**
 * Review link slugs: short enough to type from a poster, long enough that guessing one is
 * hopeless in practice. 9 characters from a 31-letter alphabet without look-alikes (no 0/o,
 * 1/l/i): 31^9 ≈ 2.6·10^13 slugs. With lookups limited per address (lib/rate-limit/limits.ts),
 * an address trying 30 guesses per 15 minutes among, say, a million live links would need
 * about 3·10^5 years to expect one hit.
 */
import { createHash, randomInt } from 'node:crypto';

export const SLUG_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const SLUG_LENGTH = 9;

export function newReviewSlug(): string {
  let out = '';
  for (let i = 0; i < SLUG_LENGTH; i++) out += SLUG_ALPHABET[randomInt(SLUG_ALPHABET.length)];
  return out;
}

/**
 * A slug as typed from a poster: case, spaces and dashes do not matter, and look-alikes are
 * read as the letter they resemble (0→o is not in the alphabet, so it stays a miss). Null when
 * it cannot be a slug. Fixed demo slugs (`demo-bengkel`) keep their dash.
 */
export function normalizeSlug(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (/^demo-[a-z]{2,20}$/.test(v)) return v;
  const compact = v.replace(/[\s-]/g, '');
  return new RegExp(`^[${SLUG_ALPHABET}]{${SLUG_LENGTH}}$`).test(compact) ? compact : null;
}

/** What the platform routing table keeps (slug → tenant): the slug's SHA-256, base64url. */
export function hashSlug(slug: string): string {
  return createHash('sha256').update(slug).digest('base64url');
}
