/**
 * Tests only (DB_STATEMENT_CAPTURE=1, set by vitest.config.ts for the integration and actions
 * suites): records every SQL statement the app's connection runs, with the code that built it, so
 * tests/support/tenant-filter-check.ts can hold the request path to "every tenant-table query names
 * tenant_id" (issue 8, item 7). Off, it changes nothing: `statementLogging()` adds no logger and
 * `withStatementOrigins(db)` returns `db` itself.
 *
 * Drizzle's logger sees the SQL but not who asked: a query runs when it is awaited, from a
 * microtask with none of the caller's frames on the stack. So the database object (and each
 * transaction it hands out, and each query builder made from those) is wrapped in a Proxy that
 * takes the stack when the builder is made — synchronously, inside the calling function — and
 * lends it to the logger while the builder runs.
 */
import { entityKind, type Logger } from 'drizzle-orm';

export interface CapturedStatement {
  sql: string;
  /** The app frames that built it, innermost first (`lib/x.ts:12 fn`); empty when unknown. */
  frames: string[];
  count: number;
}

const holder = globalThis as unknown as { __jejakStatements?: Map<string, CapturedStatement> };
const store = () => (holder.__jejakStatements ??= new Map());

/** The statements recorded since the last call, and forget them. */
export function takeCapturedStatements(): CapturedStatement[] {
  const all = [...store().values()];
  store().clear();
  return all;
}

let current: string[] | undefined;

const root = process.cwd() + '/';
// Frames that are plumbing, not the code that decided on the query.
const plumbing = /node_modules|node:|\/db\/(client|statement-capture)\.ts/;

function callerFrames(): string[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const m = /at (?:async )?(?:(.+?) \()?(?:file:\/\/)?(\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!m || plumbing.test(line)) continue;
    const file = m[2]!.startsWith(root) ? m[2]!.slice(root.length) : m[2]!;
    frames.push(`${file}:${m[3]}${m[1] ? ` ${m[1]}` : ''}`);
    if (frames.length === 8) break;
  }
  return frames;
}

function record(sql: string) {
  const frames = current ?? [];
  const key = `${sql}\u0000${frames[0] ?? ''}`;
  const seen = store().get(key);
  if (seen) seen.count++;
  else store().set(key, { sql, frames, count: 1 });
}

function isBuilder(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || value instanceof Promise) return false;
  return typeof (value as { then?: unknown }).then === 'function' || entityKind in ((value as { constructor?: object }).constructor ?? {});
}

/**
 * Wraps a database or transaction (`origin` undefined: each call takes the caller's stack), or a
 * query builder (`origin` fixed: the stack of the call that made it).
 */
function wrap<T extends object>(target: T, origin?: string[]): T {
  const proxy: T = new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') {
        // tx.query.<table>.findMany(…): the holders on the way take the caller's stack like tx does.
        const holder = origin === undefined && typeof value === 'object' && value !== null && (prop === 'query' || entityKind in (value.constructor ?? {}));
        return holder ? wrap(value) : value;
      }
      return function (...args: unknown[]) {
        const frames = origin ?? callerFrames();
        if (prop === 'transaction' && typeof args[0] === 'function') {
          const work = args[0] as (tx: object) => unknown;
          args[0] = (tx: object) => work(wrap(tx));
        }
        const before = current;
        current = frames;
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
          if (result === t) return proxy; // chained builder methods return the builder itself
          return isBuilder(result) ? wrap(result, frames) : result;
        } finally {
          current = before;
        }
      };
    },
  });
  return proxy;
}

/** Drizzle options: the recording logger when capture is on, else nothing. */
export function statementLogging(on: boolean): { logger?: Logger } {
  return on ? { logger: { logQuery: (sql) => record(sql) } } : {};
}

/** The database as the app uses it, with query origins recorded when capture is on. */
export function withStatementOrigins<T extends object>(db: T, on: boolean): T {
  return on ? wrap(db) : db;
}
