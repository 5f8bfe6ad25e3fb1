/**
 * `npm run dev` at any address and port (issue 11, item 5): Next's dev server answers its own
 * resources to pages opened at 127.0.0.1 (next.config.js allowedDevOrigins), and next-auth's
 * redirects stay on the address the browser used (lib/core/env.ts authEnvDefaults).
 *
 * Checked by hand too: `PORT=3311 npm run dev`, opened at http://127.0.0.1:3311, signs in and out
 * on that address (see the report of issue 11).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authOptions } from '@/lib/auth/options';
import { authEnvDefaults } from '@/lib/core/env';
import nextConfig from '@/next.config.js';
import { devAllowedOrigins } from '@/scripts/dev-origins.mjs';

describe('the dev server opened at another address of this machine', () => {
  it('answers its scripts to 127.0.0.1, ::1 and the LAN addresses (localhost is always allowed)', () => {
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(['127.0.0.1', '[::1]']));
    const hosts = devAllowedOrigins({
      lo: [
        { address: '127.0.0.1', family: 'IPv4', netmask: '255.0.0.0', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
        { address: '::1', family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
      ],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', netmask: '255.255.255.0', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.20/24' },
        { address: 'fe80::1c2b:3cff:fe4d:5e6f', family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff::', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fe80::1c2b:3cff:fe4d:5e6f/64', scopeid: 3 },
        { address: '2001:db8::20', family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff::', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '2001:db8::20/64', scopeid: 0 },
      ],
    });
    expect(hosts.sort()).toEqual(['127.0.0.1', '192.168.1.20', '[2001:db8::20]', '[::1]']);
  });
});

describe("next-auth's address", () => {
  it('comes from the request in development without NEXTAUTH_URL, never in production or when set', () => {
    expect(authEnvDefaults({})).toEqual({ AUTH_TRUST_HOST: 'true' });
    expect(authEnvDefaults({ NODE_ENV: 'development' })).toEqual({ AUTH_TRUST_HOST: 'true' });
    expect(authEnvDefaults({ NODE_ENV: 'development', NEXTAUTH_URL: 'http://localhost:3000' })).toEqual({});
    expect(authEnvDefaults({ NODE_ENV: 'development', AUTH_TRUST_HOST: 'false' })).toEqual({});
    expect(authEnvDefaults({ NODE_ENV: 'production' })).toEqual({});
    expect(authEnvDefaults({ NODE_ENV: 'test' })).toEqual({});
  });

  // next-auth's own request handler (the one behind /api/auth/*), with the app's options.
  const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
    AuthHandler: (p: { req: object; options: object }) => Promise<{ redirect?: string }>;
  };
  const secret = 'unit-test-secret-not-for-production-0000000';

  async function signOutAt(host: string) {
    const csrf = randomBytes(16).toString('hex');
    const cookie = `${csrf}|${createHash('sha256').update(`${csrf}${secret}`).digest('hex')}`;
    const res = await AuthHandler({
      req: {
        action: 'signout',
        method: 'POST',
        headers: { host, 'x-forwarded-proto': 'http' },
        cookies: { 'next-auth.csrf-token': cookie },
        body: { csrfToken: csrf, callbackUrl: '/sign-in', json: 'true' },
        query: {},
      },
      options: { ...authOptions, secret, logger: undefined },
    });
    return res.redirect;
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('keeps sign-out on the address and port the browser used (PORT=3100, 127.0.0.1)', async () => {
    vi.stubEnv('NEXTAUTH_URL', undefined);
    vi.stubEnv('AUTH_TRUST_HOST', undefined);
    // What next-auth does on its own: every redirect goes to port 3000.
    expect(await signOutAt('127.0.0.1:3100')).toBe('http://localhost:3000/sign-in');
    for (const [k, v] of Object.entries(authEnvDefaults({ NODE_ENV: 'development' }))) vi.stubEnv(k, v);
    expect(await signOutAt('127.0.0.1:3100')).toBe('http://127.0.0.1:3100/sign-in');
    expect(await signOutAt('localhost:3311')).toBe('http://localhost:3311/sign-in');
  });

  it('follows NEXTAUTH_URL when it is set', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://jejak.example.id');
    vi.stubEnv('AUTH_TRUST_HOST', undefined);
    expect(await signOutAt('evil.example')).toBe('https://jejak.example.id/sign-in');
  });
});
