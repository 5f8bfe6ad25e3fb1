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
    /** Allow `npm run db:seed` when NODE_ENV=production. */
    ALLOW_SEED: z.enum(['0', '1']).default('0'),
  })
  .superRefine((v, ctx) => {
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
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || undefined,
    NEXTAUTH_URL: source.NEXTAUTH_URL || undefined,
    PGLITE_DIR: source.PGLITE_DIR || undefined,
  });
}

function load(): Env {
  const parsed = parseEnv(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env: Env = load();
