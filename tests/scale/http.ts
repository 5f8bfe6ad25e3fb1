/**
 * Plain HTTP for the scale-out test: no redirects followed, cookies by hand, and the local address
 * chosen per request (127.0.0.0/8 is all this machine), so each simulated customer reaches nginx
 * from an address of its own, as phones do, and the per-address limits see them apart.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.from, agent: false, timeout: opts.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A tiny cookie jar: name → value, from Set-Cookie headers. */
export class Jar {
  private cookies = new Map<string, string>();
  take(a: Answer): void {
    for (const line of a.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/**
 * next-auth's password sign-in as its client does it (csrf, then the credentials callback with
 * `json`): the error code ('invalid', 'locked:…') or null when signed in; the jar keeps the session.
 */
export async function signInOver(base: string, jar: Jar, email: string, password: string, clientIp: string): Promise<string | null> {
  const csrf = await request(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), 'x-forwarded-for': clientIp },
    body: form({ csrfToken, email, password, callbackUrl: `${base}/dashboard`, json: 'true' }),
  });
  jar.take(res);
  const url = (JSON.parse(res.body) as { url?: string }).url ?? '';
  return new URL(url, base).searchParams.get('error');
}

/** The review form's hidden fields (one-time key, signed render time) from the page's HTML. */
export function formToken(html: string): { key: string; t: string; sig: string } {
  const field = (name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
  const key = field('key');
  const t = field('t');
  const sig = field('sig');
  if (!key || !t || !sig) throw new Error('no review form in the page');
  return { key, t, sig };
}

/** Runs `work` over `items` with at most `n` at once. */
export async function pool<T, R>(items: T[], n: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}
