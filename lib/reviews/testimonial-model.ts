/**
 * The testimonial page as data, independent of the database (pure, client-safe): the rules of
 * its address (/t/<slug>), the suggestion made from the business's name, and how a customer is
 * named on it (first name and an initial, never a full name, never contact details).
 *
 * Error messages are translation keys of the `testimonials` namespace: the owner's action turns
 * the first one into the slug field's message.
 */
import { z } from 'zod';

export const TESTIMONIAL_SLUG_MIN = 3;
export const TESTIMONIAL_SLUG_MAX = 40;
/** Featured reviews on the full page (newest first) and in the embed. */
export const TESTIMONIAL_PAGE_LIMIT = 50;
export const TESTIMONIAL_EMBED_LIMIT = 10;

/**
 * Words a business may not take: the app's own paths and names people could mistake for ours.
 * (One-letter paths such as r and t are below the minimum length anyway; listed for clarity.)
 */
export const reservedTestimonialSlugs: ReadonlySet<string> = new Set([
  'r', 't', 'admin', 'administrator', 'api', 'app', 'auth', 'jejak', 'login', 'logout', 'masuk', 'keluar', 'daftar',
  'sign-in', 'sign-up', 'sign-out', 'signin', 'signup', 'signout', 'register', 'dashboard', 'dasbor', 'settings',
  'pengaturan', 'team', 'tim', 'reviews', 'ulasan', 'testimoni', 'testimonial', 'testimonials', 'journeys', 'personas',
  'share', 'invite', 'embed', 'static', 'assets', 'public', 'health', 'help', 'bantuan', 'support', 'status', 'www',
  'mail', 'root', 'system', 'platform', 'demo', 'test', 'null', 'undefined', 'new', 'no-business',
]);

export const testimonialErrors = {
  short: 'testimonials:errors.slug_short',
  long: 'testimonials:errors.slug_long',
  reserved: 'testimonials:errors.slug_reserved',
  taken: 'testimonials:errors.slug_taken',
} as const;

/**
 * What the owner typed, made into an address: lower case, accents dropped ("Kafé" → "kafe"),
 * every run of anything but a–z and 0–9 one dash, no dash at either end.
 * "  Bengkel Maju Jaya! " → "bengkel-maju-jaya". No length rule here (see the schema).
 */
export function normalizeTestimonialSlug(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Exactly the addresses the page accepts: 3–40 of a–z, 0–9 and single dashes, none at either end. */
export const testimonialSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The owner's input → a valid slug, or the first broken rule as a `testimonials:errors.*` key. */
export const testimonialSlugSchema = z
  .string()
  .max(200, testimonialErrors.long)
  .transform(normalizeTestimonialSlug)
  .pipe(
    z
      .string()
      .min(TESTIMONIAL_SLUG_MIN, testimonialErrors.short)
      .max(TESTIMONIAL_SLUG_MAX, testimonialErrors.long)
      .regex(testimonialSlugPattern, testimonialErrors.short)
      .refine((s) => !reservedTestimonialSlugs.has(s), testimonialErrors.reserved),
  );

/**
 * A slug as it arrives in a URL (any case, surrounding spaces): the slug it names, or null when it
 * cannot be one. Lenient only about case and spaces; "Bengkel-Maju-Jaya" finds "bengkel-maju-jaya".
 */
export function readTestimonialSlug(raw: string): string | null {
  let v: string;
  try {
    v = decodeURIComponent(raw).trim().toLowerCase();
  } catch {
    return null;
  }
  return v.length >= TESTIMONIAL_SLUG_MIN && v.length <= TESTIMONIAL_SLUG_MAX && testimonialSlugPattern.test(v) ? v : null;
}

/** A first suggestion from the business's name (cut at a word within 40 characters); '' when none fits. */
export function suggestTestimonialSlug(businessName: string): string {
  let s = normalizeTestimonialSlug(businessName);
  if (s.length > TESTIMONIAL_SLUG_MAX) {
    const cut = s.slice(0, TESTIMONIAL_SLUG_MAX + 1);
    const dash = cut.lastIndexOf('-');
    s = dash >= TESTIMONIAL_SLUG_MIN ? cut.slice(0, dash) : s.slice(0, TESTIMONIAL_SLUG_MAX).replace(/-+$/, '');
  }
  return testimonialSlugSchema.safeParse(s).success ? s : '';
}

/**
 * How a customer is named on the public page, from the name they gave (with consent): the first
 * word, and when they wrote more than one word only the initial of the last ("Rina Sari" →
 * "Rina S."); null (shown as "a customer") for no name, an erased review, or a "name" with digits
 * or an @ in it (a number or an address typed into the wrong field is contact data, never shown).
 */
export function publicDisplayName(name: string | null | undefined, erased = false): string | null {
  if (erased || !name) return null;
  const text = name.normalize('NFC').trim();
  if (!text || /[\p{N}@]/u.test(text)) return null;
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
  if (!words.length) return null;
  const first = [...words[0]!].slice(0, 24).join('');
  if (words.length === 1) return first;
  const initial = [...words[words.length - 1]!][0]!.toLocaleUpperCase('id');
  return `${first} ${initial}.`;
}
