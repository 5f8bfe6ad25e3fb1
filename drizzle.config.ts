import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by the app (db/client.ts, on first open), never `push`.
// The schema is one file per domain under db/schema/, re-exported by its index.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
