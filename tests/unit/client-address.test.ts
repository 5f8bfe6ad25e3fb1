import { describe, expect, it } from 'vitest';
import { ipFromForwardedFor } from '@/lib/core/request';

describe('client address from X-Forwarded-For (no trusted proxy)', () => {
  it('strips a port and brackets', () => {
    expect(ipFromForwardedFor('1.2.3.4:8080')).toBe('1.2.3.4');
    expect(ipFromForwardedFor('[::1]:443')).toBe('::1');
    expect(ipFromForwardedFor('[2001:DB8::7]')).toBe('2001:db8::7');
    expect(ipFromForwardedFor('::ffff:10.0.0.1')).toBe('10.0.0.1');
  });

  it('treats anything that is not an IP address as unknown', () => {
    for (const garbage of ['dead', 'beef:cafe', '<script>', '1.2.3.4:99999', '999.1.1.1', '[::1', '[::1]x', 'unknown', '1.2.3.4 5.6.7.8', '\u0000', '1'.repeat(200)]) {
      expect(ipFromForwardedFor(garbage), garbage).toBeNull();
    }
  });
});

import { addressLimitKey, clientAddressFrom, forwardedChain } from '@/lib/http/client-address';

describe('which hop to believe', () => {
  it('with no trusted proxy the server hands the app only the socket address', () => {
    expect(forwardedChain('6.6.6.6, 7.7.7.7', '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(forwardedChain(undefined, '::ffff:203.0.113.5', 0)).toBe('::ffff:203.0.113.5');
    // So a forged header never moves the client to another bucket.
    for (const forged of ['1.1.1.1', '2.2.2.2', 'dead']) {
      expect(clientAddressFrom(forwardedChain(forged, '203.0.113.5', 0), 0)).toBe('203.0.113.5');
    }
  });

  it('behind N trusted proxies, takes the address the outermost one saw', () => {
    // client → balancer (appends 198.51.100.20) → app; the socket peer is the balancer.
    const chain = forwardedChain('6.6.6.6, 198.51.100.20', '10.0.0.2', 1);
    expect(chain).toBe('6.6.6.6, 198.51.100.20, 10.0.0.2');
    expect(clientAddressFrom(chain, 1)).toBe('198.51.100.20');
    // Two hops: CDN → balancer → app.
    expect(clientAddressFrom('6.6.6.6, 198.51.100.20, 10.0.0.9, 10.0.0.2', 2)).toBe('198.51.100.20');
    // Fewer entries than trusted hops: a misconfiguration, the address is unknown.
    expect(clientAddressFrom('10.0.0.2', 1)).toBeNull();
    // A port the proxy wrote is stripped; garbage it passed on is unknown.
    expect(clientAddressFrom('198.51.100.20:51234, 10.0.0.2', 1)).toBe('198.51.100.20');
    expect(clientAddressFrom('dead, 10.0.0.2', 1)).toBeNull();
  });

  it('counts IPv6 clients by their /64, IPv4 by address', () => {
    expect(addressLimitKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressLimitKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressLimitKey('2001:db8:aa:bb:ffff::9')).toBe('2001:db8:aa:bb::/64');
    expect(addressLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressLimitKey('::1')).toBe('0:0:0:0::/64');
  });
});
