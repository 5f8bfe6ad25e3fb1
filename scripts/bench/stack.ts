/**
 * What every bench part runs against: a production build, a throwaway PostgreSQL cluster
 * (scripts/bench/cluster.ts) migrated and seeded as production does it (the owner migrates and
 * creates the app's login role; the app and the seed connect as that login role, row-level
 * security on), the bench's own businesses and review links (setup-data.ts), and the production
 * server (scripts/server.ts: the client address and the load-shedding gate) behind one trusted
 * proxy (TRUSTED_PROXIES=1, as behind a load balancer) with BENCH_ROUTES=1 (the empty route).
 *
 * Common options: --dist=<folder> reuse a build (default: build into .builds/bench), --port=3500
 * (the server, a profiled second server port+1; the cluster takes port+50), --keep-cluster (leave the cluster's folder to look into).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startCluster, type Cluster } from './cluster';
import type { BenchLink } from './setup-data';

export type { BenchLink };

export const argv = process.argv.slice(2);
export const flag = (name: string) => argv.includes(`--${name}`);
export const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export interface ServerHandle {
  base: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** The server's resident memory now and its peak since start (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  /** Its last output lines. */
  log(): string;
  stop(): Promise<void>;
}

export interface Stack {
  cluster: Cluster;
  server: ServerHandle;
  base: string;
  secret: string;
  appUrl: string;
  ownerUrl: string;
  /** The superuser on the app's database: for checks the app could not make (counts across businesses). */
  sql: postgres.Sql;
  links: BenchLink[];
  distDir: string;
  loginRole: string;
  /** The environment the app's processes get (server, migrate, seed). */
  appEnv: NodeJS.ProcessEnv;
  startServer(opts?: { port?: number; nodeArgs?: string[]; env?: NodeJS.ProcessEnv }): Promise<ServerHandle>;
  close(): Promise<void>;
}

const tsxArgs = ['--import', 'tsx'];

function ensureBuild(log: (s: string) => void): string {
  const given = option('dist');
  const dir = given ?? '.builds/bench';
  if (given) {
    if (!fs.existsSync(path.join(dir, 'BUILD_ID'))) throw new Error(`--dist=${given}: no production build there (no BUILD_ID)`);
    log(`build: reusing ${dir}`);
    return dir;
  }
  const t0 = performance.now();
  log(`build: next build into ${dir} …`);
  const res = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_DIST_DIR: dir, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`next build failed:\n${(res.stdout + res.stderr).split('\n').slice(-30).join('\n')}`);
  log(`build: done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(process.execPath, [...tsxArgs, script, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`${script} failed (${res.status}):\n${(res.stdout + res.stderr).split('\n').slice(-30).join('\n')}`);
  return res.stdout;
}

function readStatus(pid: number): { rssMb: number; peakMb: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

export async function launchServer(opts: { distDir: string; port: number; env: NodeJS.ProcessEnv; nodeArgs?: string[] }): Promise<ServerHandle> {
  const base = `http://127.0.0.1:${opts.port}`;
  const lines: string[] = [];
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...tsxArgs, 'scripts/server.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...opts.env, NODE_ENV: 'production', NEXT_DIST_DIR: opts.distDir, PORT: String(opts.port), HOST: '127.0.0.1', NEXTAUTH_URL: base },
  });
  const keep = (b: Buffer) => {
    lines.push(...b.toString().split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const handle: ServerHandle = {
    base,
    port: opts.port,
    pid: child.pid!,
    child,
    memory: () => readStatus(child.pid!),
    log: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${handle.log()}`);
    try {
      const res = await fetch(`${base}/api/health/ready`);
      if (res.ok) return handle;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await handle.stop();
  throw new Error(`the server did not answer at ${base}:\n${handle.log()}`);
}

/** Starts everything; `log` prints progress. */
export async function openStack(log: (s: string) => void = (s) => console.error(s)): Promise<Stack> {
  const port = Number(option('port') ?? 3500);
  const t0 = performance.now();
  const distDir = ensureBuild(log);
  const cluster = await startCluster({ port: port + 50 });
  log(`postgres: throwaway cluster in ${cluster.dir} on port ${cluster.port}`);
  const secret = randomBytes(32).toString('base64url');
  const loginRole = 'jejak_bench_web';
  const password = `bench-${randomUUID()}`;
  const appUrl = `postgres://${loginRole}:${password}@127.0.0.1:${cluster.port}/jejak`;
  const ownerUrl = cluster.superUrl('jejak');
  const admin = postgres(cluster.superUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database jejak');
  await admin.end();
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    NEXTAUTH_SECRET: secret,
    TRUSTED_PROXIES: '1',
    BENCH_ROUTES: '1',
    DB_STATEMENT_CAPTURE: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    ALLOW_SEED: '1',
  };
  delete appEnv.NEXT_DIST_DIR;
  runTsx('scripts/migrate.ts', [], appEnv);
  runTsx('scripts/seed.ts', [], appEnv);
  const linksFile = path.join(os.tmpdir(), `jejak-bench-links-${process.pid}.json`);
  runTsx('scripts/bench/setup-data.ts', [linksFile, `--tenants=${option('tenants') ?? 40}`, `--links=${option('links') ?? 20}`], appEnv);
  const links = JSON.parse(fs.readFileSync(linksFile, 'utf8')) as BenchLink[];
  fs.rmSync(linksFile, { force: true });
  log(`data: migrated and seeded as the login role ${loginRole}; ${links.length} bench review links over ${new Set(links.map((l) => l.tenantId)).size} businesses`);
  const servers: ServerHandle[] = [];
  const startServer = async (o: { port?: number; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) => {
    const s = await launchServer({ distDir, port: o.port ?? port, env: { ...appEnv, ...o.env }, nodeArgs: o.nodeArgs });
    servers.push(s);
    return s;
  };
  const server = await startServer();
  log(`server: ${server.base} (pid ${server.pid}), ready ${((performance.now() - t0) / 1000).toFixed(0)} s after the start`);
  const sql = postgres(ownerUrl, { max: 2, onnotice: () => {} });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const s of servers) await s.stop().catch(() => {});
    await sql.end({ timeout: 2 }).catch(() => {});
    if (flag('keep-cluster')) log(`--keep-cluster: ${cluster.dir} left running on port ${cluster.port}`);
    else await cluster.destroy();
  };
  return { cluster, server, base: server.base, secret, appUrl, ownerUrl, sql, links, distDir, loginRole, appEnv, startServer, close };
}

/** Runs `part` against a fresh stack when a part's file is run alone; cleans up on Ctrl-C too. */
export async function runAlone<T>(name: string, part: (stack: Stack) => Promise<T>, print: (result: T) => void): Promise<void> {
  let stack: Stack | undefined;
  const stop = async (code: number) => {
    await stack?.close().catch(() => {});
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop(130));
  try {
    stack = await openStack();
    const result = await part(stack);
    print(result);
    await stop(0);
  } catch (err) {
    console.error(`${name}:`, err);
    await stop(1);
  }
}

export const isMain = (metaUrl: string) => process.argv[1] !== undefined && new URL(metaUrl).pathname === path.resolve(process.argv[1]);

/**
 * Runs a node script of the bench in its own process and parses what it prints last as JSON (a load
 * generator or Lighthouse must not share the measuring process's event loop).
 */
export function runJsonScript<T>(script: string, args: string[], pick: (stdout: string) => string = (out) => out): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(pick(out)) as T);
      } catch {
        reject(new Error(`${path.basename(script)} exited ${code}: ${(err || out).slice(-2000)}`));
      }
    });
  });
}
