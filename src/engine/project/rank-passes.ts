/**
 * Exact nearest-rank quantiles (the ⌈qN⌉-th smallest value, as in `quantile.ts`) of many samples
 * whose values can be produced again, in the same order, pass after pass, in memory that does
 * not grow with the number of values. The first values (a random sample when the values are
 * independent draws) place fine buckets around each rank; each pass over all the values counts
 * them per bucket and narrows each rank to one bucket (its values, and how many are below it,
 * are then known), splitting that bucket evenly by value for the next pass; once a bucket holds
 * few enough values, a last pass keeps them and the rank is selected among them. Bucket counts
 * are exact, so the answer is exactly the single-pass one whatever the values; a bucket whose
 * values are all equal ends at once. Memory: per rank the buckets of a pass and, in its last
 * pass, the values kept.
 */
import { selectInPlace } from './quantile.js';

export interface PassTuning {
  /** How many of the first values place the first buckets. */
  readonly sample: number;
  /** A rank's bucket with at most this many values is kept whole in the next pass. */
  readonly keep: number;
  /** Edges of the even split of a bucket too large to keep. */
  readonly split: number;
}

/** Half-width of the first buckets' window, in standard deviations of the sample rank. */
const WINDOW_SDS = 4;

const NARROW = 0;
const KEEP = 1;
const DONE = 2;

/**
 * The selection of `ranks.length` ranks (0-based, among n values each): `place` each from the
 * first values, then passes (`beginPass`, `add` every value in order, `endPass`) until
 * `finished`.
 */
export class PassSelector {
  private readonly state: Uint8Array;
  /** Per rank: the values looked at are those in (lo, hi]; `below` of all are at most lo. */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly below: Float64Array;
  /** Per rank: how many values are in (lo, hi] (once a pass has counted them). */
  private readonly inside: Float64Array;
  /**
   * Per rank: the bucket edges of this pass (bucket i is (edge i − 1, edge i]), and per bucket
   * the count, least and greatest value of the values within (lo, hi].
   */
  private readonly edges: Float64Array[];
  private readonly counts: Float64Array[];
  private readonly least: Float64Array[];
  private readonly most: Float64Array[];
  /** Per rank kept whole this pass: its values so far. */
  private readonly kept: Float64Array[];
  private readonly filled: Float64Array;
  private readonly answer: Float64Array;

  constructor(
    private readonly n: number,
    private readonly ranks: ArrayLike<number>,
    private readonly tuning: PassTuning,
  ) {
    const t = ranks.length;
    this.state = new Uint8Array(t);
    this.lo = new Float64Array(t).fill(-Infinity);
    this.hi = new Float64Array(t).fill(Infinity);
    this.below = new Float64Array(t);
    this.inside = new Float64Array(t);
    this.edges = Array.from({ length: t }, () => new Float64Array(0));
    this.counts = Array.from({ length: t }, () => new Float64Array(1));
    this.least = Array.from({ length: t }, () => new Float64Array(1));
    this.most = Array.from({ length: t }, () => new Float64Array(1));
    this.kept = Array.from({ length: t }, () => new Float64Array(0));
    this.filled = new Float64Array(t);
    this.answer = new Float64Array(t);
  }

  /**
   * Places rank t's first buckets from `sorted`, the first min(n, sample) values sorted
   * ascending: about one bucket per sample value, even in value, between the sample values a
   * few standard deviations either side of where the rank is expected among them.
   */
  place(t: number, sorted: Float64Array): void {
    const m = sorted.length;
    const q = ((this.ranks[t] ?? 0) + 0.5) / this.n;
    const at = q * m - 0.5;
    const half = WINDOW_SDS * Math.sqrt(m * q * (1 - q)) + 2;
    const from = Math.max(0, Math.floor(at - half));
    const to = Math.min(m - 1, Math.ceil(at + half));
    const a = sorted[from] ?? 0;
    const b = sorted[to] ?? 0;
    // about as many buckets as sample values in the window, even in value (the values are
    // spread about evenly over so narrow a window)
    const e = evenEdges(a, b, Math.max(1, to - from));
    this.setEdges(t, b > a ? Float64Array.of(...e, b) : e);
  }

  private setEdges(t: number, e: Float64Array): void {
    this.edges[t] = e;
    this.counts[t] = new Float64Array(e.length + 1);
    this.least[t] = new Float64Array(e.length + 1);
    this.most[t] = new Float64Array(e.length + 1);
  }

