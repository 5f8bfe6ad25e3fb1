// npm run db:migrate — applies pending drizzle-kit migrations to the configured database.
import './load-env';
import { closeConnection, getConnection } from '@/db/client';

const { kind } = await getConnection(); // opening migrates
await closeConnection();
console.log(`migrations applied (${kind})`);
