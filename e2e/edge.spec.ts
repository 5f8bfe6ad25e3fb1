/**
 * What faces the internet before any page does: the client's address (a forged X-Forwarded-For
 * neither breaks sign-in nor spreads one client over many rate-limit buckets), load shedding (a
 * burst gets slower answers or a clean 503 with Retry-After, never a 500), health (alive vs ready)
 * and security headers (CSP with a nonce, HSTS over https).
 *
 * Requests that must come from another client address are sent with Node's http and a
 * `localAddress` on 127.0.0.0/8 (all of it is this machine), so the suite's own address
 * (127.0.0.1) is never locked out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { expect, test } from './fixtures';
import { demo, DEMO_PASSWORD, signIn } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const cookiesOf = (r: Reply) => (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

/** next-auth's own sign-in exchange (what the sign-in form does), from one client address. */
async function signInOverHttp(baseURL: string, email: string, password: string, from: string, forwardedFor?: string) {
  const extra: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const csrf = await request(`${baseURL}/api/auth/csrf`, { localAddress: from, headers: extra });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/dashboard`, json: 'true' }).toString();
  const res = await request(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    localAddress: from,
    body,
    headers: { ...extra, 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf), 'x-auth-return-redirect': '1' },
  });
  expect(res.status, res.body).toBeLessThan(500);
  const url = (JSON.parse(res.body) as { url: string }).url;
  const error = new URL(url).searchParams.get('error');
  return { ok: !error && /session-token/.test(cookiesOf(res)), error };
}

test.describe('client address', () => {
  test('an X-Forwarded-For that is not a bare address does not break sign-in', async ({ baseURL }) => {
    for (const forged of ['203.0.113.9:8080', '[2001:db8::7]:443', 'dead', '<script>', '1.2.3.4, ::ffff:10.0.0.1:99, %00']) {
      const r = await signInOverHttp(baseURL!, demo.kopiStaff, DEMO_PASSWORD, '127.0.0.21', forged);
      expect(r, `X-Forwarded-For: ${forged}`).toEqual({ ok: true, error: null });
    }
  });

  test('with no trusted proxy, a forged X-Forwarded-For does not give one client many buckets', async ({ baseURL }) => {
    // 30 failed sign-ins per address per 15 minutes (lib/accounts/accounts.ts): the 31st from the same
    // socket is refused although every try claims another address.
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await signInOverHttp(baseURL!, `nobody-${i}-${Date.now()}@contoh.test`, 'salah-sekali-123', '127.0.0.22', `198.51.100.${i + 1}`);
      outcomes.push(r.error);
    }
    expect(outcomes.slice(0, 30).every((e) => e !== null && !e.startsWith('locked'))).toBe(true);
    expect(outcomes[30]).toMatch(/^locked/);
  });
});

test.describe('health', () => {
  test('liveness needs no database; readiness checks it', async ({ request: api }) => {
    const live = await api.get('/api/health/live');
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await api.get('/api/health/ready');
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, db: expect.stringMatching(/^(pglite|postgres)$/) });
  });
});

test.describe('headers', () => {
  test('pages carry a Content-Security-Policy with a per-request nonce', async ({ page, request: api }) => {
    const csp = async (path: string) => (await api.get(path)).headers()['content-security-policy'] ?? '';
    for (const path of ['/', '/sign-in', '/sign-up']) {
      const policy = await csp(path);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(policy, `${path}: ${directive}`).toContain(directive);
      }
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}' 'strict-dynamic'/);
      expect(policy, path).not.toContain("'unsafe-inline' 'unsafe-eval'");
    }
    const [a, b] = [await csp('/sign-in'), await csp('/sign-in')];
    expect(a.match(/'nonce-([^']+)'/)?.[1]).not.toBe(b.match(/'nonce-([^']+)'/)?.[1]);
    // The app works under it: scripts run (sign-in is a client form), no violation in the console
    // (the fixture fails the test on any console error).
    await signIn(page, demo.kopiOwner);
    await page.goto('/journeys');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('no Strict-Transport-Security over plain http', async ({ request: api }) => {
    expect((await api.get('/')).headers()['strict-transport-security']).toBeUndefined();
  });
});

test.describe('a server of its own (tiny limits, https address)', () => {
  let server: ChildProcess | undefined;
  const port = Number(process.env.E2E_PORT ?? 3100) + 50;
  const base = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    const taken = await request(`${base}/api/health/live`).then(() => true, () => false);
    if (taken) throw new Error(`port ${port} is already in use: stop what listens there`);
    // node itself (not npx), so that killing it stops the server.
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        PGLITE_DIR: 'memory://',
        NEXTAUTH_URL: 'https://jejak.example.id',
        NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-000000',
        MAX_CONCURRENT_REQUESTS: '2',
        MAX_QUEUED_REQUESTS: '4',
        MAX_QUEUE_WAIT_MS: '3000',
      },
    });
    for (let i = 0; i < 120; i++) {
      const up = await request(`${base}/api/health/live`).then((r) => r.status === 200, () => false);
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the second server did not start');
  });

  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  test('a burst gets answers or a clean 503 with Retry-After, never a 500; liveness still answers', async () => {
    const burst = Array.from({ length: 60 }, () => request(`${base}/sign-in`, { headers: { accept: 'text/html' } }));
    const live = await request(`${base}/api/health/live`);
    const replies = await Promise.all(burst);
    expect(live.status).toBe(200);
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503), 'statuses other than 200/503').toEqual([]);
    const refused = replies.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(6);
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(r.body).toContain('Silakan coba lagi');
    }
    // After the burst the server is fine.
    expect((await request(`${base}/sign-in`)).status).toBe(200);
  });

  test('served for an https address, pages send Strict-Transport-Security', async () => {
    const r = await request(`${base}/sign-in`);
    expect(r.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});
