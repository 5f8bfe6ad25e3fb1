/**
 * What an uploaded image may be: plain values, safe for client components. The checks and the
 * encoding (which use Node's Buffer, and would pull a Buffer polyfill into the browser) are in
 * ./images.ts, which re-exports these.
 */

/** The most an image may weigh, logo or photo. */
export const IMAGE_MAX_BYTES = 200 * 1024;
export const imageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof imageTypes)[number];
