/**
 * An imported journey's name: the file's own, unless a journey of this business already carries
 * it (any status, case aside); then "<name> (impor)" / "<name> (imported)", and "(impor) 2", "3"…
 * if that is taken too. The suffix comes from the caller in the user's language.
 */
import { and, eq, sql } from 'drizzle-orm';
import { journeys } from '@/db/schema';
import type { TenantDb } from '../core/tenancy';
import { LIMITS } from './model';

const key = (name: string) => name.trim().toLocaleLowerCase('id');

/** The first of name, "name suffix", "name suffix 2"… not in `used` (lower-cased), within the name limit. */
export function freeImportName(name: string, suffix: string, used: ReadonlySet<string>): string {
  const base = name.trim();
  if (!used.has(key(base))) return base;
  for (let n = 1; ; n++) {
    const tail = n === 1 ? ` ${suffix}` : ` ${suffix} ${n}`;
    const candidate = `${base.slice(0, Math.max(1, LIMITS.name - tail.length)).trimEnd()}${tail}`;
    if (!used.has(key(candidate))) return candidate;
  }
}

/** `freeImportName` against the business's journeys, inside the import's transaction. */
export async function importName(db: TenantDb, name: string, suffix: string): Promise<string> {
  const base = key(name);
  const rows = await db.tx
    .select({ name: journeys.name })
    .from(journeys)
    // Only names that could clash: the file's name, with or without a suffix after it.
    .where(and(eq(journeys.tenantId, db.tenantId), sql`lower(${journeys.name}) like ${`${base.slice(0, 60).replace(/[\\%_]/g, '\\$&')}%`}`));
  return freeImportName(name, suffix, new Set(rows.map((r) => key(r.name))));
}
