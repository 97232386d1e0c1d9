/**
 * The two-step leveling that corrects a failed ADP or ACP test (IRC 401(k)(8)(B)-(C),
 * 401(m)(6)(B)-(C); Treas. Reg. 1.401(k)-2(b)(2), 1.401(m)-2(b)(2)). One routine serves both
 * tests:
 *
 * 1. Ratio leveling decides HOW MUCH is excess: the highest HCE ratio is reduced to the next
 *    highest, then both to the next, and so on, "or by less" when less is enough, until the
 *    HCE average is at most the limit. The result is the highest permitted ratio T; each HCE
 *    above T has `contributions − T × compensation` of excess, and their sum is the total.
 * 2. Dollar leveling decides WHO gets it: the total is taken from the HCE with the highest
 *    dollar amount down to the next highest, then from both equally, and so on, until it is
 *    used up.
 *
 * Both steps walk the values from the top down to the first group whose leveling reaches a
 * target (`levelTop`). Arrays are parallel and typed (one entry per HCE) so a census of a
 * million employees is corrected without per-employee objects, and the walk sorts no copy of
 * the values: it buckets them in one pass and sorts only the bucket where the walk stops, so
 * the what-if grid's hundred corrections cost a few passes each.
 */
import { averageBps } from './ratios.js';

/** The HCEs of one test, as parallel arrays. */
export interface LevelingInput {
  /** Contributions counted in the test, cents. */
  readonly amounts: ArrayLike<number>;
  /** Compensation for the test (capped at 401(a)(17)), cents, > 0. */
  readonly compensations: ArrayLike<number>;
  /** Each HCE's ratio in bps (as the test computed it from amounts and compensations). */
  readonly ratios: ArrayLike<number>;
  /** The highest passing HCE average, bps. */
  readonly limitBps: number;
  /** `spreadOf(ratios)`, when the caller has it already (one pass over the HCEs less). */
  readonly ratioSpread?: Spread;
}

export interface LevelingResult {
  /** The highest permitted ratio T in bps, or null when the HCE average already passes. */
  readonly permittedRatioBps: number | null;
  /** The HCE average after ratio leveling, bps (the average that passes). */
  readonly leveledAverageBps: number;
  /** Step 1: each HCE's dollars above T × compensation, cents. */
  readonly ratioExcess: Float64Array;
  /** Total excess (excess contributions or excess aggregate contributions), cents. */
  readonly totalExcess: number;
  /** Step 2: the amount taken from each HCE by dollar leveling, cents; adds up to the total. */
  readonly reductions: Float64Array;
}

/**
 * Where leveling the highest values down stops: walking the values from the highest, the first
 * group of the `count` highest (with `next` the value below them, 0 below the lowest) whose
 * reduction to `next` takes at least `need`, i.e. `topSum − count × next ≥ need`. Leveling to
 * anything between `next` and the lowest of the group takes `topSum − count × level`.
 */
export interface TopGroup {
  readonly count: number;
  readonly topSum: number;
  readonly next: number;
  /** The least of the `count` highest values (the group leveled), Infinity when `count` is 0. */
  readonly lowest: number;
}

/**
 * The least and greatest of some values, and their sum. A wider range than the values' own
 * (a lower least, a higher greatest) gives the same answers; the sum must be exact.
 */
export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly total: number;
}

export function spreadOf(values: ArrayLike<number>): Spread {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    total += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max, total };
}

/** Buckets for `levelTop`: enough that a bucket holds a few values of an even spread. */
const BUCKETS = 1024;
/** Up to this many distinct whole values (ratios in bps), `levelTop` counts each value. */
const HISTOGRAM = 1 << 16;

/**
 * The group where leveling the non-negative whole `values` down to take `need` (> 0) stops, or
 * null when even all of them down to 0 take less. Exactly what walking a sorted copy from the
 * top finds, without the sort: `S(v) = Σ max(0, x − v)` falls as `v` rises, and for a group of
 * the `count` highest with `next` below them the walk's cost is `S(next)`.
 *
 * Values within `HISTOGRAM` of each other (ratios in bps) are counted one bucket per value and
 * the walk goes down the counts. Others (dollars in cents) go into `BUCKETS` ranges of equal
 * width (count, sum, least and greatest value of each); the walk over the buckets from the top
 * finds the highest bucket whose least value `m` has `S(m) ≥ need`, and only that bucket's
 * values are sorted for the walk to go on through them.
 */
