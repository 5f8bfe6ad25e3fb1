/**
 * The production HTTP server (`npm start`): Next's own request handler, behind the two things
 * `next start` cannot do.
 *
 * 1. The client's address. `next start` keeps a client-sent X-Forwarded-For as it is, so any
 *    visitor could pick the address its rate limits are counted under. Here the socket's address
 *    is always appended (and with TRUSTED_PROXIES=0 a client-sent list is dropped), so the app's
 *    `clientIp()` reads the entry that the nearest trusted hop wrote (lib/http/client-address).
 * 2. Load shedding (lib/http/gate): at most MAX_CONCURRENT_REQUESTS at work, a bounded line
 *    behind them, and a clean 503 with Retry-After past that, answered here before the app or the
 *    database is touched. `/api/health/live` and the build's static files never wait in line.
 *
 * Usage: PORT=3000 HOST=0.0.0.0 tsx scripts/server.ts (after `next build`).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

(process.env as Record<string, string>).NODE_ENV = 'production';
await import('./load-env');
const { default: next } = await import('next');
const { env } = await import('@/lib/core/env');
const { forwardedChain } = await import('@/lib/http/client-address');
const { RequestGate, retryAfterSeconds, setProcessGate } = await import('@/lib/http/gate');

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const app = next({ dev: false, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

const gate = new RequestGate({ maxConcurrent: env.MAX_CONCURRENT_REQUESTS, maxQueued: env.MAX_QUEUED_REQUESTS, maxWaitMs: env.MAX_QUEUE_WAIT_MS });
setProcessGate(gate);

/** Never queued: liveness must answer while the instance is busy, and static files cost nothing. */
function bypassesGate(url: string): boolean {
  return url.startsWith('/_next/static/') || url === '/api/health/live' || url.startsWith('/api/health/live?') || url === '/icon.svg';
}

type BusyText = { title: string; body: string };
const busyText: Record<'id' | 'en', BusyText> = {
  id: JSON.parse(fs.readFileSync(path.join(process.cwd(), 'locales/id/errors.json'), 'utf8')).busy,
  en: JSON.parse(fs.readFileSync(path.join(process.cwd(), 'locales/en/errors.json'), 'utf8')).busy,
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function refuse(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  const retry = retryAfterSeconds(gate.stats);
  const lang = /(?:^|;\s*)jejak_locale=en(?:;|$)/.test(req.headers.cookie ?? '') ? 'en' : 'id';
  const text = busyText[lang];
  const wantsJson = (req.url ?? '').startsWith('/api/') || !(req.headers.accept ?? '').includes('text/html');
  res.statusCode = 503;
  res.setHeader('Retry-After', String(retry));
  res.setHeader('Cache-Control', 'no-store');
  if (wantsJson) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ ok: false, error: 'busy', retryAfter: retry }));
  } else {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${escapeHtml(text.title)}</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#0f172a">` +
        `<h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p></body></html>`,
    );
  }
}

function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
  handle(req, res).catch((err: unknown) => {
    console.error('request failed outside the app:', err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
}

const server = http.createServer((req, res) => {
  req.headers['x-forwarded-for'] = forwardedChain(req.headers['x-forwarded-for'], req.socket.remoteAddress, env.TRUSTED_PROXIES);
  if (bypassesGate(req.url ?? '/')) return serve(req, res);
  let started = false;
  const withdraw = gate.enter(
    () => {
      started = true;
      serve(req, res);
    },
    () => refuse(req, res),
  );
  // Ends the request's turn, or takes it out of the line if its client went away while waiting.
  res.once('close', () => (started ? gate.leave() : withdraw()));
});

server.listen(port, host, () => {
  console.log(`jejak: listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (trusted proxies: ${env.TRUSTED_PROXIES}, ` +
    `at most ${env.MAX_CONCURRENT_REQUESTS} at once, ${env.MAX_QUEUED_REQUESTS} waiting, ${env.MAX_QUEUE_WAIT_MS} ms)`);
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
