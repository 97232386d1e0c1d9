/**
 * Nearest-rank quantiles of a sample (the ⌈qN⌉-th smallest value, Hyndman and Fan's definition
 * 1 without averaging), found by selection rather than sorting: the values are partly reordered
 * in place.
 */

/** The 0-based index of the nearest-rank q-quantile in a sorted sample of n values. */
export function nearestRank(n: number, q: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
}

/**
 * Moves the k-th smallest of a[lo..hi] to a[k], with no larger value before it and no smaller
 * one after it within lo..hi (Hoare's quickselect), and returns it.
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? 0;
}

/** The nearest-rank q-quantile of `a` (modified in place: partially reordered). */
export function quantileInPlace(a: Float64Array, q: number): number {
  return selectInPlace(a, nearestRank(a.length, q), 0, a.length - 1);
}

/**
 * The nearest-rank quantiles of the first n values of `a` for ascending `qs` (modified in place):
 * each rank is selected among the values above the previous one only.
 */
export function quantilesInPlace(a: Float64Array, n: number, qs: readonly number[]): number[] {
  const out: number[] = [];
  let lo = 0;
  let prev = -1;
  for (const q of qs) {
    const k = nearestRank(n, q);
    if (k < prev) throw new RangeError('quantiles must be asked for in ascending order');
    out.push(k === prev ? (a[k] ?? 0) : selectInPlace(a, k, lo, n - 1));
    lo = k + 1;
    prev = k;
  }
  return out;
}

/** Below this many values a quickselect is as quick as sampling first. */
const SAMPLED_FROM = 2048;
/** Half-width of a bracket in standard deviations of the sample rank. */
const BRACKET_SDS = 3;

/**
 * Nearest-rank quantiles of many samples of up to `capacity` values, with buffers kept between
 * calls. For a large sample of n values, about n^(2/3) of them taken at even steps bracket each
 * rank asked for (Floyd and Rivest's idea, 1975): one pass counts the values below each bracket
 * and copies those within it, and each rank is selected among its bracket's copies. When a rank
 * falls outside its bracket (rare; the values are then far from random order) it is selected
 * among all the values, so the answer is always exact. `a` is left as it was.
 */
export class QuantileSelector {
  private readonly sample: Float64Array;
  private readonly bands: readonly [Float64Array, Float64Array, Float64Array];

  constructor(capacity: number) {
    this.sample = new Float64Array(Math.ceil(capacity ** (2 / 3)));
    this.bands = [
      new Float64Array(capacity),
      new Float64Array(capacity),
      new Float64Array(capacity),
    ];
  }

  /**
   * The nearest-rank quantiles of a[0..n) (n at most the capacity) for one to three ascending
   * `qs`.
   */
  quantiles(a: Float64Array, n: number, qs: readonly number[]): number[] {
    const [band1, band2, band3] = this.bands;
    if (n > band1.length) throw new RangeError('more values than the capacity');
    if (qs.length < 1 || qs.length > 3) throw new RangeError('one to three quantiles');
    if (n < SAMPLED_FROM) {
      const c = band1.subarray(0, n);
      c.set(a.subarray(0, n));
      return quantilesInPlace(c, n, qs);
    }
    const ks = qs.map((q) => nearestRank(n, q));
    // the brackets from the sample: sample ranks around each rank's expected place
    const s = Math.min(this.sample.length, Math.ceil(n ** (2 / 3)));
    const sample = this.sample.subarray(0, s);
    for (let j = 0; j < s; j++) sample[j] = a[Math.floor((j * n) / s)] ?? 0;
    const at = ks.flatMap((k, j) => {
      const q = qs[j] ?? 0;
      const mid = ((k + 0.5) * s) / n - 0.5;
      const half = BRACKET_SDS * Math.sqrt(s * q * (1 - q)) + 2;
      return [Math.max(0, Math.floor(mid - half)), Math.min(s - 1, Math.ceil(mid + half))];
    });
    const ranks = [...new Set(at)].sort((x, y) => x - y);
    const values = quantileRanks(sample, ranks);
    const bound = (j: number, side: 0 | 1): number => {
      const r = at[2 * Math.min(j, ks.length - 1) + side] ?? 0;
      if (side === 0 && r === 0) return -Infinity;
      if (side === 1 && r === s - 1) return Infinity;
      return values[ranks.indexOf(r)] ?? 0;
    };
    const [b1, m1, b2, m2, b3, m3] = bracket(
      a,
      n,
      [bound(0, 0), bound(0, 1), bound(1, 0), bound(1, 1), bound(2, 0), bound(2, 1)],
      this.bands,
    );
    const found: [number, number, Float64Array][] = [
      [b1, m1, band1],
      [b2, m2, band2],
      [b3, m3, band3],
    ];
    return ks.map((k, j) => {
      const [below, m, band] = found[j] ?? [0, 0, band1];
      if (k >= below && k < below + m) return selectInPlace(band, k - below, 0, m - 1);
      band.set(a.subarray(0, n));
      return selectInPlace(band, k, 0, n - 1);
    });
  }
}

/**
 * One pass without branches on the values over a[0..n) and three brackets [lo, hi]: for each,
 * how many values are below it and how many within it (copied to its band).
 */
function bracket(
  a: Float64Array,
  n: number,
  [lo1, hi1, lo2, hi2, lo3, hi3]: readonly number[],
  [o1, o2, o3]: readonly [Float64Array, Float64Array, Float64Array],
): [number, number, number, number, number, number] {
  const l1 = lo1 ?? 0;
  const h1 = hi1 ?? 0;
  const l2 = lo2 ?? 0;
  const h2 = hi2 ?? 0;
  const l3 = lo3 ?? 0;
  const h3 = hi3 ?? 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let p = 0; p < n; p++) {
    const x = a[p] ?? 0;
    b1 += +(x < l1);
    b2 += +(x < l2);
    b3 += +(x < l3);
    o1[m1] = x;
    m1 += +(x >= l1) & +(x <= h1);
    o2[m2] = x;
    m2 += +(x >= l2) & +(x <= h2);
    o3[m3] = x;
    m3 += +(x >= l3) & +(x <= h3);
  }
  return [b1, m1, b2, m2, b3, m3];
}

/** The values of the given ascending 0-based ranks of `a` (modified in place). */
function quantileRanks(a: Float64Array, ranks: readonly number[]): number[] {
  let lo = 0;
  return ranks.map((k) => {
    const v = selectInPlace(a, k, lo, a.length - 1);
    lo = k + 1;
    return v;
  });
}
