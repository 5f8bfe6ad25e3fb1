/**
 * The review form's one-time submission key and its signed render time. The form carries a fresh
 * key (a uuid: the unique constraint that makes a double tap or a retry store one review) and the
 * time it was rendered, signed with HMAC-SHA256 so a script cannot claim it waited. A form sent
 * back sooner than MIN_FILL_MS after it was rendered, or with a time that is not ours, is stored
 * as spam (never dropped: the owner can restore it). There is no maximum age: a review queued
 * offline may arrive days later.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/core/env';
import { HONEYPOT_FIELD } from '@/lib/core/honeypot';
import { isUuid } from '@/lib/core/ids';

/** People need more than this to choose stars and press send; scripts do not. */
export const MIN_FILL_MS = 3000;

/**
 * Derived from NEXTAUTH_SECRET (required in production) for this one purpose. Without it
 * (development), a per-process key: forms rendered before a restart then count as not ours.
 */
const formKey = createHmac('sha256', env.NEXTAUTH_SECRET ?? randomBytes(32)).update('jejak review form v1').digest();

function sign(key: string, renderedAt: string): string {
  return createHmac('sha256', formKey).update(`${key}.${renderedAt}`).digest('base64url');
}

export interface FormToken {
  key: string;
  /** Milliseconds since the epoch, as a string (the form field's value). */
  renderedAt: string;
  sig: string;
}

export function newFormToken(now = Date.now()): FormToken {
  const key = randomUUID();
  const renderedAt = String(now);
  return { key, renderedAt, sig: sign(key, renderedAt) };
}

export function isOurToken(key: string, renderedAt: string, sig: string): boolean {
  if (!/^\d{1,15}$/.test(renderedAt) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const want = Buffer.from(sign(key, renderedAt));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * The owner's counter key of a link: the link page's "counter mode" address carries it
 * (`/r/<slug>?mode=counter&c=<key>`), so a shop's tablet — every review from one address — is
 * counted against the link's counter limit instead of the per-address one (lib/rate-limit/limits.ts).
 * Anyone may open `?mode=counter` (it is only a way of showing the form); only the owner's address
 * carries the key. Derived from the form key, so it needs no storage and outlives restarts.
 */
export function counterKey(linkId: string): string {
  return createHmac('sha256', formKey).update(`counter.${linkId}`).digest('base64url').slice(0, 22);
}

export function isCounterKey(linkId: string, value: string | null | undefined): boolean {
  if (!value || !/^[A-Za-z0-9_-]{22}$/.test(value)) return false;
  const want = Buffer.from(counterKey(linkId));
  return timingSafeEqual(want, Buffer.from(value));
}

/**
 * Why a posted form looks like a script's, or null. `values` are the posted fields
 * (key, t, sig and the honeypot among them).
 */
export function spamReason(values: Record<string, string | undefined>, now = Date.now()): string | null {
  if ((values[HONEYPOT_FIELD] ?? '') !== '') return 'honeypot';
  const key = values.key ?? '';
  const renderedAt = values.t ?? '';
  if (!isUuid(key) || !isOurToken(key, renderedAt, values.sig ?? '')) return 'bad_token';
  if (now - Number(renderedAt) < MIN_FILL_MS) return 'too_fast';
  return null;
}
