/**
 * Runs before the app starts (npm run dev / npm start): makes a local NEXTAUTH_SECRET on first
 * run, applies migrations, and seeds the demo data into an empty development database. It opens
 * and closes the database before the server does, never beside it (PGlite allows one process).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import './load-env';

const production = process.argv.includes('--production');

if (!process.env.NEXTAUTH_SECRET && !production) {
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.appendFileSync('.env.local', `# Generated on first run by scripts/prepare.ts; keep it private.\nNEXTAUTH_SECRET=${secret}\n`);
  process.env.NEXTAUTH_SECRET = secret;
  console.log('prepare: wrote a new NEXTAUTH_SECRET to .env.local');
}

const { closeConnection, getConnection } = await import('@/db/client');
const { countUsers, seed } = await import('@/lib/demo/seed');

try {
  const conn = await getConnection();
  console.log(`prepare: database ready (${conn.kind}), migrations applied`);
  if (!production && (await countUsers()) === 0) {
    await seed();
    console.log('prepare: demo data seeded (see README for the demo sign-ins)');
  }
} finally {
  await closeConnection();
}
