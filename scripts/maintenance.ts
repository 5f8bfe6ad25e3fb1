// npm run maintenance — deletes what has aged out (rate-limit events, old duplicate-submit ids,
// ended sessions); see lib/maintenance/run.ts. Meant for cron or a scheduler, every 15 minutes,
// on any instance, several at once included. Prints what it removed; exits non-zero on failure.
import './load-env';
import { closeConnection } from '@/db/client';
import { runMaintenance } from '@/lib/maintenance/run';

try {
  await runMaintenance({ log: (line) => console.log(line) });
} catch (err) {
  console.error('maintenance failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await closeConnection().catch((err: unknown) => {
    console.error('maintenance: closing the database failed:', err);
    process.exitCode = 1;
  });
}
