/**
 * Makes a photo from a phone small enough to send: redrawn as a JPEG no larger than `maxBytes`,
 * trying smaller sizes and qualities in turn. Runs in the browser only; null if the browser cannot
 * decode the image or nothing small enough comes out (the server then refuses it as too large).
 */
export async function shrinkImage(file: File, maxBytes: number): Promise<File | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const name = `${file.name.replace(/\.[^.]*$/, '') || 'foto'}.jpg`;
  for (const side of [768, 512, 384, 256]) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    // JPEG has no transparency: a white background instead of black.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.85, 0.7, 0.5]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= maxBytes) return new File([blob], name, { type: 'image/jpeg' });
    }
  }
  return null;
}
