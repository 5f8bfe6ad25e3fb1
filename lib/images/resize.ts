/**
 * Images made small for a page that must stay light (the public review page's logo): resized with
 * sharp, on the server only. The stored original (./images.ts, up to 200 KB) never goes to the
 * customer's phone; this copy weighs a few KB.
 */
import 'server-only';
import sharp from 'sharp';

/** More pixels than any real logo has; a small file that unpacks to more (a "pixel bomb") is refused. */
const MAX_INPUT_PIXELS = 4096 * 4096;

/**
 * A logo (PNG, JPEG or WebP bytes) as a square WebP of `size` px at most: the whole logo kept
 * (letterboxed on transparent, never cropped), never enlarged, turned upright by its EXIF
 * orientation, with no metadata. Rejects bytes that are not such an image.
 */
export async function resizeLogo(bytes: Uint8Array, size: number): Promise<Buffer> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const { width = 0, height = 0 } = await image.metadata();
  // A logo smaller than `size` keeps its size (padding it would only shrink it on the page).
  const side = Math.max(1, Math.min(size, Math.max(width, height)));
  return image
    .rotate()
    .resize(side, side, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .webp({ quality: 85, alphaQuality: 90, effort: 4 })
    .toBuffer();
}
