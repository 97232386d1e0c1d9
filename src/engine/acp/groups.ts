/**
 * The employees one ADP or ACP test counts, split into eligible HCEs and eligible NHCEs with
 * each one's ratio of counted contributions to compensation capped at 401(a)(17) (IRC
 * 401(k)(3), 401(m)(3); Treas. Reg. 1.401(k)-2(a)(2)-(3), 1.401(m)-2(a)(2)-(3)). Rows not
 * eligible, and rows the test leaves out (the otherwise excludable employees tested apart, IRC
 * 410(b)(4)(B)), are in neither group. Parallel typed arrays, in census order, so a million
 * employees are split without per-employee objects.
 */
import type { Amounts, Census } from './census.js';
import type { Spread } from './leveling.js';
import { contributionRatioBps } from './ratios.js';

/** Which rows a test counts, beyond the census's own `eligible` column. */
export interface TestRows {
  /** 1 for a row this test leaves out (it is tested apart, or disregarded); absent: none. */
  readonly leftOut?: Uint8Array;
}

/** One test's eligible HCEs and NHCEs. */
export interface SplitGroups {
  /** Census row of each eligible HCE. */
  readonly hceIndex: Int32Array;
  /** Counted contributions, cents. */
  readonly hceAmount: Float64Array;
  /** Compensation capped at 401(a)(17), cents (32-bit: the cap is far below 2^31 cents). */
  readonly hceComp: Int32Array;
  readonly hceRatio: Float64Array;
  readonly nhceIndex: Int32Array;
  readonly nhceAmount: Float64Array;
  readonly nhceComp: Int32Array;
  /** The NHCEs' ratios added up, bps (the average is taken from it). */
  readonly nhceRatioSum: number;
  /** The HCEs' ratios' least, greatest and sum, taken as they were split. */
  readonly hceRatioSpread: RatioSpread;
  /** Rows not eligible (and not left out). */
  readonly ineligibleCount: number;
  /** Rows left out of this test. */
  readonly leftOutCount: number;
}

/**
 * `spreadOf(ratios)` of the HCEs' ratios, taken in the split, with the array it describes: a copy
 * of the groups with other ratios (a what-if) is not read with it.
 */
export interface RatioSpread extends Spread {
  readonly of: Float64Array;
}

/** True when row `i` is in the test: eligible and not left out. */
export function inTest(census: Census, rows: TestRows, i: number): boolean {
  return census.eligible[i] === 1 && rows.leftOut?.[i] !== 1;
}

/** The arrays `splitGroups` fills, sized by `countRows`. */
type GroupArrays = Omit<
  SplitGroups,
  'nhceRatioSum' | 'hceRatioSpread' | 'ineligibleCount' | 'leftOutCount'
>;

/**
 * Counts the rows by where they go: [HCEs, NHCEs, not eligible, left out]. A function of its
 * own (as `fillGroups`), so that the optimized loop is not followed by code without type
 * feedback, which would throw the optimized code away on the first call.
 */
function countRows(
  eligible: Uint8Array,
  isHce: Uint8Array,
  leftOut: Uint8Array | null,
  n: number,
): Int32Array {
  let hn = 0;
  let nn = 0;
  let ineligible = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (leftOut !== null && leftOut[i] === 1) left++;
    else if (eligible[i] !== 1) ineligible++;
    else if (isHce[i] === 1) hn++;
    else nn++;
  }
  return Int32Array.of(hn, nn, ineligible, left);
}

/**
 * Fills the groups' arrays in census order, each row's counted amount the sum of its entries in
 * `a` … `e` (absent: none), and returns the NHCEs' ratio sum; `counts` receives [HCEs, NHCEs, not
 * eligible, left out], `hceSpread` the HCEs' least ratio, greatest and sum.
 */
