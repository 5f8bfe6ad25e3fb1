// npm run db:seed — puts the demo data in place (idempotent; see lib/demo/seed.ts).
import './load-env';
import { closeConnection } from '@/db/client';
import { seed } from '@/lib/demo/seed';

try {
  await seed();
  console.log('seed: demo data is in place');
} finally {
  await closeConnection();
}
