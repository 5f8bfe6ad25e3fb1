/**
 * A business's data for its owner (issue 12, item 5; UU PDP portability): one zip, streamed, with
 * `jejak-export.json` (every table's rows of the business, in one file), `csv/<table>.csv` (the
 * same rows, a file per table, for a spreadsheet) and `manifest.json` (what is in it). This is a
 * download made at the owner's request and recorded with the reason the admin typed, not a way to
 * browse a business in the console (item 8): jejak_admin cannot read reviews, personas or journeys
 * itself; `jejak_export_rows` (migration 0017) hands them out only inside the door's unit of work
 * that recorded this export (`business.exported`), and leaves secrets out (hashes of tokens, codes
 * and passwords; members' accounts without their password hash).
 *
 * Which tables: every table holding rows of a business, read from the catalog
 * (`jejak_tenant_tables()`), so a table added later is exported without a change here, plus `users`
 * (the members' accounts).
 *
 * Memory stays flat whatever the size of the business: rows are read a page at a time by primary
 * key (keyset, the same on PGlite and postgres.js, neither driver's own cursor), a page is read only
 * when the zip asks for more (the zip library pulls through Node stream backpressure, and the HTTP
 * response pulls the zip), and nothing but the current page is held. The whole download is one
 * transaction of the door (READ COMMITTED: each page sees what was committed when it is read); on
 * PGlite, which has one connection, the app waits for it.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import yazl from 'yazl';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { NotFoundError } from '../core/errors';
import { neutraliseFormula } from '../reviews/export';
import { withAdmin, type AdminActor, type AdminDb } from './door';
import { typedReason } from './suspension';

/** The export form: the business and the reason typed (its own field name: the page has other reason fields). */
export const exportInput = z.object({ tenantId: z.uuid('validation.invalid'), exportReason: typedReason });
export type ExportInput = z.output<typeof exportInput>;

/** Rows per page read from the database. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportTable {
  name: string;
  columns: string[];
}

/** The tables of a business's export, in name order: the catalog's business tables, and `users`. */
export async function exportTables(db: AdminDb): Promise<ExportTable[]> {
  const rows = await queryRows<{ table_name: string; columns: string[] | string }>(db.tx, sql`select table_name, columns from jejak_tenant_tables()`);
  const tables = rows.map((r) => ({ name: r.table_name, columns: Array.isArray(r.columns) ? r.columns : parsePgArray(r.columns) }));
  tables.push({ name: 'users', columns: ['id', 'email', 'name', 'locale', 'created_at'] });
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

/** `{a,b}` as a driver may hand a text[] over (names of columns: no quotes or commas inside). */
function parsePgArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
}

/** A business's rows of one table, a page at a time, in primary-key order. */
export async function* tablePages(db: AdminDb, tenantId: string, table: string, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<Record<string, unknown>[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const rows: { row_data: Record<string, unknown> | string; next: unknown[] | string }[] = await queryRows(
      db.tx,
      sql`select row_data, to_jsonb(next) as next
          from jejak_export_rows(${tenantId}::uuid, ${table}, (select array_agg(x) from jsonb_array_elements_text(${after ? JSON.stringify(after) : null}::jsonb) x), ${pageSize}::int)`,
    );
    if (!rows.length) return;
    yield rows.map((r) => (typeof r.row_data === 'string' ? (JSON.parse(r.row_data) as Record<string, unknown>) : r.row_data));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!.next;
    after = typeof last === 'string' ? (JSON.parse(last) as unknown[]) : last;
  }
}

/** One CSV cell: empty for null, JSON for objects, text neutralised against spreadsheet formulas. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return neutraliseFormula(JSON.stringify(v));
  return neutraliseFormula(String(v));
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The file name of a business's export: its name in plain letters, and the day (WIB). */
export function exportFileName(name: string, now = new Date()): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'usaha';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `jejak-${slug}-${day}.zip`;
}

/**
 * Writes the export of `tenantId` into a new zip, its entries pulled from the database as the zip is
 * read. Returns the zip's output stream and, once it has been read to the end, the rows per table.
 */
