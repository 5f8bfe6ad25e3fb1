/**
 * The journey file as a download and as an upload: its file name, the size limit, and reading an
 * upload. Pure, so it is unit-tested; the format itself is lib/journeys/model.ts (journeyDocSchema).
 */
import { isSafeText, unsafeTextPaths } from '../core/bad-bytes';
import { parseJourneyDoc, type ImportProblem, type JourneyDoc } from './model';

/** What an import answers: the new journey, or (with the error) each problem of the file, translated, with where it is. */
export type ImportAnswer = { id: string } | { problems: string[] };

// The upload's size limit is a plain number in ./limits (the import form imports it from there).
export { IMPORT_MAX_BYTES } from './limits';

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

/**
 * Reads an uploaded journey file: the document, or what is wrong with it and where. Besides the
 * format's own checks, text no database column can hold (a NUL, escaped as \u0000 in the JSON, or
 * another control character: lib/core/bad-bytes.ts) is named by its path, e.g. "stages.1.name",
 * instead of failing the import as an unexpected error.
 */
export function parseJourneyFile(text: string): { ok: true; doc: JourneyDoc } | { ok: false; problems: ImportProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // A raw control character inside a JSON string makes it invalid JSON: say which kind of problem it is.
    if (!isSafeText(text)) return { ok: false, problems: [{ path: '', key: 'validation.unsafe_text' }] };
    return parseJourneyDoc(text);
  }
  const unsafe = unsafeTextPaths(raw).map((path) => ({ path: path.join('.'), key: 'validation.unsafe_text' }));
  const parsed = parseJourneyDoc(text);
  if (!unsafe.length) return parsed;
  return { ok: false, problems: [...unsafe, ...(parsed.ok ? [] : parsed.problems)].slice(0, 20) };
}
