// npm run db:migrate — applies pending drizzle-kit migrations to the configured database (as the
// role in MIGRATION_DATABASE_URL when set, which also creates DATABASE_URL's login role if missing).
import './load-env';
import { openConnection } from '@/db/client';

// Migrating serves no request: a role that can bypass row-level security is reported, not refused.
const { kind, close } = await openConnection({ roleCheck: 'warn' }); // opening migrates
await close();
console.log(`migrations applied (${kind})`);
