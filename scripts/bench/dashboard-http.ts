/**
 * The whole dashboard page over HTTP, for scripts/bench-dashboard.ts --http: starts the production
 * server (scripts/server.ts, from an existing `next build`) against the bench database, signs in
 * through next-auth's credentials callback as a browser would (CSRF token, then the form post), and
 * times GETs of a page with the session cookie (the answer read to its end).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PageServer {
  base: string;
  /** GET `path` signed in; the time in ms to the last byte. Throws unless it answers 200. */
  get(pathAndQuery: string): Promise<number>;
  stop(): Promise<void>;
}

/** The build folder to serve, or why there is none. */
export function findBuild(distDir: string): { ok: true; dir: string } | { ok: false; why: string } {
  const dir = path.resolve(distDir);
  if (!fs.existsSync(path.join(dir, 'BUILD_ID'))) return { ok: false, why: `no production build in ${dir} (run \`next build\`, or pass --dist=<folder> / NEXT_DIST_DIR)` };
  return { ok: true, dir };
}

function cookiesOf(res: Response, jar: Map<string, string>): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function waitUntilUp(base: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      const res = await fetch(`${base}/api/health/live`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer at ${base} within ${ms / 1000} s`);
}

export async function startPageServer(opts: {
  distDir: string;
  port: number;
  databaseUrl: string;
  migrationUrl: string;
  email: string;
  password: string;
}): Promise<PageServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: path.relative(process.cwd(), opts.distDir),
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      MIGRATION_DATABASE_URL: opts.migrationUrl,
      DB_STATEMENT_CAPTURE: '0',
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-0000000',
    },
  });
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    await waitUntilUp(base, child, 90_000);
    const jar = new Map<string, string>();
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    cookiesOf(csrfRes, jar);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin: base },
      body: new URLSearchParams({ csrfToken, email: opts.email, password: opts.password, callbackUrl: `${base}/dashboard`, json: 'true' }),
    });
    cookiesOf(signIn, jar);
    if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in did not give a session cookie (HTTP ${signIn.status})`);
    const get = async (pathAndQuery: string) => {
      const started = performance.now();
      const res = await fetch(`${base}${pathAndQuery}`, { redirect: 'manual', headers: { cookie: cookieHeader(jar), accept: 'text/html' } });
      await res.arrayBuffer();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}`);
      return ms;
    };
    return { base, get, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output (last lines) ---\n${log.join('').split('\n').slice(-30).join('\n')}`);
  }
}
