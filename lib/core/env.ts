/**
 * The one place that reads process.env. Everything else imports `env` from here, so a missing or
 * malformed setting fails early with a clear message instead of deep inside a request.
 */
import { z } from 'zod';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** A real PostgreSQL server. Without it the app uses embedded PGlite under PGLITE_DIR. */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
    /** PGlite data folder; `memory://` keeps it in memory (tests). */
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.url().optional(),
    /**
     * The owner role that runs migrations (optional). When set, DATABASE_URL names the request
     * path's login role (no superuser, no ownership, no BYPASSRLS), created by the migration if
     * missing. When not set, DATABASE_URL serves both, as in development.
     */
    MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
    /** `1` lets a production server start although its database role can bypass row-level security. */
    ALLOW_RLS_BYPASS: z.enum(['0', '1']).default('0'),
    /** Connections in this process's pool (postgres.js `max`). */
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** Seconds to wait for a new database connection before giving up. */
    DB_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).max(120).default(10),
    /** Seconds an unused pooled connection stays open. */
    DB_IDLE_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * What stands between the app and PostgreSQL on DATABASE_URL: `none`, or `transaction` for a
     * pooler in transaction mode (PgBouncer `pool_mode = transaction`), where consecutive
     * transactions of one client connection may run on different server connections. Then no
     * prepared statements (postgres.js `prepare: false`: PgBouncer 1.18 cannot carry them across
     * server connections), and MIGRATION_DATABASE_URL is required and must reach PostgreSQL
     * directly: migrations hold a session advisory lock, and the admin door uses that URL too.
     * See docs/scaling.md.
     */
    DATABASE_POOLER: z.enum(['none', 'transaction']).default('none'),
    /**
     * Which X-Forwarded-For entries to believe: the number of reverse proxies in front of the app
     * (0 = none: the socket's address is the client). See lib/core/request.ts and the README.
     */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** Requests this server works on at once; more wait in line (see lib/server/shed.ts). */
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(64),
    /** Requests allowed to wait in line; past that, and past the wait, the answer is 503 with Retry-After. */
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(512),
    /** Milliseconds a request may wait in line before it is answered 503. */
    MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Allow `npm run db:seed` when NODE_ENV=production. */
    ALLOW_SEED: z.enum(['0', '1']).default('0'),
    /**
     * Tests only: `1` records every SQL statement and the code that built it (db/statement-capture.ts),
     * for the check that request-path queries name tenant_id. Set by vitest.config.ts.
     */
    DB_STATEMENT_CAPTURE: z.enum(['0', '1']).default('0'),
    /** Benchmarks only: `1` opens the bench's empty route handler (app/api/bench/empty); otherwise it answers 404. */
    BENCH_ROUTES: z.enum(['0', '1']).default('0'),
    /**
     * Sign-ups an address may try per hour (lib/rate-limit/limits.ts). 10 leaves room for a shop helping
     * its neighbours; raise it where many owners sign up from one address (an event, a shared network).
     */
    SIGN_UPS_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  })
  .superRefine((v, ctx) => {
    if (v.DATABASE_POOLER === 'transaction' && v.DATABASE_URL && !v.MIGRATION_DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'is required with DATABASE_POOLER=transaction: a direct PostgreSQL URL for migrations (a session advisory lock) and the admin door',
      });
    }
    if (v.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
    if (!v.NEXTAUTH_SECRET) ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' });
    if (!v.NEXTAUTH_URL) ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_URL'], message: 'is required in production (the public https:// address)' });
    else if (!isLocalOrHttps(v.NEXTAUTH_URL)) {
      // Session cookies are Secure exactly when the app is served over https (see lib/auth/options).
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_URL'], message: 'must be https:// in production (http only for localhost or 127.0.0.1)' });
    }
  });

function isLocalOrHttps(url: string): boolean {
  // A malformed URL is already reported by the field's own check: no second message for it.
  if (!URL.canParse(url)) return true;
  const u = new URL(url);
  return u.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

export type Env = z.infer<typeof schema>;

/** Validates an environment (process.env, or a test's own). */
export function parseEnv(source: Record<string, string | undefined>) {
  return schema.safeParse({
    ...source,
    // Empty strings in env files mean "not set".
    DATABASE_URL: source.DATABASE_URL || undefined,
    MIGRATION_DATABASE_URL: source.MIGRATION_DATABASE_URL || undefined,
    DB_POOL_MAX: source.DB_POOL_MAX || undefined,
    DB_CONNECT_TIMEOUT_S: source.DB_CONNECT_TIMEOUT_S || undefined,
    DB_IDLE_TIMEOUT_S: source.DB_IDLE_TIMEOUT_S || undefined,
    DATABASE_POOLER: source.DATABASE_POOLER || undefined,
    TRUSTED_PROXIES: source.TRUSTED_PROXIES || undefined,
    MAX_CONCURRENT_REQUESTS: source.MAX_CONCURRENT_REQUESTS || undefined,
    MAX_QUEUED_REQUESTS: source.MAX_QUEUED_REQUESTS || undefined,
    MAX_QUEUE_WAIT_MS: source.MAX_QUEUE_WAIT_MS || undefined,
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || undefined,
    NEXTAUTH_URL: source.NEXTAUTH_URL || undefined,
    PGLITE_DIR: source.PGLITE_DIR || undefined,
    DB_STATEMENT_CAPTURE: source.DB_STATEMENT_CAPTURE || undefined,
    BENCH_ROUTES: source.BENCH_ROUTES || undefined,
    SIGN_UPS_PER_ADDRESS_HOUR: source.SIGN_UPS_PER_ADDRESS_HOUR || undefined,
  });
}

/**
 * What next-auth reads from process.env itself, where the app knows better than its default.
 * Without NEXTAUTH_URL, next-auth v4 builds its redirects (after sign-out, for one) on
 * http://localhost:3000, whatever address and port the browser used: with `PORT=3100 npm run dev`,
 * or at http://127.0.0.1:3000, signing out left the app (issue 11, item 5). In development it takes
 * the address from the request instead (AUTH_TRUST_HOST), so it stays where the browser is. A
 * NEXTAUTH_URL that is set is the address, as in production, where it is required; production
 * never trusts the request's Host.
 */
export function authEnvDefaults(source: Record<string, string | undefined>): Record<string, string> {
  if ((source.NODE_ENV || 'development') !== 'development' || source.NEXTAUTH_URL || source.AUTH_TRUST_HOST) return {};
  return { AUTH_TRUST_HOST: 'true' };
}

function load(): Env {
  const parsed = parseEnv(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}\nSee .env.example.`);
  }
  // next-auth runs in this process and reads these at each request.
  Object.assign(process.env, authEnvDefaults(process.env));
  return parsed.data;
}

export const env: Env = load();
