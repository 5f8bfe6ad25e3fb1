// npm run db:seed — puts the demo data in place (idempotent; see db/seed.ts).
import './load-env';
import { closeConnection } from '@/db/client';
import { seed } from '@/db/seed';

try {
  await seed();
  console.log('seed: demo data is in place');
} finally {
  await closeConnection();
}
