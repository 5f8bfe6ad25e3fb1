/**
 * The dashboards' honest maths (issue 10): CSAT, NPS, average stars and measured emotion, each with
 * its sample size and a 95 % interval, the minimum-sample rule, and period-over-period changes that
 * are called a change only when the intervals say so. Pure: counts in, figures out (the same counts
 * come from raw reviews today and from rollup rows later). See docs/architecture.md, "Dashboards:
 * the maths".
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959964;

/** Below this many answers a rate is anecdote: shown as "too few reviews yet — about K more needed". */
export const MIN_SAMPLE = 10;

/** Reviews per star, index 0 = 1 star … index 4 = 5 stars. */
export type StarCounts = readonly [number, number, number, number, number];

/** NPS answers by group; `skipped` = reviews without an NPS answer (not asked or skipped). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  skipped: number;
}

/** A figure with its 95 % interval. `value`/`low`/`high` are null when there is no answer at all. */
export interface Estimate {
  /** The answers it rests on. */
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  /** n ≥ MIN_SAMPLE: the figure may be shown in bold. */
  enough: boolean;
  /** How many more answers reach MIN_SAMPLE (0 when enough). */
  moreNeeded: number;
}

export type Change = 'up' | 'down' | 'uncertain';

/** A change between two periods: the difference (current − previous) with its 95 % interval. */
export interface Comparison {
  direction: Change;
  difference: number | null;
  low: number | null;
  high: number | null;
}

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function estimate(n: number, value: number | null, low: number | null, high: number | null): Estimate {
  return { n, value, low, high, enough: n >= MIN_SAMPLE, moreNeeded: Math.max(0, MIN_SAMPLE - n) };
}

/** Wilson score interval of k successes in n trials, as proportions 0…1 (null for n = 0). */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: clip(centre - half, 0, 1), high: clip(centre + half, 0, 1) };
}

const total = (c: StarCounts) => c[0] + c[1] + c[2] + c[3] + c[4];

/** CSAT: % of reviews with 4 or 5 stars, Wilson 95 % interval, in % (0…100). */
export function csat(c: StarCounts): Estimate {
  const n = total(c);
  const k = c[3] + c[4];
  const w = wilson(k, n);
  if (!w) return estimate(0, null, null, null);
  return estimate(n, (100 * k) / n, 100 * w.low, 100 * w.high);
}

/**
 * NPS: % promoters − % detractors over the reviews that answered (skipped ones left out), with the
 * 95 % interval ±z·100·√((p + d − (p − d)²)/n), clipped to −100…100.
 */
export function nps(c: NpsCounts): Estimate & { skipped: number } {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return { ...estimate(0, null, null, null), skipped: c.skipped };
  const p = c.promoters / n;
  const d = c.detractors / n;
  const value = 100 * (p - d);
  const half = Z95 * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return { ...estimate(n, value, clip(value - half, -100, 100), clip(value + half, -100, 100)), skipped: c.skipped };
}

/** Student's t, two-sided 95 %, for 1…30 degrees of freedom. */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The t quantile for a two-sided 95 % interval (table to 30 df, then the Cornish–Fisher series). */
export function t95(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T95[Math.floor(df) - 1]!;
  const z = Z95;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Mean and its standard error from star counts (sample standard deviation, n − 1). */
function meanStars(c: StarCounts): { n: number; mean: number; se: number } | null {
  const n = total(c);
  if (n === 0) return null;
  let sum = 0;
  let sq = 0;
  c.forEach((k, i) => {
    sum += k * (i + 1);
    sq += k * (i + 1) ** 2;
  });
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sq - n * mean * mean) / (n - 1)) : 0;
  return { n, mean, se: Math.sqrt(variance / n) };
}

/**
 * Average stars (1…5) with the Student-t 95 % interval (mean ± t(n−1)·s/√n), clipped to 1…5. One
 * review has no interval (low/high null): nothing to say about spread from one answer.
 */
