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
    if (v.NODE_ENV === 'production' && !v.NEXTAUTH_SECRET && process.env.NEXT_PHASE !== 'phase-production-build') {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' });
    }
  });

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse({
    ...process.env,
    // Empty strings in env files mean "not set".
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || undefined,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
    PGLITE_DIR: process.env.PGLITE_DIR || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}\nSee .env.example.`);
  }
  return parsed.data;
}

export const env: Env = load();
