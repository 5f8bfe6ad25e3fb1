// The scale-out step of `npm test` (and `npm run test:scale`): two production servers behind nginx
// through PgBouncer (tests/scale/scale-out.spec.ts). It needs nginx and pgbouncer (installed by
// scripts/ensure-scale-tools.mjs when root with apt), PostgreSQL at TEST_DATABASE_URL or
// 127.0.0.1:5432, and the production build the e2e step just made (NEXT_DIST_DIR or .next): it
// never builds. With CI=true anything missing fails the run; elsewhere the step is skipped with one
// line saying why. Playwright writes its JSON report to test-results/scale-report.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ci = process.env.CI === 'true';
const out = process.env.E2E_OUT ?? 'test-results';
fs.rmSync(path.join(out, 'scale-report.json'), { force: true });

function missing() {
  const tools = spawnSync(process.execPath, ['scripts/ensure-scale-tools.mjs', '--quiet'], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (tools.status !== 0) return tools.stderr.trim().split('\n').pop();
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(dist, 'BUILD_ID'))) return `no production build in ${dist} (the e2e step makes it; or run \`npm run build\`)`;
  const admin = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(admin);
  const pg = spawnSync('pg_isready', ['-h', u.hostname, '-p', u.port || '5432', '-q'], { stdio: 'ignore' });
  if (pg.error || pg.status !== 0) return `no PostgreSQL server answers at ${u.hostname}:${u.port || '5432'}`;
  return null;
}

const why = missing();
if (why) {
  if (ci) {
    console.error(`scale-out: CI=true and ${why}`);
    process.exit(1);
  }
  console.log(`scale-out: skipped — ${why}`);
  process.exit(0);
}

const r = spawnSync('npx', ['playwright', 'test', '-c', 'tests/scale/playwright.config.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
