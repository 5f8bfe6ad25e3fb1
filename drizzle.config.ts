import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by the app (db/migrate.ts), never `push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
