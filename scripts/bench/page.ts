/**
 * Part 2 of `npm run bench`: the public pages' weight and speed — the review page (/r/demo-bengkel)
 * and the testimonial page (/t/bengkel-maju-jaya) beside the landing page (/) as the baseline:
 *
 * - bytes by type as a phone on a fresh connection loads them: the document and every sub-request
 *   its HTML names, compressed with gzip here (level 6; what the server sent on the wire too), the
 *   request count, and the first round trip (the document gzip + its headers, against 14 KB);
 * - Lighthouse 12 mobile (simulated slow 4G, 4× CPU), median of 3, through scripts/bench/lighthouse.mjs
 *   in headless Debian Chromium: performance, accessibility, LCP, TBT;
 * - with JavaScript off (Playwright, Chromium): the review form is filled and sent and the thank-you
 *   page arrives; the testimonial page shows its reviews; the landing page its heading.
 *
 *   npx tsx scripts/bench/page.ts [--dist=.builds/bench] [--lighthouse-runs=3]
 */
import zlib from 'node:zlib';
import { isMain, option, runAlone, runJsonScript, type Stack } from './stack';

export const pagePaths = { review: '/r/demo-bengkel', testimonial: '/t/bengkel-maju-jaya', landing: '/' } as const;

interface Weight {
  path: string;
  status: number;
  requests: number;
  /** gzip bytes per type (document markup, inline css/js counted with the document). */
  byType: Record<string, number>;
  totalGzip: number;
  totalWire: number;
  firstTripBytes: number;
}

const gzip = (b: Buffer) => zlib.gzipSync(b, { level: 6 }).length;

async function fetchRaw(url: string): Promise<{ status: number; body: Buffer; wire: number; headerBytes: number; type: string }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'id-ID,id;q=0.9', 'user-agent': 'jejak-bench' } });
  const body = Buffer.from(await res.arrayBuffer());
  let headerBytes = `HTTP/1.1 ${res.status} ${res.statusText}\r\n`.length + 2;
  res.headers.forEach((v, k) => (headerBytes += k.length + v.length + 4));
  const encoded = res.headers.get('content-encoding') === 'gzip';
  return { status: res.status, body, wire: (encoded ? gzip(body) : body.length) + headerBytes, headerBytes, type: res.headers.get('content-type') ?? '' };
}

function typeOf(url: string, contentType: string): string {
  if (/css/.test(contentType) || /\.css(\?|$)/.test(url)) return 'css';
  if (/javascript/.test(contentType) || /\.m?js(\?|$)/.test(url)) return 'js';
  if (/^image\//.test(contentType) || /\.(png|webp|jpe?g|gif|svg|ico|avif)(\?|$)/.test(url)) return 'image';
  if (/font/.test(contentType) || /\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
  return 'other';
}

function subResources(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(?:script|img)\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) urls.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(m[0])?.[1] ?? '';
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href && /stylesheet|icon|preload|modulepreload|manifest/i.test(rel)) urls.add(href);
  }
  return [...urls].filter((u) => !u.startsWith('data:')).map((u) => new URL(u.replace(/&amp;/g, '&'), pageUrl).href);
}

export async function pageWeight(base: string, path: string): Promise<Weight> {
  const url = base + path;
  const doc = await fetchRaw(url);
  // fetch decodes gzip itself: doc.body is the document as the browser reads it.
  const html = doc.body.toString('utf8');
  const byType: Record<string, number> = { html: gzip(doc.body) };
  let totalGzip = byType.html!;
  let totalWire = doc.wire;
  const subs = subResources(html, url);
  for (const sub of subs) {
    const r = await fetchRaw(sub);
    const type = typeOf(sub, r.type);
    const g = gzip(r.body);
    byType[type] = (byType[type] ?? 0) + g;
    totalGzip += g;
    totalWire += r.wire;
  }
  return { path, status: doc.status, requests: 1 + subs.length, byType, totalGzip, totalWire, firstTripBytes: byType.html! + doc.headerBytes };
}

interface LighthouseResult {
  performance: number;
  accessibility: number;
  lcp_ms: number;
  tbt_ms: number;
  fcp_ms: number;
  bytes: number;
  requests: number;
  accessibility_failing: string[];
}

export function lighthouse(base: string, paths: string[], runs: number): Promise<Record<string, LighthouseResult>> {
  return runJsonScript<Record<string, LighthouseResult>>('scripts/bench/lighthouse.mjs', [base, `--runs=${runs}`, '--json', ...paths]);
}

