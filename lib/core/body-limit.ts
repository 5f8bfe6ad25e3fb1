/**
 * How much one form may send: 1 MB, chosen on purpose. The largest things a form carries are a
 * photo or logo (shrunk in the browser to at most 200 KB), a journey file (at most 512 KB) and the
 * map editor's JSON (a few kilobytes for real maps); 1 MB holds any of them with their text, and
 * keeps a stranger from making the server read and parse megabytes per request. It is Next's
 * server-action limit too (`experimental.serverActions.bodySizeLimit` in next.config.js, checked
 * to match by tests/unit/bad-bytes.test.ts). A bigger body is answered by lib/http/request-guards.ts
 * before Next reads it, and forms check in the browser first (components/ui/form-guard.ts), so
 * the user reads this limit in a message instead of meeting an error page.
 * Pure, so client components can use it.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The limit as the messages state it. */
export const BODY_LIMIT_LABEL = '1 MB';

const encoder = new TextEncoder();

/** Bytes a string takes in a form post: UTF-8, line breaks sent as CR LF. */
function textBytes(s: string): number {
  let lf = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) lf++;
  return encoder.encode(s).length + lf;
}

/**
 * About what this form data weighs as a multipart body: its text as UTF-8, its files by size,
 * and a generous allowance per part for the boundary and headers. Never less than the real size.
 */
export function formDataBytes(fd: FormData): number {
  let total = 64;
  for (const [name, value] of fd.entries()) {
    total += 128 + textBytes(name);
    total += typeof value === 'string' ? textBytes(value) : value.size + textBytes(value.name) + value.type.length;
  }
  return total;
}
