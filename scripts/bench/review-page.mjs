/**
 * The public review page's weight, as a phone on a fresh connection would load it: fetches
 * /r/<slug> from a running server, then every sub-request the HTML names (stylesheets, scripts,
 * images, icons, fonts; data: URLs cost no request), and prints bytes by type — raw, gzip and
 * brotli (computed here with zlib, so the numbers do not depend on the server's compression) and
 * what the server actually sent on the wire — plus the request count (each request listed, the
 * business's logo among them when the link's business has one) and whether the HTML with its
 * critical CSS fits the first round trip (14 KB).
 *
 *   node scripts/bench/review-page.mjs [base=http://127.0.0.1:3000] [slug=demo-bengkel] [--json] [--counter]
 *
 * --counter measures the page in counter (kiosk) mode (`?mode=counter`: spare tokens, the in-page
 * thank-you).
 *
 * Budget (issue 9): the whole page under 30 KB compressed in at most 4 requests; the document in
 * the first 14 KB. Exits 1 when over budget.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const asJson = process.argv.includes('--json');
const base = (args[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const slug = args[1] ?? 'demo-bengkel';
const pageUrl = new URL(`/r/${slug}${process.argv.includes('--counter') ? '?mode=counter' : ''}`, base);

const BUDGET_TOTAL = 30 * 1024;
const BUDGET_FIRST = 14 * 1024;
const BUDGET_REQUESTS = 4;

/** GET, without decompressing: the body as it came over the wire, and its encoding. */
function get(url, acceptEncoding) {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { headers: { 'accept-encoding': acceptEncoding, 'accept-language': 'id-ID,id;q=0.9', accept: '*/*', 'user-agent': 'jejak-bench' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const headerBytes = Buffer.byteLength(
          `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n` + res.rawHeaders.reduce((s, v, i) => s + (i % 2 ? `${v}\r\n` : `${v}: `), '') + '\r\n',
        );
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), headerBytes });
      });
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function decode(body, encoding) {
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

const gzip = (buf) => zlib.gzipSync(buf, { level: 6 }).length;
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

function typeOf(url, contentType = '') {
  if (/css/.test(contentType) || /\.css(\?|$)/.test(url)) return 'css';
  if (/javascript/.test(contentType) || /\.m?js(\?|$)/.test(url)) return 'js';
  if (/^image\//.test(contentType) || /\.(png|webp|jpe?g|gif|svg|ico|avif)(\?|$)/.test(url)) return 'image';
  if (/font/.test(contentType) || /\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
  return 'other';
}

/** Sub-resources the HTML asks the browser to load (not links to follow). */
function subResources(html) {
  const urls = new Set();
  const attr = (tag, name) => new RegExp(`<${tag}\\b[^>]*\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'gi');
  for (const m of html.matchAll(attr('script', 'src'))) urls.add(m[1]);
  for (const m of html.matchAll(attr('img', 'src'))) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(m[0])?.[1] ?? '';
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href && /stylesheet|icon|preload|modulepreload|manifest/i.test(rel)) urls.add(href);
  }
  for (const m of html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) urls.add(m[1]);
  return [...urls].filter((u) => !u.startsWith('data:')).map((u) => new URL(u.replace(/&amp;/g, '&'), pageUrl).href);
}

const rows = [];
const add = (type, what, raw, wire, wireEncoding) => rows.push({ type, what, raw: raw.length, gzip: gzip(raw), brotli: brotli(raw), wire, wireEncoding });

const doc = await get(pageUrl, 'gzip, br');
if (doc.status !== 200) {
  console.error(`GET ${pageUrl} answered ${doc.status}: is the server running and does the link exist (npm run db:seed adds demo-bengkel)?`);
  process.exit(2);
}
const html = decode(doc.body, doc.headers['content-encoding']).toString('utf8');
const wireDoc = doc.body.length;

// The document, split into its markup and what it inlines.
const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('');
const inlineJs = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('');
const markup = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '').replace(/<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/gi, '');
add('html', 'document markup', Buffer.from(markup), null);
if (inlineCss) add('css', 'inline <style>', Buffer.from(inlineCss), null);
if (inlineJs) add('js', 'inline <script>', Buffer.from(inlineJs), null);

const subs = subResources(html);
const requestRows = [{ type: 'html', status: doc.status, url: pageUrl.href, contentType: doc.headers['content-type'] ?? '', wire: wireDoc + doc.headerBytes }];
for (const url of subs) {
  const res = await get(new URL(url), 'gzip, br');
  const body = decode(res.body, res.headers['content-encoding']);
  const type = typeOf(url, res.headers['content-type']);
  add(type, `${res.status} ${url}`, body, res.body.length + res.headerBytes, res.headers['content-encoding'] ?? 'identity');
  requestRows.push({ type, status: res.status, url, contentType: res.headers['content-type'] ?? '', wire: res.body.length + res.headerBytes, cacheControl: res.headers['cache-control'] ?? '' });
  // A sub-request that fails still costs a round trip, and the page misses what it asked for.
  if (res.status !== 200) console.error(`warning: ${url} answered ${res.status}`);
}
const requestsByType = {};
for (const r of requestRows) requestsByType[r.type] = (requestsByType[r.type] ?? 0) + 1;

const requests = 1 + subs.length;
const docBytes = Buffer.from(html);
const document = { raw: docBytes.length, gzip: gzip(docBytes), brotli: brotli(docBytes), wire: wireDoc, wireEncoding: doc.headers['content-encoding'] ?? 'identity', headerBytes: doc.headerBytes };
const byType = {};
for (const r of rows) {
  const t = (byType[r.type] ??= { raw: 0, gzip: 0, brotli: 0 });
  t.raw += r.raw;
  t.gzip += r.gzip;
  t.brotli += r.brotli;
}
// Compressed totals: the document compressed as one stream (as it is sent), plus each sub-request.
const subRows = rows.filter((r) => r.wire !== null);
const total = {
  raw: document.raw + subRows.reduce((s, r) => s + r.raw, 0),
  gzip: document.gzip + subRows.reduce((s, r) => s + r.gzip, 0),
  brotli: document.brotli + subRows.reduce((s, r) => s + r.brotli, 0),
  wire: document.wire + document.headerBytes + subRows.reduce((s, r) => s + r.wire, 0),
};
const firstRoundTrip = document.gzip + document.headerBytes;
const ok = total.gzip <= BUDGET_TOTAL && requests <= BUDGET_REQUESTS && firstRoundTrip <= BUDGET_FIRST;

if (asJson) {
  console.log(JSON.stringify({ url: pageUrl.href, requests, requestsByType, requestRows, document, byType, rows, total, firstRoundTrip, ok }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`review page: GET ${pageUrl.href}`);
  console.log(`requests: ${requests} (${Object.entries(requestsByType).map(([t, n]) => `${n} ${t}`).join(', ')}${subs.length ? '' : '; everything else is inline'})`);
  for (const r of requestRows) console.log(`  ${r.type.padEnd(6)} ${r.status} ${kb(r.wire)} on the wire  ${r.contentType.split(';')[0].padEnd(10)} ${r.url}${r.cacheControl ? `  (${r.cacheControl})` : ''}`);
  console.log('\nbytes by type        raw     gzip   brotli');
  for (const [type, t] of Object.entries(byType)) console.log(`  ${type.padEnd(10)}${kb(t.raw)}${kb(t.gzip)}${kb(t.brotli)}   (each part compressed alone)`);
  console.log(`\ndocument (html+css+js) ${kb(document.raw)} raw, ${kb(document.gzip)} gzip, ${kb(document.brotli)} brotli; on the wire ${kb(document.wire)} (${document.wireEncoding}) + ${document.headerBytes} B headers`);
  console.log(`whole page             ${kb(total.raw)} raw, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli; on the wire ${kb(total.wire)} incl. headers`);
  console.log(`first round trip: document gzip + headers = ${kb(firstRoundTrip)} (budget ${kb(BUDGET_FIRST)})`);
  console.log(`budget: ≤ ${kb(BUDGET_TOTAL)} compressed in ≤ ${BUDGET_REQUESTS} requests → ${ok ? 'OK' : 'OVER'}`);
}
process.exit(ok ? 0 : 1);
