/**
 * Housekeeping: `npm run maintenance` (scripts/maintenance.ts) deletes what has aged out of the
 * tables that otherwise grow forever. Run it from cron or a scheduler, every 15 minutes, on any
 * instance, even on several at once (README, Scripts):
 *
 * - `rate_limit_events` older than the longest window in lib/rate-limit/limits.ts (plus a little
 *   slack for clocks): no limit counts them any more.
 * - `form_submissions` (duplicate-submit ids) older than a week: a retry after a week is no double
 *   tap. A tenant table under forced row-level security: reached through one narrow SECURITY
 *   DEFINER function (migration 0009 says why not through the owner URL).
 * - `user_sessions` expired or revoked more than a day ago: a cookie whose row is gone is refused
 *   exactly as a revoked or expired one (lib/auth/sessions.ts), so the row has no more to say.
 *
 * Safe to run concurrently and repeatedly: each batch is one short transaction that deletes at
 * most `batchSize` rows, chosen with FOR UPDATE SKIP LOCKED, so two runs share the work instead
 * of waiting on each other's rows (or on a request's), and a second run finds nothing left to do.
 * Runs as the app's login role (withPlatform), so a cron host needs DATABASE_URL only.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { rateLimitEvents, userSessions } from '@/db/schema';
import { withPlatform } from '@/lib/core/tenancy';
import { limits } from '@/lib/rate-limit/limits';

/** Rows per delete: small enough for short locks, big enough to keep up in one run. */
export const DEFAULT_BATCH_SIZE = 5000;
/** A run stops after this many batches per table (the next run carries on), so it always ends. */
export const MAX_BATCHES_PER_TABLE = 200;
/** Duplicate-submit ids are kept this long. The number lives in migration 0009; a test checks both agree. */
export const FORM_SUBMISSION_RETENTION_DAYS = 7;
/** Sessions stay this long after they expire or are revoked. */
export const SESSION_GRACE_HOURS = 24;
/**
 * Rate-limit events carry the app server's clock, the cut-off the maintenance host's: a margin
 * keeps a small difference between the two from dropping an event a window still counts.
 */
export const RATE_LIMIT_SLACK_MS = 10 * 60 * 1000;

/** The longest window of any limit: an older event is counted by none. */
export function longestLimitWindowMs(): number {
  return Math.max(...Object.values(limits).map((l) => l.windowMs));
}

export interface MaintenanceOptions {
  batchSize?: number;
  /** The clock for the rate-limit cut-off (tests); the others use the database's. */
  now?: Date;
  /** Where progress lines go (the script prints them). */
  log?: (line: string) => void;
}

export interface TableReport {
  table: string;
  removed: number;
  /** True when the run stopped at MAX_BATCHES_PER_TABLE with rows still to go. */
  more: boolean;
}

interface Task {
  table: string;
  /** What ages out, for the log line. */
  rule: string;
  /** Deletes at most `limit` aged rows in one transaction; returns how many went. */
  batch: (limit: number) => Promise<number>;
}

async function deleteCount(query: SQL): Promise<number> {
  const [row] = await withPlatform((tx) => queryRows<{ n: number }>(tx, query));
  return Number(row?.n ?? 0);
}

function tasks(now: Date): Task[] {
  const rateCutoff = new Date(now.getTime() - longestLimitWindowMs() - RATE_LIMIT_SLACK_MS);
  return [
    {
      table: 'rate_limit_events',
      rule: `older than ${rateCutoff.toISOString()} (the longest limit window plus ${RATE_LIMIT_SLACK_MS / 60_000} min)`,
      batch: (limit) =>
        deleteCount(sql`
          with doomed as (
            select ${rateLimitEvents.id} from ${rateLimitEvents}
            where ${rateLimitEvents.at} < ${rateCutoff.toISOString()}::timestamptz
            limit ${limit} for update skip locked
          ), gone as (
            delete from ${rateLimitEvents} using doomed where ${rateLimitEvents.id} = doomed.id returning 1
          )
          select count(*)::integer as n from gone`),
    },
    {
      table: 'form_submissions',
      rule: `older than ${FORM_SUBMISSION_RETENTION_DAYS} days`,
      batch: (limit) => deleteCount(sql`select jejak_prune_form_submissions(${limit}::integer) as n`),
    },
    {
      table: 'user_sessions',
      rule: `expired or revoked more than ${SESSION_GRACE_HOURS} h ago`,
      batch: (limit) =>
        deleteCount(sql`
          with doomed as (
            select ${userSessions.id} from ${userSessions}
            where ${userSessions.expiresAt} < now() - make_interval(hours => ${SESSION_GRACE_HOURS}::integer)
               or ${userSessions.revokedAt} < now() - make_interval(hours => ${SESSION_GRACE_HOURS}::integer)
            limit ${limit} for update skip locked
          ), gone as (
            delete from ${userSessions} using doomed where ${userSessions.id} = doomed.id returning 1
          )
          select count(*)::integer as n from gone`),
    },
  ];
}

/**
 * One maintenance run: every table in turn, batch after batch until a batch comes back short.
 * Throws on the first database error (the script then exits non-zero); what was deleted before it
 * stays deleted, and the next run simply carries on.
 */
export async function runMaintenance(opts: MaintenanceOptions = {}): Promise<TableReport[]> {
  const batchSize = Math.min(Math.max(Math.trunc(opts.batchSize ?? DEFAULT_BATCH_SIZE), 1), 10_000);
  const log = opts.log ?? (() => {});
  const report: TableReport[] = [];
  for (const task of tasks(opts.now ?? new Date())) {
    let removed = 0;
    let more = false;
    for (let i = 0; ; i++) {
      if (i === MAX_BATCHES_PER_TABLE) {
        more = true;
        break;
      }
      const n = await task.batch(batchSize);
      removed += n;
      // Short: nothing aged is left, or what is left is another run's batch at this moment.
      if (n < batchSize) break;
    }
    log(`maintenance: ${task.table}: removed ${removed} (${task.rule})${more ? '; more remain, the next run continues' : ''}`);
    report.push({ table: task.table, removed, more });
  }
  return report;
}