export function averageStars(c: StarCounts): Estimate {
  const m = meanStars(c);
  if (!m) return estimate(0, null, null, null);
  if (m.n < 2) return estimate(m.n, m.mean, null, null);
  const half = t95(m.n - 1) * m.se;
  return estimate(m.n, m.mean, clip(m.mean - half, 1, 5), clip(m.mean + half, 1, 5));
}

/** Measured emotion: stars mapped to the map's −2…+2 scale (stars − 3), averaged, same interval. */
export function measuredEmotion(c: StarCounts): Estimate {
  const a = averageStars(c);
  const shift = (v: number | null) => (v === null ? null : v - 3);
  return { ...a, value: shift(a.value), low: shift(a.low), high: shift(a.high) };
}

export interface Sentiment {
  n: number;
  /** Counts: positive 4–5 stars, neutral 3, negative 1–2. */
  positive: number;
  neutral: number;
  negative: number;
  /** The same as % of n (null when there is no review). */
  positiveShare: number | null;
  neutralShare: number | null;
  negativeShare: number | null;
}

export function sentiment(c: StarCounts): Sentiment {
  const n = total(c);
  const positive = c[3] + c[4];
  const neutral = c[2];
  const negative = c[0] + c[1];
  const share = (k: number) => (n === 0 ? null : (100 * k) / n);
  return { n, positive, neutral, negative, positiveShare: share(positive), neutralShare: share(neutral), negativeShare: share(negative) };
}

function direction(low: number, high: number): Change {
  if (low > 0) return 'up';
  if (high < 0) return 'down';
  return 'uncertain';
}

const uncertain: Comparison = { direction: 'uncertain', difference: null, low: null, high: null };

/**
 * CSAT change (percentage points) by Newcombe's hybrid score interval for a difference of two
 * proportions (built from the two Wilson intervals). Either period below MIN_SAMPLE: uncertain.
 */
export function compareCsat(current: StarCounts, previous: StarCounts): Comparison {
  const a = csat(current);
  const b = csat(previous);
  if (!a.enough || !b.enough) return { ...uncertain, difference: a.value !== null && b.value !== null ? a.value - b.value : null };
  const [p1, l1, u1, p2, l2, u2] = [a.value!, a.low!, a.high!, b.value!, b.low!, b.high!];
  const diff = p1 - p2;
  const low = diff - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const high = diff + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { direction: direction(low, high), difference: diff, low, high };
}

/** NPS change (points): difference ± z·√(se₁² + se₂²) with each se from p + d − (p − d)². */
export function compareNps(current: NpsCounts, previous: NpsCounts): Comparison {
  const se = (c: NpsCounts) => {
    const n = c.promoters + c.passives + c.detractors;
    const p = c.promoters / n;
    const d = c.detractors / n;
    return { n, value: 100 * (p - d), se: 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) };
  };
  const a = se(current);
  const b = se(previous);
  if (a.n === 0 || b.n === 0) return uncertain;
  const diff = a.value - b.value;
  if (a.n < MIN_SAMPLE || b.n < MIN_SAMPLE) return { ...uncertain, difference: diff };
  const half = Z95 * Math.sqrt(a.se ** 2 + b.se ** 2);
  return { direction: direction(diff - half, diff + half), difference: diff, low: diff - half, high: diff + half };
}

/** Average-stars change: difference ± z·√(se₁² + se₂²) (Welch's normal approximation). */
export function compareAverageStars(current: StarCounts, previous: StarCounts): Comparison {
  const a = meanStars(current);
  const b = meanStars(previous);
  if (!a || !b) return uncertain;
  const diff = a.mean - b.mean;
  if (a.n < MIN_SAMPLE || b.n < MIN_SAMPLE) return { ...uncertain, difference: diff };
  const half = Z95 * Math.sqrt(a.se ** 2 + b.se ** 2);
  return { direction: direction(diff - half, diff + half), difference: diff, low: diff - half, high: diff + half };
}
