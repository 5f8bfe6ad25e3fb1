/**
 * Serves the production build for the Playwright run: a fresh embedded database, migrated and
 * seeded, then the production server (scripts/server.ts). Started by playwright.config.ts (after `npm run build`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.PGLITE_DIR ?? '.data/e2e/pglite';
fs.rmSync(path.dirname(path.resolve(dir)), { recursive: true, force: true });

const prep = spawnSync('npx', ['tsx', 'scripts/prepare.ts'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
if (prep.status !== 0) process.exit(prep.status ?? 1);

// The production server of `npm start` (scripts/server.ts), not bare `next start`.
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], { stdio: 'inherit', env: { ...process.env, PORT: process.env.PORT ?? '3100', HOST: '127.0.0.1' } });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