export function businessZip(db: AdminDb, tenantId: string, business: { name: string }, tables: ExportTable[], pageSize = EXPORT_PAGE_SIZE): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  const counts: Record<string, number> = {};

  async function* json(): AsyncGenerator<Buffer> {
    yield utf8(`{"format":"jejak-export","version":1,"exported_at":${JSON.stringify(mtime.toISOString())},"tenant_id":${JSON.stringify(tenantId)},"tables":{`);
    let firstTable = true;
    for (const t of tables) {
      yield utf8(`${firstTable ? '' : ','}\n${JSON.stringify(t.name)}:[`);
      firstTable = false;
      let n = 0;
      for await (const page of tablePages(db, tenantId, t.name, pageSize)) {
        yield utf8(page.map((r, i) => `${n + i === 0 ? '' : ','}\n${JSON.stringify(r)}`).join(''));
        n += page.length;
      }
      counts[t.name] = n;
      yield utf8(']');
    }
    yield utf8('\n}}\n');
  }

  async function* csv(t: ExportTable): AsyncGenerator<Buffer> {
    // A BOM so that Excel reads UTF-8; the header even when there are no rows.
    yield utf8(`\uFEFF${stringify([t.columns])}`);
    for await (const page of tablePages(db, tenantId, t.name, pageSize)) {
      yield utf8(stringify(page.map((r) => t.columns.map((c) => cell(r[c])))));
    }
  }

  async function* manifest(): AsyncGenerator<Buffer> {
    yield utf8(
      `${JSON.stringify(
        {
          format: 'jejak-export',
          version: 1,
          exported_at: mtime.toISOString(),
          tenant_id: tenantId,
          business_name: business.name,
          files: ['jejak-export.json', ...tables.map((t) => `csv/${t.name}.csv`)],
          rows: counts,
        },
        null,
        2,
      )}\n`,
    );
  }

  const entry = (gen: AsyncGenerator<Buffer>) => Readable.from(gen, { objectMode: false });
  zip.addReadStream(entry(json()), 'jejak-export.json', { mtime });
  for (const t of tables) zip.addReadStream(entry(csv(t)), `csv/${t.name}.csv`, { mtime });
  // Read last, when the JSON pass has counted the rows.
  zip.addReadStream(entry(manifest()), 'manifest.json', { mtime });
  zip.end();
  return zip;
}

/** The business's name, or NotFound. */
async function businessName(db: AdminDb, tenantId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db.tx, sql`select name from tenants where id = ${tenantId}`);
  if (!row) throw new NotFoundError('tenant');
  return row.name;
}

export interface OpenedExport {
  fileName: string;
  /** The zip, as Node stream: read it to the end (or destroy it) so that the door's transaction ends. */
  stream: Readable;
  /** Settles once the transaction has ended (committed: the export is on the record). */
  finished: Promise<void>;
}

/**
 * Opens the export of a business through the admin door: the audit entry (`business.exported`, with
 * the reason typed) and every read of the export are one transaction, which stays open while the
 * zip is read and ends when it has been read to the end or abandoned (the entry commits either way:
 * data left). Rejects before anything is sent (NotFound for an unknown business, a short reason…).
 */
export function openBusinessExport(actor: AdminActor, input: ExportInput, pageSize = EXPORT_PAGE_SIZE): Promise<OpenedExport> {
  return new Promise<OpenedExport>((resolve, reject) => {
    let opened = false;
    const finished = withAdmin(actor, { action: 'business.exported', reason: { typed: input.exportReason }, tenantId: input.tenantId }, async (db) => {
      const name = await businessName(db, input.tenantId);
      const tables = await exportTables(db);
      const zip = businessZip(db, input.tenantId, { name }, tables, pageSize);
      const out = zip.outputStream as Readable;
      const ended = new Promise<void>((done) => {
        out.once('end', () => done());
        out.once('close', () => done());
        out.once('error', () => done());
      });
      // A failed read (the database gone mid-way) ends the download as a broken one, not the process.
      zip.on('error', (err: Error) => out.destroy(err));
      opened = true;
      resolve({ fileName: exportFileName(name), stream: out, finished: finished.then(
          () => undefined,
          () => undefined,
        ),
      });
      await ended;
    });
    finished.catch((err: unknown) => {
      if (!opened) reject(err);
      else console.error('[admin export]', err);
    });
  });
}
