/**
 * The project's one seeded pseudo-random generator: xoshiro128** 1.1 (Blackman and Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c) with its 128-bit state filled by splitmix32
 * (a Weyl sequence with increment 0x9e3779b9 finished by MurmurHash3's fmix32), uniform floats
 * in [0, 1) and standard normals by the Box-Muller transform (both values of each pair used).
 * The same seed gives the same sequence on every platform; tests pin the exact 32-bit outputs.
 */
import { inputError } from '../errors.js';

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** Checks a seed (a whole number from 0 to MAX_SEED); throws an InputError naming `field`. */
function checkSeed(seed: number, field = 'seed'): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw inputError(
      field,
      `must be a whole number from 0 to ${String(MAX_SEED)}, got ${String(seed)}`,
    );
  }
  return seed;
}

/** 2^32, to turn a 32-bit output into a float in [0, 1). */
const TWO_32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32 from `seed`: each call returns the next unsigned 32-bit output. */
export function splitmix32(seed: number): () => number {
  let sm = checkSeed(seed) | 0;
  return () => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** from a given state (four unsigned 32-bit words, not all zero): each call returns
 * the next unsigned 32-bit output, as the reference `next()` does.
 */
export function xoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = state.map((w) => w | 0) as [number, number, number, number];
  if ((a | b | c | d) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
}

/** Unsigned 32-bit outputs of xoshiro128** whose state is the first four splitmix32 outputs of `seed`. */
export function uint32Generator(seed: number): () => number {
  const split = splitmix32(seed);
  const state: [number, number, number, number] = [split(), split(), split(), split()];
  // four consecutive splitmix32 outputs are never all zero (fmix32 is a bijection of distinct inputs)
  return xoshiro128ss(state);
}

/** Uniform floats in [0, 1) (each a 32-bit output divided by 2^32) from `seed`. */
export function uniformGenerator(seed: number): () => number {
  const u32 = uint32Generator(seed);
  return () => u32() / TWO_32;
}

export interface Normal {
  /** The next standard normal draw. */
  next(): number;
}

/** Standard normal draws from `seed` (Box-Muller on pairs of 32-bit outputs). */
export function normalGenerator(seed: number): Normal {
  const u32 = uint32Generator(seed);
  let spare = 0;
  let hasSpare = false;
  return {
    next(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1)
      const u1 = (u32() + 1) / TWO_32;
      const u2 = u32() / TWO_32;
      const r = Math.sqrt(-2 * Math.log(u1));
      const th = 2 * Math.PI * u2;
      spare = r * Math.sin(th);
      hasSpare = true;
      return r * Math.cos(th);
    },
  };
}

/**
 * The draws of `normalGenerator(seed)` cut into consecutive runs of `length` draws each (run r
 * holds draws r × length to r × length + length − 1), read a draw of every run at a time: the
 * Monte Carlo's paths advance a year together yet draw exactly what one generator read path
 * after path gives. The runs come in blocks of at most `capacity`: the constructor places the
 * first block, `nextRuns` the block after the last one placed. Each run keeps its own
 * xoshiro128** state and Box-Muller spare: 20 bytes a run of the block, whatever the length.
 */
export class NormalRuns {
  private readonly s0: Int32Array;
  private readonly s1: Int32Array;
  private readonly s2: Int32Array;
  private readonly s3: Int32Array;
  private readonly spare: Float64Array;
  private runs = 0;
  private t = 0;
  /** The generator walked to where the next run to place starts: its state, pairs behind it. */
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private pairs = 0;
  private placed = 0;
  /** The number of the block's first run. */
  private first = 0;

  constructor(
    seed: number,
    capacity: number,
    private readonly length: number,
  ) {
    this.s0 = new Int32Array(capacity);
    this.s1 = new Int32Array(capacity);
    this.s2 = new Int32Array(capacity);
    this.s3 = new Int32Array(capacity);
    this.spare = new Float64Array(capacity);
    const split = splitmix32(seed);
    this.a = split() | 0;
    this.b = split() | 0;
    this.c = split() | 0;
    this.d = split() | 0;
    this.nextRuns(capacity);
  }

  /** Places the next `runs` runs (at most the capacity) as the block that `next` reads. */
  nextRuns(runs: number): void {
    if (runs > this.s0.length) throw new RangeError('more runs than the capacity');
    const { length } = this;
    let { a, b, c, d, pairs } = this;
    for (let i = 0; i < runs; i++) {
      const first = (this.placed + i) * length;
      // the pair holding the run's first draw; an odd draw is the sine of a pair begun before
      const pair = Math.floor(first / 2);
      for (; pairs < pair; pairs++) {
        for (let s = 0; s < 2; s++) {
          const t = b << 9;
          c ^= a;
          d ^= b;
          b ^= c;
          a ^= d;
          c ^= t;
          d = rotl(d, 11);
        }
      }
      if (first % 2 === 1) {
        const r1 = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        const r2 = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        pairs++;
        const u1 = (r1 + 1) / TWO_32;
        const u2 = r2 / TWO_32;
        this.spare[i] = Math.sqrt(-2 * Math.log(u1)) * Math.sin(2 * Math.PI * u2);
      }
      this.s0[i] = a;
      this.s1[i] = b;
      this.s2[i] = c;
      this.s3[i] = d;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.pairs = pairs;
    this.first = this.placed;
    this.placed += runs;
    this.runs = runs;
    this.t = 0;
  }

  /** Writes the next draw of every run of the block to `out[0]` … (at most `length` calls a block). */
  next(out: Float64Array): void {
    const { s0, s1, s2, s3, spare, runs, length, first } = this;
    const t = this.t++;
    if (t >= length) throw new RangeError(`only ${String(length)} draws a run`);
    for (let r = 0; r < runs; r++) {
      if (((first + r) * length + t) % 2 === 1) {
        out[r] = spare[r] ?? 0;
        continue;
      }
      let a = s0[r] ?? 0;
      let b = s1[r] ?? 0;
      let c = s2[r] ?? 0;
      let d = s3[r] ?? 0;
      const r1 = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      let x = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= x;
      d = rotl(d, 11);
      const r2 = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      x = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= x;
      d = rotl(d, 11);
      s0[r] = a;
      s1[r] = b;
      s2[r] = c;
      s3[r] = d;
      // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1), as in normalGenerator
      const u1 = (r1 + 1) / TWO_32;
      const u2 = r2 / TWO_32;
      const rr = Math.sqrt(-2 * Math.log(u1));
      const th = 2 * Math.PI * u2;
      spare[r] = rr * Math.sin(th);
      out[r] = rr * Math.cos(th);
    }
  }
}
