/**
 * Exporting a business's data (issue 12, item 5), on both databases: the zip, read back with an unzip
 * library, holds `jejak-export.json` (parses; every table), a CSV per table that holds business rows
 * (read from the catalog, plus users) that parses, and `manifest.json`; only that business's rows,
 * every one of them, and no secret (password or token hashes). It is written to the platform audit
 * log with the reason typed; the database hands rows out only in the unit of work that recorded the
 * export. Pages are read as the zip is read: the number of rows held at once is printed, not timed.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { withOwnerDatabase } from '@/db/client';
import { platformAudit } from '@/db/schema';
import { withAdmin } from '@/lib/admin/door';
import { exportFileName, exportTables, openBusinessExport, tablePages } from '@/lib/admin/export';
import { NotFoundError } from '@/lib/core/errors';
import { verifiedAdmin } from '../support/admin';
import { businessTables, fullBusiness, rowsOf } from '../support/full-business';
import { attempt, DENIED } from '../support/sql-attempt';

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Every entry of a zip, by name, as text. */
async function unzip(buf: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    out.set(entry.fileName, (await readAll(stream)).toString('utf8'));
  }
  return out;
}

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ''), { columns: true, relax_column_count: false }) as Record<string, string>[];

describe('exporting a business', () => {
  it("holds every table's rows of that business, and only them, as one JSON and a CSV per table", async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness(`Kedai "Ekspor", Jaya ${randomUUID().slice(0, 4)}`, { reviews: 7 });
    const other = await fullBusiness(undefined, { reviews: 2 });
    const counts = await rowsOf(b.id);

    // A small page so that every table of any size is read over several pages.
    const opened = await openBusinessExport(admin, { tenantId: b.id, exportReason: '  Permintaan pemilik (UU PDP)  ' }, 2);
    expect(opened.fileName).toMatch(/^jejak-kedai-ekspor-jaya-[0-9a-f]{4}-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzip(await readAll(opened.stream));
    await opened.finished;

    const tables = [...(await businessTables()), 'tenants', 'users'].sort();
    expect([...files.keys()].sort()).toEqual(['jejak-export.json', 'manifest.json', ...tables.map((t) => `csv/${t}.csv`)].sort());

    const doc = JSON.parse(files.get('jejak-export.json')!) as { tenant_id: string; tables: Record<string, Record<string, unknown>[]> };
    expect(doc.tenant_id).toBe(b.id);
    expect(Object.keys(doc.tables).sort()).toEqual(tables);
    for (const t of tables) {
      const rows = doc.tables[t]!;
      if (t === 'users') {
        expect(rows.map((r) => r.id).sort()).toEqual([b.owner.id, b.soleStaff.id, b.sharedStaff.id].sort());
        for (const r of rows) expect(Object.keys(r).sort()).toEqual(['created_at', 'email', 'id', 'locale', 'name']);
      } else {
        expect(rows.length, t).toBe(counts[t]);
        for (const r of rows) expect(t === 'tenants' ? r.id : r.tenant_id, t).toBe(b.id);
      }
      for (const r of rows) for (const k of Object.keys(r)) expect(k, `${t}.${k}`).not.toMatch(/_hash$|^secret$|password/);
      // The admins' own notes on the business (and who wrote them) are not the business's data.
      if (t === 'business_plans') {
        expect(rows.length).toBe(1);
        expect(Object.keys(rows[0]!)).not.toContain('notes');
        expect(Object.keys(rows[0]!)).not.toContain('updated_by');
      }
      const csv = csvRows(files.get(`csv/${t}.csv`)!);
      expect(csv.length, `csv/${t}.csv`).toBe(rows.length);
    }
    expect(JSON.stringify(doc)).not.toContain(other.id);
    for (const [name, text] of files) expect(text, name).not.toContain(other.id);

    // Reviews as typed, in the JSON; in the CSV quoted, and a formula neutralised.
    const comments = doc.tables.reviews!.map((r) => r.comment).sort();
    expect(comments).toContain('=HYPERLINK("x")');
    expect(comments).toContain('Ulasan 1, "enak"\nsekali');
    const csvComments = csvRows(files.get('csv/reviews.csv')!).map((r) => r.comment);
    expect(csvComments).toContain(`'=HYPERLINK("x")`);
    expect(csvComments).toContain('Ulasan 1, "enak"\nsekali');

    const manifest = JSON.parse(files.get('manifest.json')!) as { rows: Record<string, number>; business_name: string };
    expect(manifest.business_name).toBe(b.name);
    expect(manifest.rows.reviews).toBe(7);

    // On the record, with the reason typed.
    const entries = await withOwnerDatabase((db) => db.select().from(platformAudit).where(eq(platformAudit.targetTenantId, b.id)));
    expect(entries.map((e) => [e.action, e.reason])).toEqual([['business.exported', 'Permintaan pemilik (UU PDP)']]);
  });

  it('reads a page at a time, as the zip is read', async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness(undefined, { reviews: 30 });
    // The pages themselves: 30 reviews by 8 are 4 pages, none larger than 8.
    const pages = await withAdmin(admin, { action: 'business.exported', reason: { typed: 'Uji halaman ekspor' }, tenantId: b.id }, async (db) => {
      const sizes: number[] = [];
      for await (const page of tablePages(db, b.id, 'reviews', 8)) sizes.push(page.length);
      return sizes;
    });
    expect(pages).toEqual([8, 8, 8, 6]);
    const opened = await openBusinessExport(admin, { tenantId: b.id, exportReason: 'Uji unduhan bertahap' }, 8);
    let bytes = 0;
    for await (const c of opened.stream) bytes += (c as Buffer).length;
    await opened.finished;
    console.log(`[admin export] 30 reviews, page size 8: ${bytes} bytes zipped, at most 8 rows held per table page`);
  });

  it('refuses an unknown business, a short reason, and a read outside the recorded export', async () => {
    const admin = await verifiedAdmin();
    const b = await fullBusiness(undefined, { reviews: 1 });
    expect(await failure(openBusinessExport(admin, { tenantId: randomUUID(), exportReason: 'Permintaan pemilik' }))).toBeInstanceOf(NotFoundError);
    expect(await failure(openBusinessExport(admin, { tenantId: b.id, exportReason: 'abc' }))).toMatchObject({ key: 'validation.reason_short' });
    // Viewing the business is not exporting it: the database hands out no row then.
    const viewing = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: b.id }, async (db) => ({
      rows: await attempt(db.tx, sql`select * from jejak_export_rows(${b.id}::uuid, 'reviews', null, 10)`),
      // …and jejak_admin still cannot read a review's text itself.
      comment: await attempt(db.tx, sql`select comment from reviews where tenant_id = ${b.id}`),
      tables: (await exportTables(db)).length > 0,
    }));
    expect(viewing).toEqual({ rows: DENIED, comment: DENIED, tables: true });
  });

  it('names the file after the business, in plain letters', () => {
    expect(exportFileName('Kopi Sénja & Roti!', new Date('2026-03-01T20:00:00Z'))).toBe('jejak-kopi-senja-roti-2026-03-02.zip');
    expect(exportFileName('☕☕', new Date('2026-03-01T00:00:00Z'))).toBe('jejak-usaha-2026-03-01.zip');
  });
});
