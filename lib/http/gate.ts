/**
 * Load shedding in one place. The HTTP server (scripts/server.ts) lets at most `maxConcurrent`
 * requests work at once; the next ones wait in line, at most `maxQueued` of them and at most
 * `maxWaitMs` each. A request that finds the line full, or waits too long, is answered 503 with
 * Retry-After by the server itself, before it touches the app or the database. So a burst gives
 * slower answers, then clean 503s, never a pile of half-served requests timing out into 500s.
 */
export interface GateOptions {
  maxConcurrent: number;
  maxQueued: number;
  maxWaitMs: number;
}

export type Refusal = 'full' | 'timeout';

interface Waiter {
  start: () => void;
  refuse: (why: Refusal) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class RequestGate {
  private active = 0;
  private readonly line: Waiter[] = [];
  /** Requests refused since start (for health and the benchmark). */
  refused = 0;

  constructor(private readonly opts: GateOptions) {}

  get stats() {
    return { active: this.active, queued: this.line.length, refused: this.refused, ...this.opts };
  }

  /** True while new requests would have to wait or be refused: readiness says "busy". */
  get saturated(): boolean {
    return this.line.length >= this.opts.maxQueued || (this.line.length > 0 && this.opts.maxQueued === 0);
  }

  /**
   * Runs `start` now or once a place frees; `start` must arrange for `leave()` to be called once
   * when its request ends. Calls `refuse` instead if the line is full or the wait runs out.
   * Returns a function that withdraws a waiting request (its client went away).
   */
  enter(start: () => void, refuse: (why: Refusal) => void): () => void {
    if (this.active < this.opts.maxConcurrent && this.line.length === 0) {
      this.active++;
      start();
      return () => {};
    }
    if (this.line.length >= this.opts.maxQueued) {
      this.refused++;
      refuse('full');
      return () => {};
    }
    const waiter: Waiter = { start, refuse, timer: undefined };
    waiter.timer = setTimeout(() => {
      const i = this.line.indexOf(waiter);
      if (i >= 0) {
        this.line.splice(i, 1);
        this.refused++;
        refuse('timeout');
      }
    }, this.opts.maxWaitMs);
    this.line.push(waiter);
    return () => {
      const i = this.line.indexOf(waiter);
      if (i >= 0) {
        this.line.splice(i, 1);
        clearTimeout(waiter.timer);
      }
    };
  }

  /** A request that was started has ended: its place goes to the longest waiter. */
  leave(): void {
    const next = this.line.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start(); // the place passes on: `active` stays the same
    } else {
      this.active = Math.max(0, this.active - 1);
    }
  }
}

/** Seconds a refused client should wait before trying again: long enough for the line to drain. */
export function retryAfterSeconds(stats: { queued: number; maxConcurrent: number }): number {
  return Math.min(30, Math.max(2, Math.ceil(stats.queued / Math.max(1, stats.maxConcurrent))));
}

// The server and the app's health route run in one process: the gate is found through globalThis.
const holder = globalThis as unknown as { __jejakGate?: RequestGate };

export function setProcessGate(gate: RequestGate): void {
  holder.__jejakGate = gate;
}

export function processGate(): RequestGate | undefined {
  return holder.__jejakGate;
}
