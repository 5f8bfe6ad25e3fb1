import { describe, expect, it } from 'vitest';
import { dateInZone, endOfDayIn, npsGroup, reviewLinkInputSchema } from '@/lib/reviews/model';

const ids = { journeyId: '3f6c1a52-6a4e-4c1e-9a57-0d5b1f0c9e11', stageId: '9b2d7e44-1c3f-4b8a-8f0e-5a6d2c1b3e22' };

describe('the review link form', () => {
  it('reads checkboxes, trims texts and turns empty optional fields into null', () => {
    expect(reviewLinkInputSchema.parse({ ...ids, title: '  Bagaimana servis kami? ', askNps: 'on', googleMapsUrl: '', expiresAt: '' })).toEqual({
      ...ids, touchpoint: '', title: 'Bagaimana servis kami?', thankYou: '', askNps: true, askComment: false, askContact: false, askTestimonial: false, googleMapsUrl: null, expiresAt: null,
    });
    expect(reviewLinkInputSchema.parse({ ...ids, title: 'x', googleMapsUrl: 'https://maps.app.goo.gl/abc', expiresAt: '2030-12-31' })).toMatchObject({ googleMapsUrl: 'https://maps.app.goo.gl/abc', expiresAt: '2030-12-31' });
  });

  it('refuses what is wrong, field by field', () => {
    const issues = (raw: Record<string, unknown>) => Object.fromEntries((reviewLinkInputSchema.safeParse(raw).error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(issues({ ...ids, title: ' ' })).toEqual({ title: 'validation.required' });
    expect(issues({ ...ids, title: 'x'.repeat(121), touchpoint: 'y'.repeat(81), thankYou: 'z'.repeat(501) })).toEqual({ title: 'validation.too_long', touchpoint: 'validation.too_long', thankYou: 'validation.too_long' });
    expect(issues({ journeyId: 'nope', stageId: '', title: 'x' })).toEqual({ journeyId: 'validation.required', stageId: 'validation.required' });
    for (const url of ['http://maps.google.com', 'javascript:alert(1)', 'maps', `https://x.id/${'a'.repeat(500)}`]) expect(issues({ ...ids, title: 'x', googleMapsUrl: url }).googleMapsUrl, url).toMatch(/^validation\./);
    for (const d of ['2030-02-30', '31-12-2030', 'besok']) expect(issues({ ...ids, title: 'x', expiresAt: d }).expiresAt, d).toBe('validation.invalid');
  });
});

describe('scores and days', () => {
  it('groups NPS answers the Bain way; a skipped answer has no group', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect(npsGroup(null)).toBeNull();
  });

  it('ends a day in the business’s own zone (WIB, WITA, WIT), and reads it back', () => {
    expect(endOfDayIn('2030-01-01', 'Asia/Jakarta').toISOString()).toBe('2030-01-01T16:59:59.999Z');
    expect(endOfDayIn('2030-01-01', 'Asia/Makassar').toISOString()).toBe('2030-01-01T15:59:59.999Z');
    expect(endOfDayIn('2030-01-01', 'Asia/Jayapura').toISOString()).toBe('2030-01-01T14:59:59.999Z');
    for (const tz of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) expect(dateInZone(endOfDayIn('2030-01-01', tz), tz)).toBe('2030-01-01');
  });
});
