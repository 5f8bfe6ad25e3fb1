/**
 * Reviews as data, independent of the database (pure, client-safe): the owner's review-link form,
 * the customer's review form, the NPS groups and the limits. Error messages are translation keys:
 * the owner's form (run by memberAction) uses `common:validation.*`; the public review page
 * translates the `review_page:errors.*` keys of `reviewSubmissionSchema` itself.
 */
import { z } from 'zod';
import { isSafeText } from '../core/bad-bytes';
import { normalizeIndonesianMobile } from '../links/whatsapp';
import { defaultTimeZone, timeZones, type TimeZone } from '../shared/time-zones';
import { REVIEW_LIMITS } from './limits';

// The field limits are plain numbers in ./limits (the owner's forms import them from there).
export { REVIEW_LIMITS };

export const reviewStatuses = ['new', 'read', 'spam'] as const;
export type ReviewStatusValue = (typeof reviewStatuses)[number];

export type NpsGroup = 'promoter' | 'passive' | 'detractor';
/** Bain/Reichheld: 9–10 promoters, 7–8 passives, 0–6 detractors; a skipped answer has no group. */
export function npsGroup(nps: number | null | undefined): NpsGroup | null {
  if (nps === null || nps === undefined) return null;
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}
/** The inclusive NPS range of a group (for filters). */
export const npsGroupRange: Record<NpsGroup, readonly [number, number]> = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] };

/** A checkbox: 'on' (or true) when ticked, absent when not. Anything else reads as not ticked. */
const checkbox = z.unknown().optional().transform((v) => v === 'on' || v === true || v === 'true');

// ---------------------------------------------------------------------------------------------
// The owner's review link form

/** Hours ahead of UTC of Indonesia's zones (none of them has daylight saving time). */
const zoneOffsetHours: Record<TimeZone, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/** The last millisecond of a calendar day ('YYYY-MM-DD') in a business's time zone. */
export function endOfDayIn(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const tz = (timeZones as readonly string[]).includes(timeZone) ? (timeZone as TimeZone) : defaultTimeZone;
  return new Date(Date.UTC(y, m - 1, d, 23, 59, 59, 999) - zoneOffsetHours[tz] * 3_600_000);
}

/** The calendar day ('YYYY-MM-DD') an instant falls on in a business's time zone: the expiry field's value. */
export function dateInZone(instant: Date, timeZone: string): string {
  const tz = (timeZones as readonly string[]).includes(timeZone) ? (timeZone as TimeZone) : defaultTimeZone;
  return new Date(instant.getTime() + zoneOffsetHours[tz] * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function isHttpsUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && u.hostname.includes('.');
  } catch {
    return false;
  }
}

export const reviewLinkInputSchema = z.object({
  journeyId: z.uuid('validation.required'),
  stageId: z.uuid('validation.required'),
  touchpoint: z.string().trim().max(REVIEW_LIMITS.touchpoint, 'validation.too_long').default(''),
  title: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(REVIEW_LIMITS.title, 'validation.too_long'),
  thankYou: z.string().trim().max(REVIEW_LIMITS.thankYou, 'validation.too_long').default(''),
  askNps: checkbox,
  askComment: checkbox,
  askContact: checkbox,
  askTestimonial: checkbox,
  /** Offered to every customer after they submit (never only to happy ones); '' → none. */
  googleMapsUrl: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.googleMapsUrl, 'validation.too_long')
    .refine((v) => v === '' || isHttpsUrl(v), 'validation.invalid')
    .optional()
    .transform((v) => (v ? v : null)),
  /**
   * The last day the link works ('YYYY-MM-DD', in the business's time zone), or null for no
   * expiry. The domain turns it into the end of that day in the business's zone (`endOfDayIn`).
   */
  expiresAt: z
    .string()
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), 'validation.invalid')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type ReviewLinkInput = z.output<typeof reviewLinkInputSchema>;

// ---------------------------------------------------------------------------------------------
// The customer's review form (the public page /r/<slug>)

/** The translation keys (namespace review_page) the schema and the intake answer with. */
export const reviewPageErrors = {
  starsRequired: 'review_page:errors.stars_required',
  npsRange: 'review_page:errors.nps_range',
  commentTooLong: 'review_page:errors.comment_too_long',
  nameTooLong: 'review_page:errors.name_too_long',
  badText: 'review_page:errors.bad_text',
  whatsappInvalid: 'review_page:errors.whatsapp_invalid',
  contactConsentRequired: 'review_page:errors.contact_consent_required',
  /** The link is off or expired (submitReview). */
  closed: 'review_page:errors.closed',
  /** The form's one-time key is missing or malformed (submitReview): reload the page. */
  formExpired: 'review_page:errors.form_expired',
} as const;

const stars = z.unknown().optional().transform((v, ctx) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    ctx.addIssue({ code: 'custom', message: reviewPageErrors.starsRequired, input: v });
    return z.NEVER;
  }
  return n;
});

/** '' or absent → null (skipped, never counted as 0); otherwise a whole number 0..10. */
const nps = z.unknown().optional().transform((v, ctx): number | null => {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    ctx.addIssue({ code: 'custom', message: reviewPageErrors.npsRange, input: v });
    return z.NEVER;
  }
  return n;
});

const text = (max: number, tooLong: string) =>
  z
    .string({ error: reviewPageErrors.badText })
    .trim()
    .max(max, tooLong)
    .refine(isSafeText, reviewPageErrors.badText)
    .optional()
    .transform((v) => v ?? '');

const whatsapp = z
  .string({ error: reviewPageErrors.whatsappInvalid })
  .optional()
  .transform((v, ctx): string | null => {
    const raw = (v ?? '').trim();
    if (raw === '') return null;
    const number = normalizeIndonesianMobile(raw);
    if (!number) {
      ctx.addIssue({ code: 'custom', message: reviewPageErrors.whatsappInvalid, input: v });
      return z.NEVER;
    }
    return number;
  });

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

export const reviewSubmissionSchema = z
  .object({
    stars,
    nps,
    comment: text(REVIEW_LIMITS.comment, reviewPageErrors.commentTooLong),
    /** Null when left empty. */
    name: text(REVIEW_LIMITS.name, reviewPageErrors.nameTooLong).transform((v) => (v === '' ? null : v)),
    /** In wa.me form (62…), null when left empty. */
    whatsapp,
    contactConsent: checkbox,
    testimonialConsent: checkbox,
  })
  .superRefine((v, ctx) => {
    // Checked on what was typed, so the message shows together with the other fields' messages.
    if ((filled(v.name) || filled(v.whatsapp)) && !v.contactConsent) {
      ctx.addIssue({ code: 'custom', path: ['contactConsent'], message: reviewPageErrors.contactConsentRequired });
    }
  }, { when: () => true });
export type ReviewSubmission = z.output<typeof reviewSubmissionSchema>;
