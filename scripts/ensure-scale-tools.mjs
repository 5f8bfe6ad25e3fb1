// Makes sure the scale-out test's infrastructure is there: Debian's nginx (the load balancer) and
// pgbouncer (the pooler), installed when we are root with apt, like scripts/ensure-chromium.mjs.
// Exit 0 with both found; exit 1 with one line naming what to install otherwise.
// Used by tests/scale/run.mjs (the scale-out step of `npm test`); `--quiet` prints nothing on success.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const tools = [
  { name: 'nginx', pkg: 'nginx', paths: [process.env.NGINX_PATH, '/usr/sbin/nginx'] },
  { name: 'pgbouncer', pkg: 'pgbouncer', paths: [process.env.PGBOUNCER_PATH, '/usr/sbin/pgbouncer'] },
  // The test reads PgBouncer's admin console (SHOW STATS) with psql.
  { name: 'psql', pkg: 'postgresql-client', paths: ['/usr/bin/psql'] },
  // pgbouncer refuses to run as root: the test starts it as the `postgres` user through runuser.
  { name: 'runuser', pkg: 'util-linux', paths: ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'] },
];

const find = (t) => t.paths.find((p) => p && fs.existsSync(p));
const missing = () => tools.filter((t) => !find(t));

if (missing().length) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    const pkgs = [...new Set(missing().map((t) => t.pkg))].join(' ');
    console.log(`ensure-scale-tools: installing Debian ${pkgs} (apt-get install -y ${pkgs}) …`);
    // Debian's packages want to start their services; the scale test runs its own instances with
    // their own configs, so none is started here (policy-rc.d, where present, refuses anyway).
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${pkgs}`, { stdio: 'inherit' });
  }
}

const still = missing();
if (still.length) {
  const pkgs = [...new Set(still.map((t) => t.pkg))].join(' ');
  console.error(`${still.map((t) => t.name).join(' and ')} not found: install with \`sudo apt-get install -y ${pkgs}\``);
  process.exit(1);
}
if (!process.argv.includes('--quiet')) console.log(`ensure-scale-tools: using ${tools.map((t) => find(t)).join(', ')}`);
