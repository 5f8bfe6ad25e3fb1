import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openConnection, queryRows, withOwnerDatabase } from '@/db/client';
import { env } from '@/lib/core/env';

const run = promisify(execFile);
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

async function appliedCount(db: Parameters<typeof queryRows>[0]) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row?.n;
}

describe('migrations', () => {
  // Their bookkeeping belongs to the owner role (the app's login role cannot read it).
  it('are all applied, once each, and applying them again changes nothing', async () => {
    expect(await withOwnerDatabase(appliedCount)).toBe(journal.entries.length);
    const again = await openConnection(); // migrates on open
    await again.close();
    expect(await withOwnerDatabase(appliedCount)).toBe(journal.entries.length);
  });
});

describe.skipIf(Boolean(env.DATABASE_URL))('embedded database folder', () => {
  it('survives a reopen with its data, and a second process cannot open it meanwhile', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-lock-')), 'nested', 'pglite');
    const first = await openConnection({ pgliteDir: dir });
    try {
      await first.db.execute(sql`create table kept (v int)`);
      await first.db.execute(sql`insert into kept values (42)`);
      const child = await run('npx', ['tsx', 'tests/support/open-db-probe.ts', dir], { cwd: process.cwd() }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
      expect(child.code).toBe(3);
      expect(child.stderr).toMatch(/in use by process \d+/);
    } finally {
      await first.close();
    }
    const reopened = await openConnection({ pgliteDir: dir });
    try {
      const rows = await queryRows<{ v: number }>(reopened.db, sql`select v from kept`);
      expect(rows).toEqual([{ v: 42 }]);
    } finally {
      await reopened.close();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-stale-')), 'pglite');
    fs.writeFileSync(`${dir}.lock`, '999999'); // no such pid
    const conn = await openConnection({ pgliteDir: dir });
    await conn.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
