/**
 * The review page's logo made small (lib/images/resize.ts): real images made by sharp here, resized
 * to a small square WebP that keeps the whole logo (no crop) on a transparent background.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType } from '@/lib/images/images';
import { resizeLogo } from '@/lib/images/resize';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 4, g: 120, b: 87, alpha: 1 } } });

describe('resizeLogo', () => {
  it('turns a large PNG into a small square WebP of the asked size, the whole logo kept', async () => {
    const png = await solid(1200, 400).png().toBuffer();
    const out = await resizeLogo(png, 128);
    expect(sniffImageType(out)).toBe('image/webp');
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['webp', 128, 128, true]);
    expect(out.length).toBeLessThan(png.length);
    expect(out.length).toBeLessThan(2048);
    // Letterboxed, not cropped: the wide logo fills the middle band, the corners stay transparent.
    const { data, info } = await sharp(out).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(64, 64)).toBe(255);
    expect(alphaAt(0, 64)).toBe(255);
  });

  it('never enlarges a logo smaller than the size; reads JPEG and WebP too', async () => {
    const tiny = await solid(40, 40).jpeg().toBuffer();
    const meta = await sharp(await resizeLogo(tiny, 128)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 40, 40]);
    const webp = await solid(300, 300).webp().toBuffer();
    expect((await sharp(await resizeLogo(webp, 96)).metadata()).width).toBe(96);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(resizeLogo(Buffer.from('<svg onload="alert(1)"></svg>'), 128)).rejects.toThrow();
  });
});
