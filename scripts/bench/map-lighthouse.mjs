/**
 * Lighthouse 12 mobile on signed-in pages (issue 11 item 2: the largest map the app accepts stays
 * usable on a mid-range phone). The same settings as scripts/bench/lighthouse.mjs (Lighthouse's
 * default mobile run: simulated slow 4G, 4× CPU slowdown, headless Debian Chromium, median of N
 * runs), with the session cookie of a real sign-in sent on every request (next-auth's credentials
 * callback, as a browser does). Per page: performance score, Total Blocking Time, LCP, FCP, Speed
 * Index, Time to Interactive, main-thread work, DOM nodes, script bytes and all bytes.
 *
 *   node scripts/bench/map-lighthouse.mjs [base=http://127.0.0.1:3000] [path …] [--runs=3] [--json]
 *       [--email=pemilik@bengkel.test] [--password=jejak-demo-2026]
 *
 * Default path: the journey named "Peta terbesar (uji beban)" (scripts/bench/largest-map.ts makes
 * it), found on /journeys. Not part of `npm test` (a score is a measurement, not an assertion).
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const argv = process.argv.slice(2);
const flags = new Map(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')).map(([k, v]) => [k, v ?? 'true']));
const positional = argv.filter((a) => !a.startsWith('--'));
const base = (positional[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const runs = Math.max(1, Number(flags.get('runs') ?? 3));
const email = flags.get('email') ?? 'pemilik@bengkel.test';
const password = flags.get('password') ?? 'jejak-demo-2026';
const LARGEST_MAP_NAME = 'Peta terbesar (uji beban)';
const chromePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromePath) {
  console.error('map-lighthouse: no Chromium found (set CHROMIUM_PATH, or run node scripts/ensure-chromium.mjs)');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Signs in as a browser would; the Cookie header of the session. */
async function signIn() {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard`, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} gave no session (HTTP ${res.status})`);
  return cookie();
}

async function largestMapPath(cookie) {
  const html = await (await fetch(`${base}/journeys`, { headers: { cookie } })).text();
  const escaped = LARGEST_MAP_NAME.replace(/[()]/g, '\\$&');
  const m = new RegExp(`href="(/journeys/[0-9a-f-]{36})"[^>]*>(?:<[^>]+>)*\\s*${escaped}`).exec(html);
  if (!m) throw new Error(`no journey named "${LARGEST_MAP_NAME}" on /journeys: run scripts/bench/largest-map.ts first, or name a path`);
  return m[1];
}

async function measure(url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], extraHeaders: { Cookie: cookie } });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: not signed in?`);
    const audit = (id) => lhr.audits[id];
    const summary = audit('resource-summary')?.details?.items ?? [];
    const scriptBytes = summary.find((i) => i.resourceType === 'script')?.transferSize ?? NaN;
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      tbt_ms: Math.round(audit('total-blocking-time')?.numericValue ?? NaN),
      lcp_ms: Math.round(audit('largest-contentful-paint')?.numericValue ?? NaN),
      fcp_ms: Math.round(audit('first-contentful-paint')?.numericValue ?? NaN),
      si_ms: Math.round(audit('speed-index')?.numericValue ?? NaN),
      tti_ms: Math.round(audit('interactive')?.numericValue ?? NaN),
      mainthread_ms: Math.round(audit('mainthread-work-breakdown')?.numericValue ?? NaN),
      dom_nodes: Math.round(audit('dom-size')?.numericValue ?? NaN),
      script_bytes: Math.round(scriptBytes),
      bytes: Math.round(audit('total-byte-weight')?.numericValue ?? NaN),
    };
  } finally {
    await chrome.kill();
  }
}

const cookie = await signIn();
const paths = positional.length > 1 ? positional.slice(1) : [await largestMapPath(cookie)];
const results = {};
for (const path of paths) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(base + path, cookie));
  results[path] = Object.fromEntries(Object.keys(samples[0]).map((k) => [k, median(samples.map((s) => s[k]))]));
  results[path].runs = runs;
  results[path].tbt_samples = samples.map((s) => s.tbt_ms);
}

if (flags.has('json')) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`Lighthouse 12 mobile (simulated slow 4G, 4x CPU), signed in as ${email}, median of ${runs}, ${base}`);
  console.log(['page', 'perf', 'TBT ms', 'LCP ms', 'FCP ms', 'SI ms', 'TTI ms', 'main thread ms', 'DOM nodes', 'script bytes', 'bytes', 'TBT runs'].join('\t'));
  for (const [path, r] of Object.entries(results)) {
    console.log([path, r.performance, r.tbt_ms, r.lcp_ms, r.fcp_ms, r.si_ms, r.tti_ms, r.mainthread_ms, r.dom_nodes, r.script_bytes, r.bytes, r.tbt_samples.join('/')].join('\t'));
  }
}
