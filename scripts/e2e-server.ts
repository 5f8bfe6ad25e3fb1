/**
 * Serves the production build for the Playwright run: a fresh embedded database, migrated and
 * seeded, then `next start`. Started by playwright.config.ts (after `npm run build`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.PGLITE_DIR ?? '.data/e2e/pglite';
fs.rmSync(path.dirname(path.resolve(dir)), { recursive: true, force: true });

const prep = spawnSync('npx', ['tsx', 'scripts/prepare.ts'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
if (prep.status !== 0) process.exit(prep.status ?? 1);

const server = spawn('npx', ['next', 'start', '-p', process.env.PORT ?? '3100', '-H', '127.0.0.1'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
