/**
 * A throwaway PostgreSQL 15 cluster for `npm run bench`: `initdb` in a temp folder, its own port and
 * socket folder, so the machine's own server is never touched. initdb and postgres refuse to run as
 * root: as root the folder is given to the `postgres` user and every command runs through
 * `runuser -u postgres --`. The faults part kills its postmaster with SIGKILL and starts it again
 * (`pg_ctl start`, crash recovery), as a crashed database server would be restarted.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  dir: string;
  port: number;
  logFile: string;
  /** A URL as the cluster's superuser (`postgres`, trust) to `db`. */
  superUrl(db?: string): string;
  /** The postmaster's pid (first line of postmaster.pid), or null when it is not running. */
  postmasterPid(): number | null;
  /** SIGKILL to the postmaster (its backends notice and exit on their own). */
  kill9(): number | null;
  /** `pg_ctl start -w` (crash recovery after a kill), retried while the old backends still hold shared memory. */
  start(): Promise<void>;
  /** Stops it and removes the folder. */
  destroy(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

function pgCommand(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, bin), ...args]] : [path.join(BIN, bin), args];
}

async function pg(bin: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<string> {
  const [cmd, argv] = pgCommand(bin, args);
  const { stdout } = await run(cmd, argv, { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * initdb + start. Settings: the server's defaults (fsync and synchronous_commit on: the faults part
 * depends on a commit being durable), plus room for the bench's connections and a log line prefix
 * that names the user (the intake part reads the app's statements from the log).
 */
export async function startCluster(opts: { port: number }): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-bench-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  fs.mkdirSync(data);
  fs.writeFileSync(logFile, '');
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const conf = [
    `port = ${opts.port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'max_connections = 200',
    "log_line_prefix = '%m [%p] %u@%d '",
    'log_min_messages = warning',
    'fsync = on',
    'synchronous_commit = on',
  ];
  fs.appendFileSync(path.join(data, 'postgresql.conf'), `\n# jejak bench\n${conf.join('\n')}\n`);
  const pidFile = path.join(data, 'postmaster.pid');
  const postmasterPid = () => {
    try {
      return Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  };
  const start = async () => {
    let last: unknown;
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await pg('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
        return;
      } catch (err) {
        last = err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(`pg_ctl start failed: ${(last as Error).message}`);
  };
  await start();
  const cluster: Cluster = {
    dir,
    port: opts.port,
    logFile,
    superUrl: (db = 'postgres') => `postgres://postgres@127.0.0.1:${opts.port}/${db}`,
    postmasterPid,
    kill9() {
      const pid = postmasterPid();
      if (pid) process.kill(pid, 'SIGKILL');
      return pid;
    },
    start,
    async destroy() {
      try {
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], { timeoutMs: 30_000 });
      } catch {
        const pid = postmasterPid();
        if (pid) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** pgbench from the same PostgreSQL, as the given role, against the cluster (no root needed: it is a client). */
export async function pgbench(args: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 300_000): Promise<string> {
  const bin = fs.existsSync(path.join(BIN, 'pgbench')) ? path.join(BIN, 'pgbench') : 'pgbench';
  try {
    const { stdout, stderr } = await run(bin, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return `${stdout}\n${stderr}`;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    throw new Error(`pgbench failed (${e.code}):\n${`${e.stdout ?? ''}\n${e.stderr ?? ''}`.split('\n').slice(-25).join('\n')}`);
  }
}