function fillGroups(
  census: Census,
  isHce: Uint8Array,
  leftOut: Uint8Array | null,
  cap: number,
  g: GroupArrays,
  a: Amounts | undefined,
  b: Amounts | undefined,
  c: Amounts | undefined,
  d: Amounts | undefined,
  e: Amounts | undefined,
  counts: Int32Array,
  hceSpread: Float64Array,
): number {
  const { eligible, compensation } = census;
  const { hceIndex, hceAmount, hceComp, hceRatio, nhceIndex, nhceAmount, nhceComp } = g;
  const n = census.size;
  let h = 0;
  let k = 0;
  let ineligible = 0;
  let left = 0;
  let nhceRatioSum = 0;
  let hceMin = Infinity;
  let hceMax = -Infinity;
  let hceSum = 0;
  for (let i = 0; i < n; i++) {
    if (leftOut !== null && leftOut[i] === 1) {
      left++;
      continue;
    }
    if (eligible[i] !== 1) {
      ineligible++;
      continue;
    }
    const comp = Math.min(compensation[i] ?? 0, cap);
    const amount =
      (a === undefined ? 0 : (a[i] ?? 0)) +
      (b === undefined ? 0 : (b[i] ?? 0)) +
      (c === undefined ? 0 : (c[i] ?? 0)) +
      (d === undefined ? 0 : (d[i] ?? 0)) +
      (e === undefined ? 0 : (e[i] ?? 0));
    const r = contributionRatioBps(amount, comp);
    if (isHce[i] === 1) {
      hceIndex[h] = i;
      hceAmount[h] = amount;
      hceComp[h] = comp;
      hceRatio[h] = r;
      h++;
      hceSum += r;
      if (r < hceMin) hceMin = r;
      if (r > hceMax) hceMax = r;
    } else {
      nhceIndex[k] = i;
      nhceAmount[k] = amount;
      nhceComp[k] = comp;
      nhceRatioSum += r;
      k++;
    }
  }
  counts[0] = h;
  counts[1] = k;
  counts[2] = ineligible;
  counts[3] = left;
  hceSpread[0] = hceMin;
  hceSpread[1] = hceMax;
  hceSpread[2] = hceSum;
  return nhceRatioSum;
}

/** Empty group arrays of `hn` HCEs and `nn` NHCEs. */
function groupArrays(hn: number, nn: number): GroupArrays {
  return {
    hceIndex: new Int32Array(hn),
    hceAmount: new Float64Array(hn),
    hceComp: new Int32Array(hn),
    hceRatio: new Float64Array(hn),
    nhceIndex: new Int32Array(nn),
    nhceAmount: new Float64Array(nn),
    nhceComp: new Int32Array(nn),
  };
}

/** The first `hn` HCEs and `nn` NHCEs of `g` (views, no copy). */
function firstOf(g: GroupArrays, hn: number, nn: number): GroupArrays {
  return {
    hceIndex: g.hceIndex.subarray(0, hn),
    hceAmount: g.hceAmount.subarray(0, hn),
    hceComp: g.hceComp.subarray(0, hn),
    hceRatio: g.hceRatio.subarray(0, hn),
    nhceIndex: g.nhceIndex.subarray(0, nn),
    nhceAmount: g.nhceAmount.subarray(0, nn),
    nhceComp: g.nhceComp.subarray(0, nn),
  };
}

/**
 * Splits the census into the test's HCEs and NHCEs. Each row's contributions counted in this
 * test (cents) are the sum of its entries in `counted` (up to five arrays by census row; an empty
 * array, a column every row has at 0, adds nothing); `cap` is the 401(a)(17) limit. `hceCount`,
 * the number of rows `isHce` marks (when known), sizes the arrays without a counting pass: they
 * are filled at that size (the rows not in the test make them longer than needed) and cut.
 */
export function splitGroups(
  census: Census,
  isHce: Uint8Array,
  cap: number,
  counted: readonly Amounts[],
  rows: TestRows,
  hceCount?: number,
): SplitGroups {
  if (!(cap >= 0 && cap <= 0x7fff_ffff)) throw new RangeError('capped pay must fit 32 bits');
  const used = counted.filter((x) => x.length > 0);
  if (used.length > 5) throw new RangeError('at most five arrays of counted contributions');
  const [a, b, c, d, e] = used;
  const n = census.size;
  const leftOut = rows.leftOut ?? null;
  // [HCEs, NHCEs, not eligible, left out]
  const counts = new Int32Array(4);
  const spread = new Float64Array(3);
  let hn: number;
  let nn: number;
  if (hceCount !== undefined && hceCount >= 0 && hceCount <= n) {
    hn = hceCount;
    nn = n - hceCount;
  } else {
    const exact = countRows(census.eligible, isHce, leftOut, n);
    hn = exact[0] ?? 0;
    nn = exact[1] ?? 0;
  }
  let g = groupArrays(hn, nn);
  let nhceRatioSum = fillGroups(census, isHce, leftOut, cap, g, a, b, c, d, e, counts, spread);
  const h = counts[0] ?? 0;
  const k = counts[1] ?? 0;
  if (h > hn || k > nn) {
    // `hceCount` was not `isHce`'s count: some rows did not fit; split again at the exact sizes
    g = groupArrays(h, k);
    nhceRatioSum = fillGroups(census, isHce, leftOut, cap, g, a, b, c, d, e, counts, spread);
  } else if (h < hn || k < nn) g = firstOf(g, h, k);
  return {
    ...g,
    nhceRatioSum,
    hceRatioSpread: {
      min: spread[0] ?? 0,
      max: spread[1] ?? 0,
      total: spread[2] ?? 0,
      of: g.hceRatio,
    },
    ineligibleCount: counts[2] ?? 0,
    leftOutCount: counts[3] ?? 0,
  };
}