/** With JavaScript off: does each page do its job? */
export async function worksWithoutJs(base: string): Promise<Record<string, { ok: boolean; note: string }>> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const out: Record<string, { ok: boolean; note: string }> = {};
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'id-ID', extraHTTPHeaders: { 'x-forwarded-for': '10.250.0.1' } });
    const page = await context.newPage();
    try {
      await page.goto(base + pagePaths.review);
      await page.locator('label[for="f-stars-4"]').click();
      await page.locator('#f-comment').fill('Dicoba tanpa JavaScript oleh bench');
      await page.waitForTimeout(3100); // a person takes longer than the minimum fill time
      const [res] = await Promise.all([page.waitForNavigation(), page.locator('form#rf [type="submit"]').first().click()]);
      const ok = /\/thanks/.test(page.url()) && res?.status() === 200;
      out[pagePaths.review] = { ok, note: ok ? 'form sent, thank-you page shown' : `ended at ${page.url()} (${res?.status()})` };
    } catch (err) {
      out[pagePaths.review] = { ok: false, note: (err as Error).message.split('\n')[0]! };
    }
    for (const [path, check] of [
      [pagePaths.testimonial, async () => (await page.locator('figure').count()) > 0 && (await page.locator('h1').count()) === 1],
      [pagePaths.landing, async () => (await page.locator('h1').count()) >= 1],
    ] as const) {
      try {
        const res = await page.goto(base + path);
        const ok = res?.status() === 200 && (await check());
        out[path] = { ok, note: ok ? 'content shown' : `status ${res?.status()}, content missing` };
      } catch (err) {
        out[path] = { ok: false, note: (err as Error).message.split('\n')[0]! };
      }
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return out;
}

export interface PageResult {
  weights: Weight[];
  lighthouse: Record<string, LighthouseResult>;
  noJs: Record<string, { ok: boolean; note: string }>;
  runs: number;
  json: Record<string, unknown>;
}

export async function pagePart(stack: Stack, log: (s: string) => void = console.error): Promise<PageResult> {
  const runs = Number(option('lighthouse-runs') ?? 3);
  const paths = Object.values(pagePaths);
  const weights: Weight[] = [];
  for (const p of paths) weights.push(await pageWeight(stack.base, p));
  log(`page: weights measured; Lighthouse ${runs}× on ${paths.length} pages …`);
  const lh = await lighthouse(stack.base, paths, runs);
  const noJs = await worksWithoutJs(stack.base);
  const w = (p: string) => weights.find((x) => x.path === p)!;
  const review = w(pagePaths.review);
  const t = w(pagePaths.testimonial);
  const landing = w(pagePaths.landing);
  const lr = lh[pagePaths.review];
  return {
    weights,
    lighthouse: lh,
    noJs,
    runs,
    json: {
      review_bytes: review.totalGzip,
      first_trip_bytes: review.firstTripBytes,
      requests: review.requests,
      lighthouse_perf: lr?.performance ?? null,
      lighthouse_a11y: lr?.accessibility ?? null,
      lcp_ms: lr?.lcp_ms ?? null,
      tbt_ms: lr?.tbt_ms ?? null,
      works_without_js: noJs[pagePaths.review]?.ok ?? false,
      testimonial_bytes: t.totalGzip,
      testimonial_first_trip_bytes: t.firstTripBytes,
      testimonial_requests: t.requests,
      testimonial_lighthouse_perf: lh[pagePaths.testimonial]?.performance ?? null,
      testimonial_lighthouse_a11y: lh[pagePaths.testimonial]?.accessibility ?? null,
      testimonial_lcp_ms: lh[pagePaths.testimonial]?.lcp_ms ?? null,
      testimonial_works_without_js: noJs[pagePaths.testimonial]?.ok ?? false,
      landing_bytes: landing.totalGzip,
      landing_requests: landing.requests,
      landing_lighthouse_perf: lh[pagePaths.landing]?.performance ?? null,
      landing_lcp_ms: lh[pagePaths.landing]?.lcp_ms ?? null,
      lighthouse_runs: runs,
      bytes_by_type: Object.fromEntries(weights.map((x) => [x.path, x.byType])),
    },
  };
}

export function printPage(r: PageResult): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`## Public pages (gzip bytes by type; Lighthouse 12 mobile, median of ${r.runs})`);
  console.log('| page | requests | bytes by type | total | first trip | perf | a11y | LCP ms | TBT ms | works without JS |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const w of r.weights) {
    const l = r.lighthouse[w.path];
    const types = Object.entries(w.byType).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
    console.log(`| ${w.path} | ${w.requests} | ${types} | ${kb(w.totalGzip)} | ${kb(w.firstTripBytes)} | ${l?.performance ?? '—'} | ${l?.accessibility ?? '—'} | ${l?.lcp_ms ?? '—'} | ${l?.tbt_ms ?? '—'} | ${r.noJs[w.path]?.ok ? 'yes' : 'no'}: ${r.noJs[w.path]?.note ?? '—'} |`);
    if (l?.accessibility_failing.length) console.log(`  accessibility audits not passed on ${w.path}: ${l.accessibility_failing.join(', ')}`);
  }
}

if (isMain(import.meta.url)) {
  void runAlone('page', (s) => pagePart(s), (r) => {
    printPage(r);
    console.log(JSON.stringify({ page: r.json }, null, 2));
  });
}