function levelTop(
  values: ArrayLike<number>,
  need: number,
  { min, max, total }: Spread = spreadOf(values),
): TopGroup | null {
  const n = values.length;
  if (n === 0 || total < need) return null;
  if (max - min < HISTOGRAM) return levelTopCounted(values, need, min, max - min + 1);
  const buckets = Math.min(BUCKETS, n);
  // monotone in x (a correctly rounded product by a positive constant), so the buckets hold
  // disjoint ranges in order: x is in bucket b exactly when lows[b] ≤ x ≤ highs[b]
  const scale = buckets / (max - min + 1);
  const counts = new Int32Array(buckets);
  const sums = new Float64Array(buckets);
  const lows = new Float64Array(buckets).fill(Infinity);
  const highs = new Float64Array(buckets).fill(-Infinity);
  fillBuckets(values, min, scale, counts, sums, lows, highs);
  let count = 0; // values in the buckets above b
  let topSum = 0;
  let lowest = Infinity; // the least of them
  for (let b = buckets - 1; b >= 0; b--) {
    const c = counts[b] ?? 0;
    if (c === 0) continue;
    const lo = lows[b] ?? 0;
    const s = sums[b] ?? 0;
    if (topSum + s - (count + c) * lo < need) {
      count += c;
      topSum += s;
      lowest = lo;
      continue;
    }
    const hi = highs[b] ?? 0;
    // the walk stops at the bucket's first value when all its values are equal
    if (topSum - count * hi >= need) return { count, topSum, next: hi, lowest };
    // else inside it: its values, highest first
    const inBucket = valuesWithin(values, lo, hi, new Float64Array(c)).sort();
    for (let q = c - 1; q >= 0; q--) {
      const next = inBucket[q] ?? 0;
      if (topSum - count * next >= need) return { count, topSum, next, lowest };
      count++;
      topSum += next;
      lowest = next;
    }
    /* c8 ignore next */
    throw new RangeError('leveling walk passed the bucket that stops it');
  }
  return { count: n, topSum: total, next: 0, lowest };
}

/*
 * The passes over every value are functions of their own: called once per leveling, each is
 * optimized with the feedback of its own loop (in one large function, code after a loop that
 * was compiled while running could stop the optimized code at every call).
 */

/** Counts, sums, least and greatest of the values in each bucket `floor((x − min) × scale)`. */
function fillBuckets(
  values: ArrayLike<number>,
  min: number,
  scale: number,
  counts: Int32Array,
  sums: Float64Array,
  lows: Float64Array,
  highs: Float64Array,
): void {
  const last = counts.length - 1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    const b = Math.min(last, Math.floor((x - min) * scale));
    counts[b] = (counts[b] ?? 0) + 1;
    sums[b] = (sums[b] ?? 0) + x;
    if (x < (lows[b] ?? 0)) lows[b] = x;
    if (x > (highs[b] ?? 0)) highs[b] = x;
  }
}

/** The values from `lo` to `hi` into `into` (sized for them), in input order. */
function valuesWithin(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  into: Float64Array,
): Float64Array {
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    if (x >= lo && x <= hi) into[j++] = x;
  }
  return into;
}

/**
 * Whole values kept counted and summed in buckets of whole width `width` from `min` (bucket
 * `floor((x − min) / width)`), for a caller that changes a few values between levelings.
 */
export interface RunningBuckets {
  readonly min: number;
  readonly width: number;
  readonly counts: Int32Array;
  readonly sums: Float64Array;
}

/** Buckets for whole values from `min` to `max`: as many as `levelTop` uses, all empty. */
export function runningBuckets(min: number, max: number, n: number): RunningBuckets {
  const buckets = Math.max(1, Math.min(BUCKETS, n));
  const width = Math.ceil((max - min + 1) / buckets);
  return { min, width, counts: new Int32Array(buckets), sums: new Float64Array(buckets) };
}

/** The bucket of whole value `x`. */
export function bucketOf(r: RunningBuckets, x: number): number {
  return Math.floor((x - r.min) / r.width);
}

