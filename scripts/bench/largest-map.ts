/**
 * The largest journey map the app accepts (issue 11 item 2), made reproducibly for measuring the
 * map page: LIMITS.stages stages, every lane (touchpoints too) at LIMITS.itemsPerLane items, an
 * emotion note and a metric on every stage, a 120-character name on everything that has one. The
 * texts are as long as they can be while the exported file still fits the import limit
 * (IMPORT_MAX_BYTES), so the same map can be imported by hand through /journeys/import (`--out`)
 * and saved again from the editor (a server action's body stops at 1 MB).
 *
 * It is written with the app's own code: the document passes journeyDocSchema and goes in through
 * importJourney, in the business of the user named, in one tenant transaction (as the import
 * action does). Idempotent: a journey of that name already there is reused, not duplicated.
 *
 *   npx tsx scripts/bench/largest-map.ts [--email=pemilik@bengkel.test] [--out=largest.jejak.json]
 *
 * Uses the database of the environment (DATABASE_URL, else PGlite at PGLITE_DIR): run it before the
 * server starts on a PGlite folder (PGlite allows one process), at any time on PostgreSQL.
 * Prints the journey's id (last line: `id=<uuid>`).
 */
import fs from 'node:fs';
import '../load-env';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const email = option('email') ?? 'pemilik@bengkel.test';
const out = option('out');

const LARGEST_MAP_NAME = 'Peta terbesar (uji beban)';

const { and, eq } = await import('drizzle-orm');
const { closeConnection } = await import('@/db/client');
const { journeys, memberships, users } = await import('@/db/schema');
const { inTenant, withPlatform, withUser } = await import('@/lib/core/tenancy');
const model = await import('@/lib/journeys/model');
const { IMPORT_MAX_BYTES } = await import('@/lib/journeys/exchange');
const { importJourney } = await import('@/lib/journeys/queries');

const { LIMITS, channels, lanes } = model;

/** Indonesian-looking filler of exactly `n` characters (the seed number makes each text differ). */
function text(n: number, seed: number): string {
  const words = ['pelanggan', 'datang', 'ke', 'bengkel', 'untuk', 'servis', 'rutin', 'dan', 'bertanya', 'harga', 'lewat', 'WhatsApp', 'sebelum', 'memutuskan', 'ganti', 'oli'];
  let s = `${seed}.`;
  for (let i = seed; s.length < n; i++) s += ` ${words[i % words.length]}`;
  return s.slice(0, n).trimEnd().padEnd(n, '.');
}

function buildDoc(itemChars: number) {
  let seed = 0;
  const stages = Array.from({ length: LIMITS.stages }, (_, si) => ({
    key: null,
    name: text(LIMITS.name, ++seed),
    emotion: { score: (si % 5) - 2, note: text(itemChars, ++seed) },
    metric: text(itemChars, ++seed),
    lanes: Object.fromEntries(
      lanes.map((lane) => [
        lane,
        Array.from({ length: LIMITS.itemsPerLane }, (_, i) =>
          lane === 'touchpoints' ? (i % 3 === 2 ? { channel: 'custom', label: text(Math.min(itemChars, LIMITS.name), ++seed) } : { channel: channels[i % channels.length], label: text(Math.min(itemChars, LIMITS.name), ++seed) }) : text(itemChars, ++seed),
        ),
      ]),
    ),
  }));
  return { format: model.JOURNEY_FORMAT, version: model.JOURNEY_FORMAT_VERSION, name: LARGEST_MAP_NAME, status: 'active', stageModel: 'blank', isCycle: false, persona: null, stages };
}

/** The longest item text (≤ LIMITS.text) whose file still fits IMPORT_MAX_BYTES. */
function largestDoc() {
  let lo = 1;
  let hi: number = LIMITS.text;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(JSON.stringify(buildDoc(mid), null, 2)) <= IMPORT_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return { doc: buildDoc(lo), itemChars: lo };
}

try {
  const { doc, itemChars } = largestDoc();
  const parsed = model.parseJourneyDoc(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(`the generated map is refused: ${JSON.stringify(parsed.problems)}`);
  const file = JSON.stringify(doc, null, 2);
  if (out) fs.writeFileSync(out, file);
  const items = parsed.doc.stages.reduce((n, s) => n + lanes.reduce((m, l) => m + s.lanes[l].length, 0), 0);
  console.log(`largest map: ${parsed.doc.stages.length} stages, ${items} items, item texts ${itemChars} chars, file ${(Buffer.byteLength(file) / 1024).toFixed(0)} KB${out ? ` → ${out}` : ''}`);

  const [user] = await withPlatform((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  if (!user) throw new Error(`no user ${email} in this database (seed it first: npm run db:seed)`);
  const [member] = await withUser(user.id, (tx) => tx.select({ tenantId: memberships.tenantId }).from(memberships).where(eq(memberships.userId, user.id)).limit(1));
  if (!member) throw new Error(`${email} belongs to no business`);
  const who = { tenantId: member.tenantId, userId: user.id };
  const id = await inTenant(who, async (db) => {
    const [existing] = await db.tx
      .select({ id: journeys.id })
      .from(journeys)
      .where(and(eq(journeys.tenantId, db.tenantId), eq(journeys.name, LARGEST_MAP_NAME)))
      .limit(1);
    if (existing) return existing.id;
    return (await importJourney(db, parsed.doc)).id;
  });
  console.log(`id=${id}`);
} finally {
  await closeConnection();
}
