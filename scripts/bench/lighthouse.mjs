/**
 * Lighthouse 12 (mobile: simulated slow 4G, 4× CPU slowdown — Lighthouse's default) on the public
 * pages of a running server, in headless Debian Chromium: performance and accessibility scores,
 * LCP, TBT, bytes transferred and requests, the median of N runs per page. The landing page is
 * measured in the same run as the baseline (same machine, same moment: this machine is shared and
 * noisy, so compare within a run).
 *
 *   node scripts/bench/lighthouse.mjs [base=http://127.0.0.1:3000] [--runs=3] [--json] [path …]
 *
 * Default paths: /r/demo-bengkel, /t/bengkel-maju-jaya (when the server has it) and / (baseline).
 * Not part of `npm test` (a score is a measurement, not an assertion).
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const argv = process.argv.slice(2);
const flags = new Map(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')).map(([k, v]) => [k, v ?? 'true']));
const positional = argv.filter((a) => !a.startsWith('--'));
const base = (positional[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const paths = positional.length > 1 ? positional.slice(1) : ['/r/demo-bengkel', '/t/bengkel-maju-jaya', '/'];
const runs = Math.max(1, Number(flags.get('runs') ?? 3));
const chromePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromePath) {
  console.error('lighthouse: no Chromium found (set CHROMIUM_PATH, or run node scripts/ensure-chromium.mjs)');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(url) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id];
    const requests = audit('network-requests')?.details?.items ?? [];
    return {
      status: lhr.audits['http-status-code']?.score === 0 ? 'error' : 'ok',
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      lcp_ms: Math.round(audit('largest-contentful-paint')?.numericValue ?? NaN),
      tbt_ms: Math.round(audit('total-blocking-time')?.numericValue ?? NaN),
      fcp_ms: Math.round(audit('first-contentful-paint')?.numericValue ?? NaN),
      bytes: Math.round(audit('total-byte-weight')?.numericValue ?? NaN),
      requests: requests.length,
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric') && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}

const results = {};
for (const path of paths) {
  const url = base + path;
  const probe = await fetch(url).catch(() => null);
  if (!probe || probe.status >= 400) {
    console.error(`skip ${path}: ${probe ? `status ${probe.status}` : 'no answer'}`);
    continue;
  }
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(url));
  const pick = (k) => median(samples.map((s) => s[k]));
  results[path] = {
    runs,
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    lcp_ms: pick('lcp_ms'),
    tbt_ms: pick('tbt_ms'),
    fcp_ms: pick('fcp_ms'),
    bytes: pick('bytes'),
    requests: pick('requests'),
    accessibility_failing: [...new Set(samples.flatMap((s) => s.failing))],
  };
}

if (flags.has('json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const baseline = results['/'];
  console.log(`Lighthouse 12 mobile (simulated slow 4G, 4x CPU), median of ${runs}, ${base}`);
  console.log(['page', 'perf', 'a11y', 'LCP ms', 'TBT ms', 'FCP ms', 'bytes', 'requests', 'LCP vs landing'].join('\t'));
  for (const [path, r] of Object.entries(results)) {
    const ratio = baseline && path !== '/' ? (r.lcp_ms / baseline.lcp_ms).toFixed(2) : '—';
    console.log([path, r.performance, r.accessibility, r.lcp_ms, r.tbt_ms, r.fcp_ms, r.bytes, r.requests, ratio].join('\t'));
    if (r.accessibility_failing.length) console.log(`  accessibility audits not passed: ${r.accessibility_failing.join(', ')}`);
  }
}
