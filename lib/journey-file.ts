/**
 * The journey file as a download and as an upload: its file name and the size limit. Pure, so it
 * is unit-tested; the format itself is lib/journey-model.ts (journeyDocSchema).
 */

/** Real maps are a few kilobytes; this keeps an upload well inside the 1 MB server-action body limit. */
export const IMPORT_MAX_BYTES = 512 * 1024;

/** "Servis Mobil: Pak Budi" → "servis-mobil-pak-budi.jejak.json": safe on every phone and OS. */
export function exportFileName(journeyName: string): string {
  const slug = journeyName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'perjalanan'}.jejak.json`;
}

/** A Content-Disposition that downloads under that name (ASCII, so no encoding variant is needed). */
export function attachmentHeader(journeyName: string): string {
  return `attachment; filename="${exportFileName(journeyName)}"`;
}
