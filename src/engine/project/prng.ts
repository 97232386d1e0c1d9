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
