/**
 * The load generator of `npm run bench`, run in its own process (so its work is not the server's):
 * autocannon posting either real review submissions to /r/<slug> or the same body to the empty
 * route handler (/api/bench/empty, the framework ceiling). Prints one JSON object on stdout.
 *
 *   node scripts/bench/load.mjs '<json config>'
 *   config: { base, mode: "intake" | "empty", connections, seconds, rate?, secret, slugs: string[], ipSeed? }
 *
 * Each review is what the page's own form sends: stars, NPS, a comment, a fresh one-time key, the
 * render time signed as lib/reviews/page/token.ts signs it (from NEXTAUTH_SECRET: "jejak review form
 * v1"), rendered 10 s before (so it is a real review, not "too fast" spam), the empty honeypot. The
 * client address goes in X-Forwarded-For, as a load balancer would write it (the server runs with
 * TRUSTED_PROXIES=1): every request from another address, so the per-address limit (20 an hour)
 * is never what is measured; slugs are taken in turn over all the bench's links.
 */
import autocannon from 'autocannon';
import { createHmac, randomUUID } from 'node:crypto';

const config = JSON.parse(process.argv[2] ?? '{}');
const { base, mode = 'intake', connections = 16, seconds = 15, rate, secret, slugs = [] } = config;
if (!base || (mode === 'intake' && (!secret || !slugs.length))) {
  console.error('load.mjs: base, secret and slugs are required');
  process.exit(2);
}

const formKey = createHmac('sha256', secret ?? 'x').update('jejak review form v1').digest();
const sign = (key, renderedAt) => createHmac('sha256', formKey).update(`${key}.${renderedAt}`).digest('base64url');
const comments = ['Pelayanan ramah dan cepat', 'Antri lama banget, gak ada kabar', 'Harga sesuai, hasil rapi', 'Kasirnya kurang ramah', ''];

let n = Number(config.ipSeed ?? Math.floor(Math.random() * 2 ** 23)) * 2;
let i = 0;
/** A review form body as the page sends it (application/x-www-form-urlencoded). */
export function reviewBody(now = Date.now()) {
  const key = randomUUID();
  const t = String(now - 10_000);
  const stars = 1 + (i % 5);
  return new URLSearchParams({ stars: String(stars), nps: String((i * 7) % 11), comment: comments[i % comments.length], key, t, sig: sign(key, t), website: '' }).toString();
}
function nextAddress() {
  n = (n + 1) % 2 ** 24;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

const latencies = [];
const statuses = {};
let errors = 0;

const instance = autocannon({
  url: base,
  connections,
  duration: seconds,
  ...(rate ? { overallRate: rate } : {}),
  timeout: 30,
  requests: [
    {
      method: 'POST',
      setupRequest(req) {
        i++;
        const body = reviewBody();
        return {
          ...req,
          path: mode === 'empty' ? '/api/bench/empty' : `/r/${slugs[i % slugs.length]}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress(), accept: 'text/html' },
          body,
        };
      },
    },
  ],
});
instance.on('response', (_client, status, _bytes, ms) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
  latencies.push(ms);
});
instance.on('reqError', () => errors++);
const result = await instance;
latencies.sort((a, b) => a - b);
const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] : NaN);
const expected = mode === 'empty' ? 204 : 303;
const done = latencies.length;
const unexpected = Object.entries(statuses).reduce((s, [k, v]) => s + (Number(k) === expected ? 0 : v), 0);
console.log(
  JSON.stringify({
    mode,
    connections,
    seconds: result.duration,
    rate: rate ?? null,
    requests: done,
    ok: statuses[expected] ?? 0,
    per_s: (statuses[expected] ?? 0) / result.duration,
    latency_ms: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies.at(-1) ?? NaN },
    statuses,
    errors: errors + result.errors + result.timeouts + unexpected,
    socket_errors: result.errors,
    timeouts: result.timeouts,
  }),
);
