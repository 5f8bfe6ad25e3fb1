import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { takeHit, type Limit } from '@/lib/rate-limit/limiter';

describe('per-address limits', () => {
  it('count an IPv6 client by its /64, so hopping between its addresses gains nothing', async () => {
    const limit: Limit = { bucket: `test_${randomUUID().slice(0, 8)}`, max: 3, windowMs: 60_000, perAddress: true };
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    const results = [];
    for (let i = 1; i <= 4; i++) results.push((await takeHit(limit, `${prefix}:${i}::${i}`)).allowed);
    expect(results).toEqual([true, true, true, false]);
    // Another /64 is another client.
    expect((await takeHit(limit, '2001:db8:ffff:1::1')).allowed).toBe(true);
  });

  it('count IPv4 clients one address each', async () => {
    const limit: Limit = { bucket: `test_${randomUUID().slice(0, 8)}`, max: 1, windowMs: 60_000, perAddress: true };
    expect((await takeHit(limit, '203.0.113.1')).allowed).toBe(true);
    expect((await takeHit(limit, '203.0.113.2')).allowed).toBe(true);
    expect((await takeHit(limit, '203.0.113.1')).allowed).toBe(false);
  });
});
