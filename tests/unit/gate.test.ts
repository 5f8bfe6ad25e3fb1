import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestGate, retryAfterSeconds, type Refusal } from '@/lib/http/gate';

afterEach(() => vi.useRealTimers());

function harness(opts: { maxConcurrent: number; maxQueued: number; maxWaitMs: number }) {
  const gate = new RequestGate(opts);
  const started: number[] = [];
  const refused: [number, Refusal][] = [];
  const withdraws: (() => void)[] = [];
  const enter = (n: number) => withdraws.push(gate.enter(() => started.push(n), (why) => refused.push([n, why])));
  return { gate, started, refused, enter, withdraws };
}

describe('request gate', () => {
  it('runs up to the limit at once, queues the next in order, refuses past the line', () => {
    const h = harness({ maxConcurrent: 2, maxQueued: 2, maxWaitMs: 1000 });
    for (let i = 1; i <= 5; i++) h.enter(i);
    expect(h.started).toEqual([1, 2]);
    expect(h.refused).toEqual([[5, 'full']]);
    expect(h.gate.stats).toMatchObject({ active: 2, queued: 2, refused: 1 });
    expect(h.gate.saturated).toBe(true);
    h.gate.leave();
    expect(h.started).toEqual([1, 2, 3]);
    h.gate.leave();
    h.gate.leave();
    h.gate.leave();
    expect(h.started).toEqual([1, 2, 3, 4]);
    expect(h.gate.stats).toMatchObject({ active: 0, queued: 0 });
  });

  it('refuses a request that waited too long, and forgets one whose client left', () => {
    vi.useFakeTimers();
    const h = harness({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 500 });
    h.enter(1);
    h.enter(2);
    h.enter(3);
    h.withdraws[2]!(); // the client of 3 went away
    vi.advanceTimersByTime(501);
    expect(h.refused).toEqual([[2, 'timeout']]);
    h.gate.leave();
    expect(h.started).toEqual([1]);
    expect(h.gate.stats).toMatchObject({ active: 0, queued: 0 });
  });

  it('asks refused clients to wait a few seconds, more when the line is long', () => {
    expect(retryAfterSeconds({ queued: 0, maxConcurrent: 64 })).toBe(2);
    expect(retryAfterSeconds({ queued: 512, maxConcurrent: 64 })).toBe(8);
    expect(retryAfterSeconds({ queued: 100_000, maxConcurrent: 1 })).toBe(30);
  });
});
