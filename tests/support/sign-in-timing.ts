/**
 * Measures how long a failed sign-in takes for a known email (wrong password) and for an unknown
 * email, on a real PostgreSQL, in a throwaway database it creates and drops:
 *
 *   npx tsx tests/support/sign-in-timing.ts [tries=40] [--single-url]
 *
 * Each known-email try uses a fresh account (the per-account limit locks after 5 failures) and no
 * IP (the per-IP limit stays out of it). Tries alternate in a shuffled order after a warm-up.
 * Work the sign-in leaves for after its answer (see `settleBackgroundWork` in db/client.ts) is
 * awaited between tries, outside the timed part, so each try starts from a quiet pool.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { admin, testDatabaseUrl } from './postgres';

const tries = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 40);
const dbName = `jejak_timing_${process.pid}`;
const loginRole = `${dbName}_web`;

await admin((sql) => sql.unsafe(`create database ${dbName}`));
const migrationUrl = testDatabaseUrl(dbName);
const loginUrl = new URL(migrationUrl);
loginUrl.username = loginRole;
loginUrl.password = 'timing-only';
// As in production: the login role, with the owner migrating. `--single-url`: one superuser URL
// for both (the only way before MIGRATION_DATABASE_URL existed).
const singleUrl = process.argv.includes('--single-url');
process.env.DATABASE_URL = singleUrl ? migrationUrl : loginUrl.toString();
process.env.MIGRATION_DATABASE_URL = singleUrl ? '' : migrationUrl;

const client = (await import('@/db/client')) as typeof import('@/db/client') & { settleBackgroundWork?: () => Promise<void> };
try {
  const { authenticate, SignInError } = await import('@/lib/accounts/accounts');
  const { hashPassword } = await import('@/lib/auth/password');
  const { makeUser } = await import('./factory');
  const { withTenant } = await import('@/lib/core/tenancy');
  const { memberships, tenants } = await import('@/db/schema');
  const { kind } = await client.getConnection();
  console.log(`${kind}, connected as ${singleUrl ? 'the superuser (one URL)' : 'the login role'}; ${tries} tries each`);
  const passwordHash = await hashPassword('the-right-password');
  const settle = async () => {
    await client.settleBackgroundWork?.();
  };

  async function timeOne(email: string): Promise<number> {
    const started = performance.now();
    try {
      await authenticate(email, 'a-wrong-password', null);
      throw new Error('signed in with a wrong password');
    } catch (err) {
      if (!(err instanceof SignInError) || err.reason !== 'invalid') throw err;
    }
    const ms = performance.now() - started;
    await settle();
    return ms;
  }

  /** A fresh account with a real argon2id hash, owner of its own business (so a failure is audited there). */
  async function knownEmail(): Promise<string> {
    const user = await makeUser({ passwordHash });
    const tenantId = randomUUID();
    await withTenant(tenantId, async (tx) => {
      await tx.insert(tenants).values({ id: tenantId, name: 'Usaha Timing' });
      await tx.insert(memberships).values({ tenantId, userId: user.id, role: 'owner' });
    });
    return user.email;
  }

  // Accounts first (their writes must not land inside a timed try), then a warm-up.
  const known = [] as string[];
  for (let i = 0; i < tries + 4; i++) known.push(await knownEmail());
  for (let i = 0; i < 4; i++) {
    await timeOne(known.pop()!);
    await timeOne(`nobody-${randomUUID()}@timing.test`);
  }
  const order = [...Array(tries).fill('known'), ...Array(tries).fill('unknown')].sort(() => Math.random() - 0.5) as ('known' | 'unknown')[];
  const times = { known: [] as number[], unknown: [] as number[] };
  for (const kind of order) {
    times[kind].push(await timeOne(kind === 'known' ? known.pop()! : `nobody-${randomUUID()}@timing.test`));
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p10 ${q(xs, 0.1).toFixed(1)}, p90 ${q(xs, 0.9).toFixed(1)} (n=${xs.length})`;
  console.log(`known email, wrong password: ${fmt(times.known)}`);
  console.log(`unknown email:               ${fmt(times.unknown)}`);
  console.log(`gap of the medians:          ${(median(times.known) - median(times.unknown)).toFixed(1)} ms`);
} finally {
  await client.closeConnection();
  await admin((sql) => sql.unsafe(`drop database if exists ${dbName} with (force)`));
  await admin((sql) => sql.unsafe(`drop role if exists ${loginRole}`));
}
