/**
 * The scale-out stack on this machine, built from the same parts a deployment uses: a throwaway
 * PostgreSQL database on the local server (migrated and seeded by scripts/prepare.ts, as the app's
 * real login role), PgBouncer in transaction-pooling mode in front of it, two production servers
 * (scripts/server.ts, the build in NEXT_DIST_DIR or .next) on their own ports with one
 * NEXTAUTH_SECRET, and nginx balancing them. Everything lives in a temp dir and is stopped by pid
 * (each child leads its own process group), the database and its login role dropped at the end.
 *
 * Used by the scale-out test (tests/scale/global-setup.ts). On its own it keeps the stack up until
 * Ctrl-C, for measuring (docs/scaling.md):   npx tsx tests/scale/stack.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { adminUrl, testDatabaseUrl } from '../support/postgres';

/** What the tests need to reach the stack (handed to Playwright's workers as JSON in SCALE_STACK). */
export interface StackInfo {
  /** The balancer: what users open. */
  lbUrl: string;
  /** The two servers, directly (to sign in on one and act on the other). */
  serverUrls: [string, string];
  serverPids: [number, number];
  /** The database directly, as its owner (to count what was stored). */
  ownerDbUrl: string;
  /** The request path's URL: the login role through PgBouncer. */
  appDbUrl: string;
  pgbouncerPort: number;
  secret: string;
  dir: string;
}

export interface Stack extends StackInfo {
  stop: () => Promise<void>;
}

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || '.next';

export function scalePorts(base = Number(process.env.SCALE_PORT_BASE || 3410)) {
  return { lb: base, a: base + 1, b: base + 2, pgbouncer: base + 3 };
}

