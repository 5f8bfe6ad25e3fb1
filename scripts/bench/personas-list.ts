/**
 * How heavy the lists that grow are (issue 11 item 3): /personas with 2,001 personas, its search
 * and a later page, and the two pages with a persona picker (a journey's map, /journeys/new), over
 * HTTP against a production build. Prints, per page: the HTML's bytes (as sent, and gzipped), the
 * server time (median and p95 of --runs GETs, to the last byte, one at a time) and the time for ten
 * users at once (--users GETs in parallel: the slowest answer). Reports, asserts nothing.
 *
 *   npx tsx scripts/bench/personas-list.ts --dist=.builds/l                 # postgres://postgres@127.0.0.1:5432/postgres
 *   npx tsx scripts/bench/personas-list.ts --dist=.builds/l-before postgres://me@db:5432/postgres
 *
 * Options: --dist=<folder> (a `next build`; else NEXT_DIST_DIR, else .next), --port=3351, --n=2001
 * (personas), --runs=20, --users=10, --keep (leave the database and its login role in place).
 *
 * What it does: creates a throwaway database on the server (the URL's role must be allowed to),
 * migrates it with the app's own migration step (which creates the app's login role, a member of
 * jejak_app only, as in production); creates one business with its owner and one journey through
 * the app's code, then --n personas with INSERT … SELECT generate_series (names, facts and channels
 * as a real card has them); starts the production server on it (scripts/server.ts), signs in as the
 * owner and GETs the pages. Drops the database and its login role at the end (also on Ctrl-C). Run
 * it once on a build of the code before the change and once after, to compare.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { findBuild, startPageServer, type PageServer } from './dashboard-http';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const serverUrl = args.find((a) => /^postgres(ql)?:\/\//.test(a)) ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const distDir = option('dist') ?? process.env.NEXT_DIST_DIR ?? '.next';
const port = Number(option('port') ?? 3351);
const n = Math.max(1, Number(option('n') ?? 2001));
const runs = Math.max(3, Number(option('runs') ?? 20));
const users = Math.max(1, Number(option('users') ?? 10));
const keep = flag('keep');

const dbName = `jejak_bench_personas_${Date.now().toString(36)}`;
const loginRole = { user: `${dbName}_web`, password: `bench-${randomUUID()}` };
const urlOn = (name: string, role?: { user: string; password: string }) => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  if (role) {
    u.username = encodeURIComponent(role.user);
    u.password = encodeURIComponent(role.password);
  }
  return u.toString();
};
const migrationUrl = urlOn(dbName);
const appUrl = urlOn(dbName, loginRole);
process.env.DATABASE_URL = appUrl;
process.env.MIGRATION_DATABASE_URL = migrationUrl;
process.env.DB_STATEMENT_CAPTURE = '0';

/** A signed-in GET of our own (startPageServer's `get` gives the time only): status, bytes and time. */
async function signedInFetcher(base: string, email: string, password: string) {
  const jar = new Map<string, string>();
  const keepCookies = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keepCookies(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard`, json: 'true' }),
  });
  keepCookies(signIn);
  return async (pathAndQuery: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${pathAndQuery}`, { redirect: 'manual', headers: { cookie: cookie(), accept: 'text/html' } });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, ms: performance.now() - started, body };
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const build = findBuild(distDir);
  if (!build.ok) throw new Error(build.why);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let owner: ReturnType<typeof postgres> | undefined;
  let server: PageServer | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await server?.stop().catch(() => {});
    const { closeConnection } = await import('../../db/client');
    await closeConnection().catch(() => {});
    await owner?.end({ timeout: 5 }).catch(() => {});
    if (keep) console.log(`--keep: database ${dbName} and login role ${loginRole.user} left in place (${appUrl}); drop them by hand.`);
    else {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e: unknown) => console.error('drop database:', e));
      await admin.unsafe(`drop role if exists ${loginRole.user}`).catch((e: unknown) => console.error('drop role:', e));
    }
    await admin.end({ timeout: 5 });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: cleaning up ${dbName} …`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    await admin.unsafe(`create database ${dbName}`);
    const { getConnection } = await import('../../db/client');
    await getConnection(); // migrates, creates the login role
    owner = postgres(migrationUrl, { max: 1, onnotice: () => {} });
    const { hashPassword } = await import('../../lib/auth/password');
    const { inTenant, withTenant } = await import('../../lib/core/tenancy');
    const { createJourney } = await import('../../lib/journeys/queries');
    const { journeyFromStart } = await import('../../lib/journeys/start');
    const { sql } = await import('drizzle-orm');

    const tenantId = randomUUID();
    const userId = randomUUID();
    const email = `pemilik-${userId.slice(0, 8)}@bench.test`;
    const password = `bench-${randomUUID()}`;
    await owner`insert into users (id, email, name, password_hash) values (${userId}, ${email}, 'Pemilik Bench', ${await hashPassword(password)})`;
    await withTenant(tenantId, async (tx) => {
      await tx.execute(sql`insert into tenants (id, name, business_type, city) values (${tenantId}, 'Warung Bench Ramai', 'warung', 'Malang')`);
      await tx.execute(sql`insert into memberships (tenant_id, user_id, role) values (${tenantId}, ${userId}, 'owner')`);
    });
    // As the owner (past row-level security): names from a few words, facts and channels on every card.
    await owner.unsafe(`
      insert into personas (tenant_id, id, name, avatar_color, age_range, gender, location, occupation, preferred_channels, goals, pain_points, created_at, updated_at)
      select '${tenantId}', md5('p' || g)::uuid,
             (array['Bu','Pak','Mbak','Mas','Kak'])[1 + g % 5] || ' ' ||
             (array['Sari','Budi','Rina','Agus','Dewi','Joko','Wati','Andi','Lestari','Hendra'])[1 + (g / 5) % 10] || ' ' || g,
             (array['emerald','sky','amber','rose','violet'])[1 + g % 5],
             (array['18–24','25–34','35–44','45–54'])[1 + g % 4], (array['female','male',''])[1 + g % 3],
             (array['Malang','Batu','Surabaya','Kediri','Blitar'])[1 + g % 5],
             (array['Mahasiswa','Karyawan swasta','Ibu rumah tangga','Pedagang pasar','Guru'])[1 + g % 5],
             '["whatsapp","instagram","google_maps"]'::jsonb,
             'Makan siang cepat dan murah dekat tempat kerja, bisa pesan lewat WhatsApp.',
             'Antre lama saat jam makan siang; menu habis sebelum jam satu.',
             now() - make_interval(mins => g), now() - make_interval(mins => g)
      from generate_series(1, ${n}) g`);
    await owner.unsafe('analyze personas');
    const journeyId = await inTenant({ tenantId, userId }, async (db) => (await createJourney(db, { name: 'Makan siang', ...journeyFromStart({ kind: 'model', model: 'five_stage' }, 'id') })).id);

    server = await startPageServer({ distDir: build.dir, port, databaseUrl: appUrl, migrationUrl, email, password });
    const get = await signedInFetcher(server.base, email, password);
    console.log(`Production server from ${path.relative(process.cwd(), build.dir) || '.'} at ${server.base}; one business with ${n.toLocaleString('en')} personas (PostgreSQL, database ${dbName}).`);
    console.log(`Per page: HTML bytes (raw / gzip), server time to the last byte (median / p95 of ${runs} GETs one at a time, after 2 warm-up GETs), and ${users} users at once (slowest answer).\n`);

    // A later page's address, as its "next" link gives it (none on a build without paging).
    const first = await get('/personas');
    if (first.status !== 200) throw new Error(`GET /personas answered ${first.status}`);
    const nextHref = /href="(\/personas\?after=[^"]+)"/.exec(first.body.toString('utf8'))?.[1]?.replace(/&amp;/g, '&');
    const pages: [string, string][] = [
      ['/personas', '/personas'],
      ['/personas?q=sari (search)', '/personas?q=sari'],
      ...(nextHref ? ([['/personas, page 2', nextHref]] as [string, string][]) : []),
      ['/journeys/<id> (map, persona picker)', `/journeys/${journeyId}`],
      ['/journeys/new (persona picker)', '/journeys/new'],
    ];
    const rows: string[][] = [['page', 'HTML', 'gzip', 'median', 'p95', `${users} users`, 'cards/options']];
    for (const [label, p] of pages) {
      const sample = await get(p);
      if (sample.status !== 200) {
        rows.push([label, `HTTP ${sample.status}`, '', '', '', '', '']);
        continue;
      }
      const html = sample.body.toString('utf8');
      const items = `${(html.match(/<li /g) ?? []).length} li / ${(html.match(/<option /g) ?? []).length} option`;
      await get(p);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await get(p)).ms);
      const together = await Promise.all(Array.from({ length: users }, () => get(p)));
      const failed = together.filter((r) => r.status !== 200).length;
      rows.push([
        label,
        kb(sample.body.length),
        kb(gzipSync(sample.body).length),
        `${quantile(times, 0.5).toFixed(0)} ms`,
        `${quantile(times, 0.95).toFixed(0)} ms`,
        `${Math.max(...together.map((r) => r.ms)).toFixed(0)} ms${failed ? ` (${failed} not 200)` : ''}`,
        items,
      ]);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
