/**
 * Stateless servers, proven (issue 14): two production servers behind nginx, both on one
 * PostgreSQL database through PgBouncer in transaction-pooling mode (tests/scale/stack.ts).
 * Nothing that matters may live in one server's memory: sessions, rate-limit counters and
 * submission keys are in PostgreSQL, so whichever server answers, the answer is the same.
 * The last test kills a server; keep it last.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import type { StackInfo } from './stack';
import { form, formToken, Jar, pool, request, signInOver } from './http';

const stack = JSON.parse(process.env.SCALE_STACK ?? 'null') as StackInfo;
const [A, B] = stack.serverUrls;
const LB = stack.lbUrl;
const PASSWORD = 'jejak-demo-2026';
const bengkelJourneyId = '0b5e1c00-0000-4000-8000-000000000201';
/** Review links of the demo seed (lib/demo/seed-reviews.ts), each used by one test: the per-link limit is 300 an hour. */
const links = { duplicate: 'demo-bengkel', perAddress: 'x7kq3mfp9', load: ['k7m3wqp9d', 'p3y9gms7c', 'u2d7jrn4x'] };

const db = postgres(stack.ownerDbUrl, { max: 2, onnotice: () => {} });
test.afterAll(() => db.end({ timeout: 5 }));

async function storedKeys(keys: string[]): Promise<Map<string, number>> {
  const rows = await db<{ key: string; n: number }[]>`
    select submission_key::text as key, count(*)::int as n from reviews where submission_key = any(${keys}::uuid[]) group by 1`;
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** A review form rendered by `base` (its key and signed time), and the time to wait until it may be sent. */
async function openForm(base: string, slug: string, from?: string) {
  const page = await request(`${base}/r/${slug}`, { from });
  expect(page.status, `GET ${base}/r/${slug}`).toBe(200);
  return formToken(page.body);
}

/** The form rule: at least 3 s between rendering and sending (lib/reviews/page/token.ts), or it is stored as spam. */
const humanPause = () => new Promise((r) => setTimeout(r, 3200));

function postReview(base: string, slug: string, token: { key: string; t: string; sig: string }, opts: { from?: string; clientIp?: string; stars?: string } = {}) {
  return request(`${base}/r/${slug}`, {
    method: 'POST',
    from: opts.from,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.clientIp ? { 'x-forwarded-for': opts.clientIp } : {}) },
    body: form({ stars: opts.stars ?? '4', comment: 'Lewat dua server, tetap satu ulasan.', ...token, website: '' }),
  });
}

/** The sign-in form of `base`, by its fields (the labels are the e2e suite's business). */
async function signInOn(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill('pemilik@bengkel.test');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page).toHaveURL(`${base}/dashboard`);
}