  /** True once every rank's value is known. */
  get finished(): boolean {
    return this.state.every((s) => s === DONE);
  }

  /** True when the next pass is the last: every rank left is kept whole in it. */
  get lastPass(): boolean {
    return this.state.every((s) => s !== NARROW);
  }

  /** The most values one rank keeps in this pass (the memory that grows with the values). */
  get mostKept(): number {
    return this.kept.reduce((most, k) => Math.max(most, k.length - 1), 0);
  }

  /** Starts a pass over all the values. */
  beginPass(): void {
    for (let t = 0; t < this.state.length; t++) {
      if (this.state[t] === KEEP) this.kept[t] = new Float64Array((this.inside[t] ?? 0) + 1);
      this.filled[t] = 0;
      this.counts[t]?.fill(0);
      this.least[t]?.fill(Infinity);
      this.most[t]?.fill(-Infinity);
    }
  }

  /** Looks at the next m values for rank t (the values in the order of every pass). */
  add(t: number, v: Float64Array, m: number): void {
    const state = this.state[t];
    if (state === DONE) return;
    const lo = this.lo[t] ?? 0;
    const hi = this.hi[t] ?? 0;
    if (state === KEEP) {
      const kept = this.kept[t] ?? new Float64Array(0);
      let f = this.filled[t] ?? 0;
      // without branches on the values (they fall either side of the bucket at random): each is
      // written, and the next overwrites it unless it is within (lo, hi]; one slot to spare
      for (let p = 0; p < m; p++) {
        const x = v[p] ?? 0;
        kept[f] = x;
        f += +(x > lo) & +(x <= hi);
      }
      this.filled[t] = f;
      return;
    }
    const e = this.edges[t] ?? new Float64Array(0);
    const c = this.counts[t] ?? new Float64Array(1);
    const last = e.length - 1;
    const e0 = e[0] ?? 0;
    const eLast = e[last] ?? 0;
    const inv = last / (eLast - e0);
    const least = this.least[t] ?? new Float64Array(1);
    const most = this.most[t] ?? new Float64Array(1);
    if (lo === -Infinity && hi === Infinity) {
      whole(v, m, e, c, least, most);
      return;
    }
    // the first and last buckets (most values) apart, and without branches on where the values
    // fall (at random); the edges are within (lo, hi)
    let first = 0;
    let firstLeast = least[0] ?? 0;
    let firstMost = most[0] ?? 0;
    let after = 0;
    let afterLeast = least[last + 1] ?? 0;
    let afterMost = most[last + 1] ?? 0;
    for (let p = 0; p < m; p++) {
      const x = v[p] ?? 0;
      if ((+(x > lo) & +(x <= hi)) === 0) continue;
      const f = +(x <= e0);
      const a = +(x > eLast);
      first += f;
      after += a;
      if ((f & +(x < firstLeast)) === 1) firstLeast = x;
      if ((f & +(x > firstMost)) === 1) firstMost = x;
      if ((a & +(x < afterLeast)) === 1) afterLeast = x;
      if ((a & +(x > afterMost)) === 1) afterMost = x;
      if ((f | a) === 0) {
        const l = bucketOf(x, e, last, e0, inv);
        c[l] = (c[l] ?? 0) + 1;
        if (x < (least[l] ?? 0)) least[l] = x;
        if (x > (most[l] ?? 0)) most[l] = x;
      }
    }
    c[0] = (c[0] ?? 0) + first;
    least[0] = firstLeast;
    most[0] = firstMost;
    c[last + 1] = (c[last + 1] ?? 0) + after;
    least[last + 1] = afterLeast;
    most[last + 1] = afterMost;
  }

  /** Ends a pass: each rank is selected among its kept values, or narrowed to one bucket. */
  endPass(): void {
    for (let t = 0; t < this.state.length; t++) {
      const rank = this.ranks[t] ?? 0;
      if (this.state[t] === KEEP) {
        const kept = this.kept[t] ?? new Float64Array(0);
        const count = this.inside[t] ?? 0;
        if (this.filled[t] !== count) throw new Error('the values changed between passes');
        this.answer[t] = selectInPlace(kept, rank - (this.below[t] ?? 0), 0, count - 1);
        this.kept[t] = new Float64Array(0);
        this.state[t] = DONE;
      } else if (this.state[t] === NARROW) {
        this.narrow(t, rank);
      }
    }
  }

