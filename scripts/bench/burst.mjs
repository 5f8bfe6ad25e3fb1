/**
 * A burst of concurrent requests at one URL, as a crowd (or a retry storm) would send it; prints
 * the status counts, how many 503s carried Retry-After, and latency percentiles.
 *
 *   node scripts/bench/burst.mjs <url> [concurrent=500] [cookie]
 *
 * Signed-in pages: pass the session cookie (`next-auth.session-token=…`) as the third argument,
 * or sign in with SIGN_IN_EMAIL / SIGN_IN_PASSWORD set (next-auth's own exchange).
 */
import http from 'node:http';

const [url, n = '500', cookieArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/bench/burst.mjs <url> [concurrent] [cookie]');
  process.exit(2);
}

function get(target, opts = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(target, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0, headers: res.headers, body }));
    });
    req.on('error', (err) => resolve({ status: `error:${err.code ?? err.message}`, ms: performance.now() - t0, headers: {}, body: '' }));
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function signIn(base, email, password) {
  const csrf = await get(`${base}/api/auth/csrf`);
  const jar = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const body = new URLSearchParams({ email, password, csrfToken: JSON.parse(csrf.body).csrfToken, json: 'true' }).toString();
  const res = await get(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
  });
  return [...jar, ...(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0])].join('; ');
}

let cookie = cookieArg;
if (!cookie && process.env.SIGN_IN_EMAIL) cookie = await signIn(new URL(url).origin, process.env.SIGN_IN_EMAIL, process.env.SIGN_IN_PASSWORD ?? '');

const t0 = performance.now();
const replies = await Promise.all(Array.from({ length: Number(n) }, () => get(url, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } })));
const wall = performance.now() - t0;
const counts = {};
for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
const ms = replies.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))].toFixed(0);
const refused = replies.filter((r) => r.status === 503);
console.log(`burst: ${n} concurrent GET ${url}${cookie ? ' (signed in)' : ''}`);
console.log(`  statuses: ${JSON.stringify(counts)}; 503 with Retry-After: ${refused.filter((r) => r.headers['retry-after']).length}/${refused.length}`);
console.log(`  latency ms: p50 ${pct(50)}, p95 ${pct(95)}, p99 ${pct(99)}, max ${ms.at(-1).toFixed(0)}; wall ${(wall / 1000).toFixed(1)} s`);
