/**
 * Pooling-safe by construction (issue 14, docs/scaling.md): behind PgBouncer in transaction mode,
 * consecutive transactions of one client connection may run on different server connections, so
 * the request path must keep no session state. The tenant and role are set per transaction
 * (`set_config(…, true)`, `SET LOCAL ROLE`); this scan fails on anything else that would outlive a
 * transaction on the server connection: SET without LOCAL, set_config(…, false), session advisory
 * locks, LISTEN/NOTIFY subscriptions, temporary tables, cursors WITH HOLD, prepared transactions,
 * and postgres.js reserved connections. Prepared statements are switched off by
 * DATABASE_POOLER=transaction (db/client.ts); the scale-out test runs the app through PgBouncer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/core/env';

const root = path.resolve(import.meta.dirname, '../..');

/** What holds state past the transaction on a server connection, each with what to do instead. */
const rules: { name: string; re: RegExp }[] = [
  // `set role …`, `set search_path …`, `set x = …` in SQL; `set local` / `set transaction` are per transaction.
  { name: 'SET without LOCAL (use SET LOCAL or set_config(…, true))', re: /[`'"(]\s*set\s+(?:session\s+)?(?:role\b|authorization\b|time\s+zone\b|search_path\b|[a-z_."]+\s*(?:=|\bto\b))/im },
  { name: 'set_config(…, false) (session-wide; use true)', re: /set_config\s*\([^)]*,\s*false\s*\)/i },
  { name: 'session advisory lock (use pg_advisory_xact_lock)', re: /pg_(?:try_)?advisory_lock(?:_shared)?\s*\(/i },
  { name: 'LISTEN / NOTIFY subscription', re: /(?:\.listen\s*\(|[`'"]\s*(?:un)?listen\s)/i },
  { name: 'temporary table', re: /create\s+(?:global\s+|local\s+)?temp(?:orary)?\s+table/i },
  { name: 'cursor WITH HOLD', re: /declare\s+\S+\s+(?:[a-z]+\s+)*cursor\s+with\s+hold/i },
  { name: 'prepared transaction', re: /prepare\s+transaction/i },
  { name: 'postgres.js reserved connection', re: /\.reserve\s*\(\s*\)/ },
];

/**
 * Deliberate exceptions, each with its reason. The migrator's session advisory lock runs on
 * MIGRATION_DATABASE_URL, which must reach PostgreSQL directly (lib/core/env.ts requires it with
 * DATABASE_POOLER=transaction).
 */
const allowed: { file: string; rule: string; reason: string }[] = [
  { file: 'db/client.ts', rule: 'session advisory lock (use pg_advisory_xact_lock)', reason: 'migrations, on the direct owner connection' },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel === path.join('db', 'migrations')) continue; // run by the migrator, on the direct connection
      out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Comment lines are prose ("set the tenant"): only code is scanned. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((l) => l.replace(/(^|\s)\/\/.*$/, '$1'))
    .join('\n');
}

function findings(file: string, text: string): { file: string; rule: string; line: number }[] {
  const src = code(text);
  const hits: { file: string; rule: string; line: number }[] = [];
  for (const { name, re } of rules) {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const m of src.matchAll(global)) hits.push({ file, rule: name, line: src.slice(0, m.index).split('\n').length });
  }
  return hits;
}

describe('the request path keeps no session state (PgBouncer transaction mode)', () => {
  it('finds none in app/, lib/ and db/ beyond the declared exceptions', () => {
    const files = ['app', 'lib', 'db'].flatMap((d) => sourceFiles(d));
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) => findings(f, fs.readFileSync(path.join(root, f), 'utf8')));
    const unexpected = hits.filter((h) => !allowed.some((a) => a.file === h.file && a.rule === h.rule));
    expect(unexpected.map((h) => `${h.file}:${h.line} ${h.rule}`)).toEqual([]);
    // Each exception is still needed (a stale one would hide a new use in that file).
    for (const a of allowed) expect(hits.some((h) => h.file === a.file && h.rule === a.rule), `${a.file}: ${a.reason}`).toBe(true);
  });

  it('recognises each kind of session state (the scan can fail)', () => {
    const bad = [
      "await tx.execute(sql`set role jejak_app`)",
      "await sql.unsafe('SET search_path = public')",
      "await tx.execute(sql`set statement_timeout to 5000`)",
      "sql`select set_config('app.tenant_id', ${id}, false)`",
      "sql`select pg_advisory_lock(1)`",
      "sql`select pg_try_advisory_lock(1)`",
      "await client.listen('reviews', fn)",
      "sql`LISTEN reviews`",
      "sql`create temp table t (x int)`",
      "sql`declare c no scroll cursor with hold for select 1`",
      "sql`prepare transaction 'x'`",
      'const conn = await client.reserve()',
    ];
    for (const line of bad) expect(findings('x.ts', line), line).not.toEqual([]);
    const fine = [
      'await tx.execute(sql`set local role jejak_app`)',
      "sql`select set_config('app.tenant_id', ${id}, true)`",
      'sql`select pg_advisory_xact_lock(1)`',
      '// set the tenant for the transaction',
      'const settings = new Set(values)',
      "tx.update(tenants).set({ name: 'x' })",
    ];
    for (const line of fine) expect(findings('x.ts', line), line).toEqual([]);
  });
});

describe('DATABASE_POOLER', () => {
  const problems = (source: Record<string, string>) => {
    const r = parseEnv({ NODE_ENV: 'development', ...source });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('defaults to none and accepts transaction', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).data?.DATABASE_POOLER).toBe('none');
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_POOLER: '' }).data?.DATABASE_POOLER).toBe('none');
    expect(problems({ DATABASE_POOLER: 'session' })[0]).toMatch(/^DATABASE_POOLER: /);
  });

  it('behind a transaction pooler needs a direct URL for migrations and the admin door', () => {
    const pooled = { DATABASE_POOLER: 'transaction', DATABASE_URL: 'postgres://web:pw@pgbouncer:6432/jejak' };
    expect(problems(pooled)).toEqual([
      'MIGRATION_DATABASE_URL: is required with DATABASE_POOLER=transaction: a direct PostgreSQL URL for migrations (a session advisory lock) and the admin door',
    ]);
    expect(problems({ ...pooled, MIGRATION_DATABASE_URL: 'postgres://owner:pw@db:5432/jejak' })).toEqual([]);
  });
});
