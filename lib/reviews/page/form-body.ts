/**
 * The review form's body, read strictly. `URLSearchParams` and `Request.formData()` turn bytes
 * that are not UTF-8 into U+FFFD without a word, so a damaged text would be stored damaged. Here
 * the percent-decoded bytes of each name and value go through a fatal UTF-8 decoder: a bad
 * sequence is reported (the page answers with the form and a message) and the lossy value is
 * kept only to show the customer what arrived. Pure.
 */

export interface FormBody {
  /** The first value of each field (a form sends each of ours once). */
  values: Record<string, string>;
  /** True when some name or value was not valid UTF-8. */
  badEncoding: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** `+` is a space; `%XX` a byte; a `%` not followed by two hex digits stays as it is (as browsers do). */
function percentDecode(s: string): Uint8Array {
  const raw = new TextEncoder().encode(s.replace(/\+/g, ' '));
  const out = new Uint8Array(raw.length);
  let n = 0;
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 37 && i + 2 < raw.length) {
      const h = hex(raw[i + 1]!);
      const l = hex(raw[i + 2]!);
      if (h >= 0 && l >= 0) {
        out[n++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function decode(bytes: Uint8Array): { text: string; ok: boolean } {
  try {
    return { text: strict.decode(bytes), ok: true };
  } catch {
    return { text: lossy.decode(bytes), ok: false };
  }
}

/** An application/x-www-form-urlencoded body, as bytes. */
export function parseUrlEncoded(body: Uint8Array): FormBody {
  // The body itself should be ASCII; raw non-ASCII bytes are read as UTF-8 too (some clients send them).
  const whole = decode(body);
  let badEncoding = !whole.ok;
  const values = Object.create(null) as Record<string, string>;
  for (const pair of whole.text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(percentDecode(eq < 0 ? pair : pair.slice(0, eq)));
    const value = decode(percentDecode(eq < 0 ? '' : pair.slice(eq + 1)));
    if (!name.ok || !value.ok) badEncoding = true;
    if (!(name.text in values)) values[name.text] = value.text;
  }
  return { values, badEncoding };
}
