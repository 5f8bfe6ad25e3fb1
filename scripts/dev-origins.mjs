// @ts-check
/**
 * `npm run dev` (next dev) opened at any address of this machine (issue 11, item 5), for
 * next.config.js's `allowedDevOrigins`; unit-tested (tests/unit/dev-origins.test.ts).
 *
 * Next 16's dev server answers its own scripts, styles and hot-reload socket (/_next/*) only to
 * pages opened at `localhost`: opened at http://127.0.0.1:3000 the page never came alive. These are
 * the other names of this machine: the loopback addresses and its own network addresses (a phone
 * on the same Wi-Fi opens the dev server at the laptop's LAN address). A page of another site the
 * browser visits still gets nothing. (Redirects on any port: lib/core/env.ts, authEnvDefaults.)
 */
import os from 'node:os';

/**
 * Hosts, besides localhost (always allowed), the dev server's resources answer to.
 * @param {ReturnType<typeof os.networkInterfaces>} interfaces
 * @returns {string[]}
 */
export function devAllowedOrigins(interfaces = os.networkInterfaces()) {
  const hosts = new Set(['127.0.0.1', '[::1]']);
  for (const list of Object.values(interfaces)) {
    for (const address of list ?? []) {
      if (address.family === 'IPv4') hosts.add(address.address);
      // The browser writes an IPv6 host in brackets; link-local ones (fe80::…%eth0) carry a zone
      // that no address bar uses.
      else if (address.family === 'IPv6' && !address.address.includes('%') && !/^fe80:/i.test(address.address)) hosts.add(`[${address.address}]`);
    }
  }
  return [...hosts];
}

