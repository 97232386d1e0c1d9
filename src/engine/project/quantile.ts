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
export function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): number {
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
  /** Per bracket: the sample ranks of its ends, then its ends, then the counts of a pass. */
  private readonly ranks = new Int32Array(6);
  private readonly ends = new Float64Array(6);
  private readonly counts = new Int32Array(6);

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
    const { bands, ranks, ends, counts } = this;
    if (n > bands[0].length) throw new RangeError('more values than the capacity');
    if (qs.length < 1 || qs.length > 3) throw new RangeError('one to three quantiles');
    if (n < SAMPLED_FROM) {
      const c = bands[0].subarray(0, n);
      c.set(a.subarray(0, n));
      return quantilesInPlace(c, n, qs);
    }
    // the brackets from the sample: sample ranks around each rank's expected place (fewer than
    // three quantiles repeat the last)
    const s = Math.min(this.sample.length, Math.ceil(n ** (2 / 3)));
    const sample = this.sample.subarray(0, s);
    for (let j = 0; j < s; j++) sample[j] = a[Math.floor((j * n) / s)] ?? 0;
    for (let j = 0; j < 3; j++) {
      const q = qs[Math.min(j, qs.length - 1)] ?? 0;
      const mid = ((nearestRank(n, q) + 0.5) * s) / n - 0.5;
      const half = BRACKET_SDS * Math.sqrt(s * q * (1 - q)) + 2;
      ranks[2 * j] = Math.max(0, Math.floor(mid - half));
      ranks[2 * j + 1] = Math.min(s - 1, Math.ceil(mid + half));
    }
    // the six sample ranks are ascending but for overlapping brackets: select them in order
    const order = [0, 1, 2, 3, 4, 5].sort((x, y) => (ranks[x] ?? 0) - (ranks[y] ?? 0));
    let from = 0;
    for (const j of order) {
      const r = ranks[j] ?? 0;
      ends[j] = r < from ? (sample[r] ?? 0) : selectInPlace(sample, r, from, s - 1);
      from = Math.max(from, r + 1);
    }
    for (let j = 0; j < 3; j++) {
      if (ranks[2 * j] === 0) ends[2 * j] = -Infinity;
      if (ranks[2 * j + 1] === s - 1) ends[2 * j + 1] = Infinity;
    }
    bracket(a, n, ends, bands, counts);
    return qs.map((q, j) => {
      const k = nearestRank(n, q);
      const below = counts[2 * j] ?? 0;
      const m = counts[2 * j + 1] ?? 0;
      const band = bands[j as 0 | 1 | 2];
      if (k >= below && k < below + m) return selectInPlace(band, k - below, 0, m - 1);
      band.set(a.subarray(0, n));
      return selectInPlace(band, k, 0, n - 1);
    });
  }
}

/**
 * One pass without branches on the values over a[0..n) and three brackets [lo, hi]: for each,
 * how many values are below it and how many within it (copied to its band), into `counts`.
 */
function bracket(
  a: Float64Array,
  n: number,
  ends: Float64Array,
  [o1, o2, o3]: readonly [Float64Array, Float64Array, Float64Array],
  counts: Int32Array,
): void {
  const l1 = ends[0] ?? 0;
  const h1 = ends[1] ?? 0;
  const l2 = ends[2] ?? 0;
  const h2 = ends[3] ?? 0;
  const l3 = ends[4] ?? 0;
  const h3 = ends[5] ?? 0;
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
  counts[0] = b1;
  counts[1] = m1;
  counts[2] = b2;
  counts[3] = m2;
  counts[4] = b3;
  counts[5] = m3;
}
