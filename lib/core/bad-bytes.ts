/**
 * Text that must not be stored. PostgreSQL (and PGlite) refuse a NUL (U+0000) in text and jsonb,
 * which used to surface as "unexpected error"; a lone UTF-16 surrogate is silently turned into
 * U+FFFD on the way to the database. The other control characters are stored, but nobody types
 * them: they arrive by accident (pasted from a document) or on purpose (a terminal escape in a
 * name that later lands in a log, a CSV or a print). So a form or an imported file carrying any of
 * them is answered with a message naming the field, and nothing is saved. Tab, line feed and
 * carriage return are ordinary text and stay allowed. Pure, so client components can use it too.
 */

/** C0 controls except \t \n \r, DEL, and a surrogate without its other half. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string can be stored and shown as typed. */
export function isSafeText(s: string): boolean {
  return !UNSAFE.test(s);
}

export type ValuePath = (string | number)[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Where, in a parsed value (form input, a JSON document), a string or an object key holds unsafe
 * text: one path per finding, in document order, at most `max`. Files, numbers and other objects
 * (Date, File, Blob) are not text and are left alone.
 */
export function unsafeTextPaths(value: unknown, max = 20): ValuePath[] {
  const found: ValuePath[] = [];
  const walk = (v: unknown, path: ValuePath): void => {
    if (found.length >= max) return;
    if (typeof v === 'string') {
      if (!isSafeText(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (isPlainObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (found.length >= max) return;
        if (!isSafeText(k)) found.push([...path, k]);
        else walk(x, [...path, k]);
      }
    }
  };
  walk(value, []);
  return found;
}
