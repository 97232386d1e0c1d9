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
 * Arrays are parallel and typed (one entry per HCE) so a census of a million employees is
 * corrected without per-employee objects; each step sorts once.
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
 * Step 1: the highest permitted ratio T (whole bps) such that the sum of min(ratio, T) over the
 * HCEs is at most `count × limit` — i.e. the leveled HCE average does not exceed the limit
 * before rounding. Returns null when the ratios already pass.
 *
 * T is a whole number of hundredths of a percent because ratios are computed to that precision
 * (Reg. 1.401(m)-2(a)(2)(i)); taking the largest such T is the "lesser reduction" the regulation
 * asks for (Reg. 1.401(m)-2(b)(2)(ii)(B)). Worked check (case D-3): limit 5.00, ratios 10.00,
 * 4.00, 1.50 → T = 3 × 5.00 − 4.00 − 1.50 = 9.50.
 */
function permittedRatio(ratios: ArrayLike<number>, limitBps: number): number | null {
  const n = ratios.length;
  if (n === 0) return null;
  const budget = n * limitBps;
  let total = 0;
  for (let i = 0; i < n; i++) total += ratios[i] ?? 0;
  if (total <= budget) return null;
  const sorted = Float64Array.from(ratios).sort(); // ascending; walk from the top
  // suffix = sum of the ratios below the leveled group
  let suffix = total;
  for (let k = 1; k <= n; k++) {
    const top = sorted[n - k] ?? 0;
    suffix -= top;
    const next = k < n ? (sorted[n - k - 1] ?? 0) : 0;
    if (k * next + suffix <= budget) {
      return Math.floor((budget - suffix) / k);
    }
  }
  return 0; // unreachable: with k = n, next = 0 and suffix = 0 ≤ budget
}

/**
 * Step 2: takes `total` cents from the highest dollar amounts down (Reg. 1.401(m)-2(b)(2)(iii)).
 * When the cents of the last equal split do not divide evenly, the extra cent of reduction goes
 * to the HCEs earliest in the input order, so the result is deterministic.
 */
export function levelDollars(amounts: ArrayLike<number>, total: number): Float64Array {
  const n = amounts.length;
  const reductions = new Float64Array(n);
  if (total <= 0 || n === 0) return reductions;
  const sorted = Float64Array.from(amounts).sort();
  let topSum = 0;
  for (let k = 1; k <= n; k++) {
    const bk = sorted[n - k] ?? 0;
    topSum += bk;
    const next = k < n ? (sorted[n - k - 1] ?? 0) : 0;
    const cost = topSum - k * next;
    if (cost >= total) {
      // the top k (amount > next) come down to a level L with Σ(b − L) = total
      const remaining = topSum - total; // = k × L exactly, in cents, split into whole cents
      const low = Math.floor(remaining / k);
      const high = remaining - low * k; // this many HCEs keep one more cent
      let atLow = k - high; // the first (k − high) in input order take the extra cent
      for (let i = 0; i < n; i++) {
        const a = amounts[i] ?? 0;
        if (a > next) {
          const lvl = atLow > 0 ? low : low + 1;
          if (atLow > 0) atLow--;
          reductions[i] = a - lvl;
        }
      }
      return reductions;
    }
  }
  throw new RangeError('excess is larger than the contributions it is taken from');
}

/**
 * The full correction: step 1 (ratio leveling) gives the total excess, step 2 (dollar leveling)
 * spreads it. A permitted amount `T × compensation` is rounded DOWN to the cent, so an HCE
 * corrected to T cannot round back above T.
 */
export function levelExcess(input: LevelingInput): LevelingResult {
  const { amounts, compensations, ratios, limitBps } = input;
  const n = ratios.length;
  const ratioExcess = new Float64Array(n);
  const t = permittedRatio(ratios, limitBps);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ratios[i] ?? 0;
  if (t === null) {
    return {
      permittedRatioBps: null,
      leveledAverageBps: averageBps(sum, n),
      ratioExcess,
      totalExcess: 0,
      reductions: new Float64Array(n),
    };
  }
  let total = 0;
  let leveledSum = 0;
  for (let i = 0; i < n; i++) {
    const r = ratios[i] ?? 0;
    if (r > t) {
      const a = amounts[i] ?? 0;
      const permitted = Math.floor(((compensations[i] ?? 0) * t) / 10_000);
      const excess = a - permitted;
      ratioExcess[i] = excess;
      total += excess;
      leveledSum += t;
    } else {
      leveledSum += r;
    }
  }
  const reductions = levelDollars(amounts, total);
  return {
    permittedRatioBps: t,
    leveledAverageBps: averageBps(leveledSum, n),
    ratioExcess,
    totalExcess: total,
    reductions,
  };
}