/**
 * `levelTop` of whole `values`, every one counted in `r`, `total` their sum. The walk goes down
 * the buckets: a bucket whose least possible value (its lower bound) does not take `need` is
 * passed whole, as the walk would pass each of its values; else its values are sorted and walked
 * (and, when none stops it, the walk goes on below). `lowest` is NaN when the group's least
 * value is in a bucket passed whole.
 */
export function levelTopOfBuckets(
  values: ArrayLike<number>,
  need: number,
  r: RunningBuckets,
  total: number,
): TopGroup | null {
  if (values.length === 0 || total < need) return null;
  const { min, width, counts, sums } = r;
  let count = 0;
  let topSum = 0;
  let lowest = Infinity;
  for (let b = counts.length - 1; b >= 0; b--) {
    const c = counts[b] ?? 0;
    if (c === 0) continue;
    const lo = min + b * width;
    const s = sums[b] ?? 0;
    if (topSum + s - (count + c) * lo < need) {
      count += c;
      topSum += s;
      lowest = NaN;
      continue;
    }
    const inBucket = valuesWithin(values, lo, lo + width - 1, new Float64Array(c)).sort();
    for (let q = c - 1; q >= 0; q--) {
      const next = inBucket[q] ?? 0;
      if (topSum - count * next >= need) return { count, topSum, next, lowest };
      count++;
      topSum += next;
      lowest = next;
    }
  }
  return { count, topSum, next: 0, lowest };
}