test('signed in through one server, a persona is made through the other and read back on the first', async ({ page }) => {
  const name = `Persona dua server ${Date.now().toString(36)}`;
  await signInOn(page, A);

  // Server B never saw this sign-in: the session cookie is all it gets, checked against PostgreSQL.
  const session = await page.request.get(`${B}/api/auth/session`);
  expect((await session.json()) as unknown).toMatchObject({ user: { email: 'pemilik@bengkel.test' } });

  await page.goto(`${B}/personas/new`);
  await page.locator('input[name="name"]').fill(name);
  await page.locator('form:has(input[name="name"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`^${B}/personas/[0-9a-f-]{36}(\\?|$)`));
  const id = new URL(page.url()).pathname.split('/').pop();

  await page.goto(`${A}/personas/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // And through the balancer, whichever server answers.
  await page.goto(`${LB}/personas?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
});

test('a rate limit reached through one server holds on the other', async () => {
  // Sign-in: five wrong passwords through A lock the account (limits.signInPerAccount) on B too,
  // even for the right password; another account still signs in on B.
  const jar = new Jar();
  for (let i = 0; i < 5; i++) expect(await signInOver(A, jar, 'staf@kopi.test', 'salah-sandi-123', '198.51.100.7')).toBe('invalid');
  const onB = await signInOver(B, new Jar(), 'staf@kopi.test', PASSWORD, '198.51.100.8');
  expect(onB).toMatch(/^locked/);
  const other = new Jar();
  expect(await signInOver(B, other, 'pemilik@kopi.test', PASSWORD, '198.51.100.8')).toBeNull();
  expect(other.get('next-auth.session-token')).toBeTruthy();

  // Review page: 20 reviews an hour per address (limits.reviewSubmitPerAddress). Twenty from one
  // address through A, alternating forms of both servers; the 21st through B is refused.
  const clientIp = '203.0.113.21';
  const tokens = await pool(Array.from({ length: 21 }, (_, i) => i), 4, (i) => openForm(i % 2 ? B : A, links.perAddress));
  await humanPause();
  const viaA = await pool(tokens.slice(0, 20), 4, (t) => postReview(A, links.perAddress, t, { clientIp }));
  expect(viaA.map((r) => r.status)).toEqual(Array(20).fill(303));
  const viaB = await postReview(B, links.perAddress, tokens[20]!, { clientIp });
  expect(viaB.status).toBe(429);
  expect(Number(viaB.headers['retry-after'])).toBeGreaterThan(0);
  // Another address on B is not affected.
  const [fresh] = await Promise.all([openForm(B, links.perAddress), humanPause()]);
  expect((await postReview(B, links.perAddress, fresh, { clientIp: '203.0.113.22' })).status).toBe(303);
  const stored = await storedKeys(tokens.map((t) => t.key));
  expect(stored.size).toBe(20);
  expect(stored.has(tokens[20]!.key)).toBe(false);
});

test('a review sent twice with one submission key, once through each server, is stored once', async () => {
  const [one, two] = await Promise.all([openForm(A, links.duplicate), openForm(B, links.duplicate)]);
  await humanPause();
  // One after the other: A stores it, B finds the key and answers the same thank-you.
  const first = await postReview(A, links.duplicate, one, { clientIp: '192.0.2.10' });
  const again = await postReview(B, links.duplicate, one, { clientIp: '192.0.2.10' });
  expect([first.status, again.status]).toEqual([303, 303]);
  expect(again.headers.location).toBe(first.headers.location);
  // At the same moment (a double tap whose two requests the balancer split): one row still.
  const both = await Promise.all([postReview(A, links.duplicate, two, { clientIp: '192.0.2.11' }), postReview(B, links.duplicate, two, { clientIp: '192.0.2.11' })]);
  expect(both.map((r) => r.status)).toEqual([303, 303]);
  const stored = await storedKeys([one.key, two.key]);
  expect(Object.fromEntries(stored)).toEqual({ [one.key]: 1, [two.key]: 1 });
});

test('the dashboards and the inbox answer through the balancer, on PgBouncer in transaction mode', async ({ page }) => {
  await signInOn(page, A);

  for (const path of ['/dashboard', `/dashboard/stages?journey=${bengkelJourneyId}`, `/dashboard/funnel?journey=${bengkelJourneyId}`, '/reviews', `/journeys/${bengkelJourneyId}`]) {
    const res = await page.goto(`${LB}${path}`);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  }
  const csv = await page.request.get(`${LB}/api/journeys/${bengkelJourneyId}/stages.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n').length).toBeGreaterThan(2);

  // The pooler did the work: transaction mode, and the servers' 2 × 10 client connections ran on
  // at most default_pool_size (6) server connections.
  const show = (what: string) => {
    const r = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(stack.pgbouncerPort), '-U', new URL(stack.appDbUrl).username, '-At', '-F', '|', '-c', what, 'pgbouncer'], {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: decodeURIComponent(new URL(stack.appDbUrl).password) },
    });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim().split('\n').map((l) => l.split('|'));
  };
  const mode = show('SHOW CONFIG').find((row) => row[0] === 'pool_mode');
  expect(mode?.[1]).toBe('transaction');
  const dbName = new URL(stack.ownerDbUrl).pathname.slice(1);
  const stats = show('SHOW STATS').find((row) => row[0] === dbName);
  const transactions = Number(stats?.[1]);
  const [conns] = await db<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = ${dbName} and usename = ${new URL(stack.appDbUrl).username}`;
  const serverConns = conns!.n;
  console.log(`[scale] PgBouncer: ${transactions} transactions so far on ${serverConns} server connections (pool_mode=transaction, default_pool_size=6)`);
  expect(transactions).toBeGreaterThan(50);
  expect(serverConns).toBeLessThanOrEqual(6);
});

test('a server killed mid-load loses no acknowledged review, and the balancer moves traffic to the other', async () => {
  test.setTimeout(90_000);
  const perLink = 60;
  const reviews = links.load.flatMap((slug) => Array.from({ length: perLink }, () => slug));
  // Every customer from an address of their own (127.0.x.y reaches nginx as that address).
  const addr = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
  const tokens = await pool(reviews, 6, (slug, i) => openForm(LB, slug, addr(i)));
  await humanPause();

  const outcomes: { status: number | 'error'; afterKill: boolean }[] = [];
  let killedAt = 0;
  let answered = 0;
  const killer = (async () => {
    // Once the load runs (a tenth of it answered), SIGKILL server A: no shutdown, in-flight requests cut.
    while (answered < reviews.length / 10) await new Promise((r) => setTimeout(r, 10));
    process.kill(-stack.serverPids[0], 'SIGKILL');
    killedAt = Date.now();
  })();
  await pool(reviews, 12, async (slug, i) => {
    const r = await postReview(LB, slug, tokens[i]!, { from: addr(i), stars: String(1 + (i % 5)) }).catch(() => null);
    outcomes[i] = { status: r?.status ?? 'error', afterKill: killedAt > 0 };
    answered++;
  });
  await killer;
  expect(killedAt).toBeGreaterThan(0);

  const keys = tokens.map((t) => t.key);
  const stored = await storedKeys(keys);
  const acked = keys.filter((_, i) => outcomes[i]!.status === 303);
  const lost = acked.filter((k) => !stored.has(k));
  const ackedAfterKill = outcomes.filter((o) => o.status === 303 && o.afterKill).length;
  const refused = outcomes.filter((o) => o.status !== 303);
  // Requests in flight on A when it died, which nginx sent again to B (proxy_next_upstream).
  const cut = (fs.readFileSync(path.join(stack.dir, 'nginx-error.log'), 'utf8').match(/upstream prematurely closed connection|Connection reset by peer/g) ?? []).length;
  console.log(
    `[scale] load: ${reviews.length} reviews, 12 at once through nginx; server A killed after ${outcomes.filter((o) => o && !o.afterKill).length} answers. ` +
      `Acknowledged (303): ${acked.length} (${ackedAfterKill} after the kill); not acknowledged: ${refused.length} ` +
      `(${JSON.stringify(refused.reduce<Record<string, number>>((m, o) => ({ ...m, [o.status]: (m[o.status] ?? 0) + 1 }), {}))}); ` +
      `stored: ${stored.size}; acknowledged but lost: ${lost.length}; requests cut on A and sent again to B: ${cut}`,
  );
  expect(cut, 'the kill cut requests in flight').toBeGreaterThan(0);
  expect(lost).toEqual([]);
  expect([...stored.values()].every((n) => n === 1)).toBe(true);
  // The balancer moved the traffic: the load went on being answered after A died.
  expect(ackedAfterKill).toBeGreaterThan(reviews.length / 2);
  // And keeps answering, on B alone.
  for (let i = 0; i < 4; i++) expect((await request(`${LB}/api/health/ready`)).status).toBe(200);
});