/** Why the stack cannot start here (one line), or null. The tools are checked by scripts/ensure-scale-tools.mjs. */
export function missingBuild(): string | null {
  return fs.existsSync(path.join(root, distDir, 'BUILD_ID')) ? null : `no production build in ${distDir} (run \`npm run build\` first)`;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, alive?: () => string | null): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const dead = alive?.();
    if (dead) throw new Error(`${what}: ${dead}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

async function ready(url: string): Promise<boolean> {
  const res = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(3000) });
  return res.ok;
}

export async function startStack(opts: { log?: (line: string) => void } = {}): Promise<Stack> {
  const log = opts.log ?? ((l: string) => console.log(`[scale] ${l}`));
  const ports = scalePorts();
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-scale-'));
  // pgbouncer runs as `postgres` (it refuses root): it must read its config and write its log here.
  fs.chmodSync(dir, 0o755);
  const dbName = `jejak_scale_${process.pid}_${Date.now().toString(36)}`;
  const role = { user: `${dbName}_web`, password: crypto.randomBytes(12).toString('hex') };
  const secret = crypto.randomBytes(32).toString('base64url');
  const ownerDbUrl = testDatabaseUrl(dbName);
  const appDbUrl = `postgres://${role.user}:${role.password}@127.0.0.1:${ports.pgbouncer}/${dbName}`;
  const children: { name: string; proc: ChildProcess }[] = [];
  let dbCreated = false;

  const admin = (fn: (sql: postgres.Sql) => Promise<unknown>) =>
    (async () => {
      const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      try {
        await fn(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
    })();

  /** Starts a child as the leader of its own process group, output to a log file in the temp dir. */
  function start(name: string, cmd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
    const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const proc = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    children.push({ name, proc });
    return proc;
  }
  const exited = (proc: ChildProcess, name: string) => () =>
    proc.exitCode !== null || proc.signalCode !== null ? `exited (${proc.exitCode ?? proc.signalCode}); the end of ${name}.log (SCALE_KEEP=1 keeps ${dir}):\n${tail(name)}` : null;
  const tail = (name: string) => {
    try {
      return fs.readFileSync(path.join(dir, `${name}.log`), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  };

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    // Balancer first, then the servers, then the pooler: each by its process group.
    for (const { proc } of [...children].reverse()) {
      if (proc.pid && proc.exitCode === null && proc.signalCode === null) {
        try {
          process.kill(-proc.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    }
    await Promise.all(
      children.map(
        ({ proc }) =>
          new Promise<void>((resolve) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
            const t = setTimeout(() => {
              try {
                process.kill(-proc.pid!, 'SIGKILL');
              } catch {
                /* gone */
              }
              resolve();
            }, 5000);
            proc.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
          }),
      ),
    );
    process.removeListener('exit', killAllNow);
    if (dbCreated && !process.env.SCALE_KEEP) {
      await admin(async (sql) => {
        await sql.unsafe(`drop database if exists ${dbName} with (force)`);
        await sql.unsafe(`drop role if exists ${role.user}`);
      }).catch((err: unknown) => console.error(`[scale] could not drop ${dbName}:`, err));
    }
    // SCALE_KEEP=1 keeps the database and the temp dir (logs, configs) for a look afterwards.
    if (!process.env.SCALE_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
  // Should this process end without stop() (a crash), its children go with it.
  function killAllNow() {
    for (const { proc } of children) {
      try {
        if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  process.once('exit', killAllNow);

  try {
    // A port already taken would have the test talk to someone else's process.
    for (const [what, port] of Object.entries(ports)) {
      if (await portOpen(port)) throw new Error(`port ${port} (${what}) is in use: stop what holds it, or set SCALE_PORT_BASE to another free range of 4 ports`);
    }
    const t0 = Date.now();
    await admin((sql) => sql.unsafe(`create database ${dbName}`));
    dbCreated = true;

    // PgBouncer, transaction pooling: server connections are handed out per transaction, so the
    // two servers' 2 × DB_POOL_MAX client connections share default_pool_size server connections.
    fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${role.user}" "${role.password}"\n`, { mode: 0o644 });
    fs.writeFileSync(
      path.join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `${dbName} = host=${new URL(adminUrl()).hostname} port=${new URL(adminUrl()).port || 5432} dbname=${dbName}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${ports.pgbouncer}`,
        `unix_socket_dir =`,
        'auth_type = scram-sha-256',
        `auth_file = ${path.join(dir, 'userlist.txt')}`,
        'pool_mode = transaction',
        'default_pool_size = 6',
        'max_client_conn = 200',
        // postgres.js sends none of these today; harmless if a driver does.
        'ignore_startup_parameters = extra_float_digits',
        `pidfile = ${path.join(dir, 'pgbouncer', 'pgbouncer.pid')}`,
        // The test reads SHOW STATS / SHOW CONFIG on the admin console as the login role.
        `stats_users = ${role.user}`,
        'log_connections = 0',
        'log_disconnections = 0',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    fs.mkdirSync(path.join(dir, 'pgbouncer'), { mode: 0o755 });
    if (isRoot) {
      const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const uid = Number(pg.stdout.trim());
      if (!uid) throw new Error('pgbouncer refuses to run as root and there is no `postgres` user to run it as');
      fs.chownSync(path.join(dir, 'pgbouncer'), uid, -1);
    }
    const pgbouncerArgs = [path.join(dir, 'pgbouncer.ini')];
    const bouncer = isRoot ? start('pgbouncer', 'runuser', ['-u', 'postgres', '--', 'pgbouncer', ...pgbouncerArgs]) : start('pgbouncer', 'pgbouncer', pgbouncerArgs);
    await waitFor('pgbouncer', () => portOpen(ports.pgbouncer), 10_000, exited(bouncer, 'pgbouncer'));

    // Migrations straight to PostgreSQL (a session advisory lock), the seed through the pooler.
    const appEnv = {
      DATABASE_URL: appDbUrl,
      MIGRATION_DATABASE_URL: ownerDbUrl,
      DATABASE_POOLER: 'transaction',
      NEXTAUTH_SECRET: secret,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const prep = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare.ts'], { cwd: root, env: { ...process.env, ...appEnv, NODE_ENV: 'development' }, encoding: 'utf8' });
    if (prep.status !== 0) throw new Error(`prepare (migrate + seed) failed:\n${prep.stdout}\n${prep.stderr}`);
    log(`database ${dbName} migrated and seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const lbUrl = `http://127.0.0.1:${ports.lb}`;
    const serverEnv = (port: number) => ({
      ...appEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXTAUTH_URL: lbUrl,
      // One proxy (nginx) in front: the entry it appended to X-Forwarded-For is the client.
      TRUSTED_PROXIES: '1',
      DB_POOL_MAX: '10',
      // SCALE_DATABASE_POOLER=none shows what goes wrong without the setting (docs/scaling.md).
      DATABASE_POOLER: process.env.SCALE_DATABASE_POOLER || 'transaction',
    });
    const t1 = Date.now();
    const a = start('server-a', process.execPath, ['--import', 'tsx', 'scripts/server.ts'], serverEnv(ports.a));
    const b = start('server-b', process.execPath, ['--import', 'tsx', 'scripts/server.ts'], serverEnv(ports.b));
    const serverUrls: [string, string] = [`http://127.0.0.1:${ports.a}`, `http://127.0.0.1:${ports.b}`];
    await Promise.all([
      waitFor('server a', () => ready(serverUrls[0]), 60_000, exited(a, 'server-a')),
      waitFor('server b', () => ready(serverUrls[1]), 60_000, exited(b, 'server-b')),
    ]);
    log(`two servers ready in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, ports), { mode: 0o644 });
    const nginx = start('nginx', 'nginx', ['-p', dir, '-e', path.join(dir, 'nginx-error.log'), '-c', path.join(dir, 'nginx.conf')]);
    await waitFor('nginx', () => ready(lbUrl), 10_000, exited(nginx, 'nginx'));
    log(`nginx on ${lbUrl} → ${serverUrls.join(', ')}; PgBouncer on :${ports.pgbouncer} (transaction pooling); files in ${dir}`);

    return { lbUrl, serverUrls, serverPids: [a.pid!, b.pid!], ownerDbUrl, appDbUrl, pgbouncerPort: ports.pgbouncer, secret, dir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function nginxConf(dir: string, ports: ReturnType<typeof scalePorts>): string {
  return `# The scale-out test's balancer (tests/scale/stack.ts); paths inside ${dir}.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  upstream jejak {
    # A server that refuses or drops a connection is left alone for 10 s, then tried again.
    server 127.0.0.1:${ports.a} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${ports.b} max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${ports.lb};
    client_max_body_size 1m;
    location / {
      proxy_pass http://jejak;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The app reads the client from the entry this proxy appends (TRUSTED_PROXIES=1).
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A request whose server died is sent to the other one, POSTs included (non_idempotent).
      # Safe here: a review post carries its one-time submission key (a retry of a stored one is
      # answered with the thank-you, lib/reviews/page/intake.ts), and every other form carries its
      # duplicate-submit id (lib/core/actions.ts), so a replay stores nothing twice.
      proxy_next_upstream error timeout non_idempotent;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

// `npx tsx tests/scale/stack.ts`: the stack stays up until Ctrl-C (measuring by hand).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const why = missingBuild();
  if (why) {
    console.error(why);
    process.exit(1);
  }
  const stack = await startStack();
  console.log(`[scale] up: ${stack.lbUrl} (Ctrl-C stops everything)`);
  const end = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}
