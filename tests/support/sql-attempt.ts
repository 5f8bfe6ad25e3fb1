/** Running a statement that the database may refuse, and reading why (its SQLSTATE). */
import type { SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';

/** insufficient_privilege */
export const DENIED = '42501';

/** The SQLSTATE `query` fails with ('ok' if it does not), in a savepoint so the transaction goes on. */
export async function attempt(tx: Tx, query: SQL): Promise<string> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(query);
    });
    return 'ok';
  } catch (err) {
    for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    }
    throw err;
  }
}
