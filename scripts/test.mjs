/**
 * `npm test`: every check, in order — lint, types, unit + integration (PGlite, and real PostgreSQL
 * when reachable; mandatory under CI=true), then Playwright in headless Chromium, then the scale-out
 * test (two servers behind nginx and PgBouncer; mandatory under CI=true, else skipped with one line
 * when its tools are missing). Stops at the
 * first failing step and ends with one line: "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
fs.mkdirSync('test-results', { recursive: true });

const steps = [
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['types', 'npx', ['tsc', '--noEmit']],
  ['unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['browser', 'node', ['scripts/ensure-chromium.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
  // Two production servers behind nginx through PgBouncer, on the build e2e just made (tests/scale/run.mjs).
  ['scale-out', 'node', ['tests/scale/run.mjs']],
];

let passed = 0;
let failed = 0;
const started = Date.now();

function count() {
  try {
    const v = JSON.parse(fs.readFileSync('test-results/vitest.json', 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
  } catch {
    /* step did not get that far */
  }
}

for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`◀ ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (name === 'unit + integration') count();
  if (name === 'e2e' || name === 'scale-out') {
    try {
      const e = JSON.parse(fs.readFileSync(`test-results/${name === 'e2e' ? 'e2e' : 'scale'}-report.json`, 'utf8'));
      passed += e.stats.expected + (e.stats.flaky ?? 0);
      failed += e.stats.unexpected;
    } catch {
      /* no report */
    }
  }
  if (r.status !== 0) {
    if (failed === 0) failed = 1; // a failing step without test counts (lint, types) still fails
    console.log(`\ntests: ${passed} passed, ${failed} failed`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