  /** Rank t's value once `finished`. */
  value(t: number): number {
    return this.answer[t] ?? 0;
  }

  private narrow(t: number, rank: number): void {
    const e = this.edges[t] ?? new Float64Array(0);
    const c = this.counts[t] ?? new Float64Array(1);
    let below = this.below[t] ?? 0;
    let b = 0;
    for (; b < e.length; b++) {
      const k = c[b] ?? 0;
      if (rank < below + k) break;
      below += k;
    }
    const count = c[b] ?? 0;
    const from = this.least[t]?.[b] ?? 0;
    const to = this.most[t]?.[b] ?? 0;
    if (!(count > 0)) throw new Error('no value within the rank’s bucket');
    if (from === to) {
      // every value of the bucket is the same
      this.answer[t] = from;
      this.state[t] = DONE;
      return;
    }
    this.lo[t] = b === 0 ? (this.lo[t] ?? 0) : (e[b - 1] ?? 0);
    this.hi[t] = b === e.length ? (this.hi[t] ?? 0) : (e[b] ?? 0);
    this.below[t] = below;
    this.inside[t] = count;
    if (count <= this.tuning.keep) this.state[t] = KEEP;
    else if (from > to) {
      // the first or last bucket of the first pass, its span unknown: one edge at its end
      // puts it whole in one bucket of the next pass, which finds the span
      this.setEdges(t, Float64Array.of(b === 0 ? (e[0] ?? 0) : (e[e.length - 1] ?? 0)));
    } else this.setEdges(t, evenEdges(from, to, this.tuning.split));
  }
}

/**
 * `add` over all the values (the first pass), in fewer steps: the first and last buckets (most
 * values) only counted, their least and greatest left unknown (a bucket that needs them is
 * looked at again), the others searched for.
 */
function whole(
  v: Float64Array,
  m: number,
  e: Float64Array,
  c: Float64Array,
  least: Float64Array,
  most: Float64Array,
): void {
  const last = e.length - 1;
  const e0 = e[0] ?? 0;
  const eLast = e[last] ?? 0;
  const inv = last / (eLast - e0);
  let first = 0;
  let after = 0;
  for (let p = 0; p < m; p++) {
    const x = v[p] ?? 0;
    const f = +(x <= e0);
    const a = +(x > eLast);
    first += f;
    after += a;
    if ((f | a) === 0) {
      const l = bucketOf(x, e, last, e0, inv);
      c[l] = (c[l] ?? 0) + 1;
      if (x < (least[l] ?? 0)) least[l] = x;
      if (x > (most[l] ?? 0)) most[l] = x;
    }
  }
  c[0] = (c[0] ?? 0) + first;
  c[last + 1] = (c[last + 1] ?? 0) + after;
}

/**
 * k edges splitting [from, to] evenly, from + (to − from) × j / k for j = 0 … k − 1, strictly
 * ascending (fewer where rounding makes two equal), `from` the first: when from < to are both
 * values of a bucket, the least and the greatest fall in different buckets, so the next pass
 * holds fewer values. Edge j is found from a value by arithmetic (`bucketOf`).
 */
function evenEdges(from: number, to: number, k: number): Float64Array {
  const e = [from];
  const width = to - from;
  for (let j = 1; j < k; j++) {
    const f = j / k;
    const x = Number.isFinite(width) ? from + width * f : from * (1 - f) + to * f;
    if (x > (e[e.length - 1] ?? 0) && x < to) e.push(x);
  }
  return Float64Array.from(e);
}

/**
 * The bucket l (1 … last) of x, e[0] < x ≤ e[last]: the least l with x ≤ e[l], guessed from
 * edges about evenly spaced (`inv` = last / (e[last] − e[0])) and set right by comparing with
 * the edges themselves, so the answer does not hang on rounding.
 */
function bucketOf(x: number, e: Float64Array, last: number, e0: number, inv: number): number {
  let l = Math.ceil((x - e0) * inv);
  if (!(l >= 1)) l = 1;
  else if (l > last) l = last;
  while (l > 1 && x <= (e[l - 1] ?? 0)) l--;
  while (x > (e[l] ?? 0)) l++;
  return l;
}