/** `levelTop` over whole values from `min` to `min + width − 1`, one count per value. */
function levelTopCounted(
  values: ArrayLike<number>,
  need: number,
  min: number,
  width: number,
): TopGroup {
  const n = values.length;
  const counts = new Int32Array(width);
  for (let i = 0; i < n; i++) {
    const b = (values[i] ?? 0) - min;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return levelTopOfCounts(counts, min, need);
}

/**
 * `levelTop` of whole values given as counts: `counts[b]` of them equal `min + b` (a caller
 * that keeps the counts as the values change walks them without counting again).
 */
export function levelTopOfCounts(counts: Int32Array, min: number, need: number): TopGroup {
  let count = 0; // values above v
  let topSum = 0;
  let lowest = Infinity;
  for (let b = counts.length - 1; b >= 0; b--) {
    const c = counts[b] ?? 0;
    if (c === 0) continue;
    const v = min + b;
    if (topSum - count * v >= need) return { count, topSum, next: v, lowest };
    count += c;
    topSum += c * v;
    lowest = v;
  }
  return { count, topSum, next: 0, lowest };
}

/**
 * Step 1: the highest permitted ratio T (whole bps) such that the sum of min(ratio, T) over the
 * HCEs is at most `count × limit` — i.e. the leveled HCE average does not exceed the limit
 * before rounding (`spread`: the ratios' least, greatest and sum). Returns null when the ratios already pass.
 *
 * T is a whole number of hundredths of a percent because ratios are computed to that precision
 * (Reg. 1.401(m)-2(a)(2)(i)); taking the largest such T is the "lesser reduction" the regulation
 * asks for (Reg. 1.401(m)-2(b)(2)(ii)(B)). Worked check (case D-3): limit 5.00, ratios 10.00,
 * 4.00, 1.50 → T = 3 × 5.00 − 4.00 − 1.50 = 9.50.
 */
function permittedRatio(
  ratios: ArrayLike<number>,
  spread: Spread,
  limitBps: number,
): number | null {
  const n = ratios.length;
  if (n === 0) return null;
  const budget = n * limitBps;
  const total = spread.total;
  if (total <= budget) return null;
  // the top group leveled to T gives up total − budget: T = (topSum − (total − budget)) / count
  const g = levelTop(ratios, total - budget, spread);
  /* c8 ignore next */
  if (g === null) throw new RangeError('ratios below the budget leveled');
  return Math.floor((g.topSum - (total - budget)) / g.count);
}

/**
 * Step 2: takes `total` cents from the highest dollar amounts down (Reg. 1.401(m)-2(b)(2)(iii)).
 * When the cents of the last equal split do not divide evenly, the extra cent of reduction goes
 * to the HCEs earliest in the input order, so the result is deterministic. `into`, when given,
 * receives the reductions (and is returned), so a caller leveling many times reuses one array.
 */
export function levelDollars(
  amounts: ArrayLike<number>,
  total: number,
  into?: Float64Array,
  spread?: Spread,
): Float64Array {
  const n = amounts.length;
  const reductions = into ?? new Float64Array(n);
  if (total <= 0 || n === 0) return reductions.fill(0);
  const g = levelTop(amounts, total, spread);
  if (g === null) throw new RangeError('excess is larger than the contributions it is taken from');
  const { count: k, next } = g;
  // the top k (amount > next) come down to a level L with Σ(b − L) = total
  const remaining = g.topSum - total; // = k × L exactly, in cents, split into whole cents
  const low = Math.floor(remaining / k);
  const high = remaining - low * k; // this many HCEs keep one more cent
  let atLow = k - high; // the first (k − high) in input order take the extra cent
  for (let i = 0; i < n; i++) {
    const a = amounts[i] ?? 0;
    if (a > next) {
      const lvl = atLow > 0 ? low : low + 1;
      if (atLow > 0) atLow--;
      reductions[i] = a - lvl;
    } else {
      reductions[i] = 0;
    }
  }
  return reductions;
}

/**
 * Step 1's pass: fills each HCE's excess above the permitted ratio `t` into `ratioExcess` and
 * returns [the excess in all, the leveled ratios' sum, the least amount, the greatest, the
 * amounts' sum]. A function of its own, so that its loop, optimized while it runs, is not
 * followed by code without type feedback.
 */
function excessAbove(
  amounts: ArrayLike<number>,
  compensations: ArrayLike<number>,
  ratios: ArrayLike<number>,
  t: number,
  ratioExcess: Float64Array,
): Float64Array {
  const n = ratios.length;
  let total = 0;
  let leveledSum = 0;
  let min = Infinity;
  let max = -Infinity;
  let amountSum = 0;
  for (let i = 0; i < n; i++) {
    const r = ratios[i] ?? 0;
    const a = amounts[i] ?? 0;
    amountSum += a;
    if (a < min) min = a;
    if (a > max) max = a;
    if (r > t) {
      const permitted = Math.floor(((compensations[i] ?? 0) * t) / 10_000);
      const excess = a - permitted;
      ratioExcess[i] = excess;
      total += excess;
      leveledSum += t;
    } else {
      ratioExcess[i] = 0;
      leveledSum += r;
    }
  }
  return Float64Array.of(total, leveledSum, min, max, amountSum);
}

/** Arrays a caller leveling many times of the same HCEs lends `levelExcess` to fill. */
export interface LevelingBuffers {
  readonly ratioExcess: Float64Array;
  readonly reductions: Float64Array;
}

/**
 * The full correction: step 1 (ratio leveling) gives the total excess, step 2 (dollar leveling)
 * spreads it. A permitted amount `T × compensation` is rounded DOWN to the cent, so an HCE
 * corrected to T cannot round back above T. With `buffers` the result's arrays are those.
 */
export function levelExcess(input: LevelingInput, buffers?: LevelingBuffers): LevelingResult {
  const { amounts, compensations, ratios, limitBps } = input;
  const n = ratios.length;
  const ratioExcess = buffers?.ratioExcess ?? new Float64Array(n);
  const spread = input.ratioSpread ?? spreadOf(ratios);
  const sum = spread.total;
  const t = permittedRatio(ratios, spread, limitBps);
  if (t === null) {
    return {
      permittedRatioBps: null,
      leveledAverageBps: averageBps(sum, n),
      ratioExcess: ratioExcess.fill(0),
      totalExcess: 0,
      reductions: (buffers?.reductions ?? new Float64Array(n)).fill(0),
    };
  }
  const x = excessAbove(amounts, compensations, ratios, t, ratioExcess);
  const total = x[0] ?? 0;
  const leveledSum = x[1] ?? 0;
  const min = x[2] ?? 0; // the amounts' spread, for step 2
  const max = x[3] ?? 0;
  const amountSum = x[4] ?? 0;
  const reductions = levelDollars(amounts, total, buffers?.reductions, {
    min,
    max,
    total: amountSum,
  });
  return {
    permittedRatioBps: t,
    leveledAverageBps: averageBps(leveledSum, n),
    ratioExcess,
    totalExcess: total,
    reductions,
  };
}
