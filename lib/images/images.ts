/**
 * Small images kept as data URLs in their row (a business's logo in `tenants.logo_url`, a
 * persona's photo in `personas.photo_url`): small enough for that, and no file storage to run.
 * The type is read from the file's first bytes, not from what the browser claims, so only real
 * PNG, JPEG and WebP images are stored (never SVG, which can carry script).
 */
import { AppError } from '../core/errors';
import { IMAGE_MAX_BYTES, type ImageType } from './limits';

// The limits are plain values in ./limits (client components import them from there).
export { IMAGE_MAX_BYTES, imageTypes, type ImageType } from './limits';

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** The image type of these bytes, or null when they are none of the accepted ones. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // "RIFF", 4 bytes of length, "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * Checks an uploaded image by its bytes and size, and encodes it as a data URL. A refusal names
 * the form field the file came from (`logo`, `photo`), so the form shows it there.
 */
export async function imageDataUrl(file: Blob, field: string): Promise<string> {
  if (file.size > IMAGE_MAX_BYTES) throw new AppError('validation.image_size', { field });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) throw new AppError('validation.image_type', { field });
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A stored image back as bytes, for serving it; null for anything `imageDataUrl` did not write. */
export function decodeImage(dataUrl: string | null | undefined): { type: ImageType; bytes: Buffer } | null {
  const m = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl ?? '');
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  const type = sniffImageType(bytes);
  return type && type === m[1] ? { type, bytes } : null;
}

/** Where a business's logo is served (app/api/business-logo); null when it has none. */
export function logoPath(tenantId: string, version: string | null): string | null {
  return version ? `/api/business-logo/${tenantId}?v=${encodeURIComponent(version)}` : null;
}
