// Makes sure a Chromium is there for Playwright: Debian's package, installed when we are root with apt.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((p) => fs.existsSync(p));

if (!found()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('ensure-chromium: installing Debian chromium (apt-get install -y chromium) …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
}
const path = found();
if (!path) {
  console.error('Chromium not found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then run npm test again.');
  process.exit(1);
}
console.log(`ensure-chromium: using ${path}`);
