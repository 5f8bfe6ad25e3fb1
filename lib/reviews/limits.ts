/**
 * The most characters each review field may hold: plain numbers, safe for client components (the
 * owner's forms import them from here so that zod stays out of the browser's bundles;
 * tests/unit/client-bundle.test.ts checks it). lib/reviews/model.ts builds its schemas from them
 * and re-exports them.
 */
export const REVIEW_LIMITS = {
  touchpoint: 80,
  title: 120,
  thankYou: 500,
  googleMapsUrl: 500,
  comment: 2000,
  name: 80,
  note: 2000,
} as const;
