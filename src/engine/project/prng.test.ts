import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  MAX_SEED,
  normalGenerator,
  splitmix32,
  uint32Generator,
  uniformGenerator,
  xoshiro128ss,
} from './prng.js';

const take = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

describe('xoshiro128** (Blackman and Vigna)', () => {
  it('gives the published reference outputs from the state {1, 2, 3, 4}', () => {
    // Published with the Rust port rand_xoshiro (Xoshiro128StarStar, test `reference`: "These
    // values were produced with the reference implementation (v1.1)",
    // https://prng.di.unimi.it/xoshiro128starstar.c); tests/growth/prng-reference.c, which is
    // that reference code, prints the same ten numbers.
    expect(take(xoshiro128ss([1, 2, 3, 4]), 10)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ]);
  });

  it('matches the reference C code from a state with high bits set', () => {
    // computed by tests/growth/prng-reference.c (the reference next() compiled with cc)
    expect(take(xoshiro128ss([0x9e3779b9, 0x243f6a88, 0xb7e15162, 1]), 6)).toEqual([
      2463954730, 5524658, 3863653826, 2452062841, 1929329008, 1763631513,
    ]);
  });

  it('refuses the all-zero state (the generator would only give zeros)', () => {
    expect(() => xoshiro128ss([0, 0, 0, 0])).toThrow(RangeError);
  });
});

describe('splitmix32 (seeding)', () => {
  // No canonical test vectors are published for the 32-bit SplitMix; these were computed by
  // tests/growth/prng-reference.c from the algorithm (Weyl sequence + 0x9e3779b9, then the
  // MurmurHash3 fmix32 finalizer), compiled with cc.
  it.each([
    [0, [2462723854, 1020716019, 454327756, 1275600319, 1215922603, 3678440605]],
    [1, [2527132011, 314344336, 2535364964, 2041432039, 1495043544, 3445983177]],
    [MAX_SEED, [920564995, 4230986166, 697614773, 1778835764, 280495159, 1500331647]],
  ])('seed %i', (seed, outputs) => {
    expect(take(splitmix32(seed), 6)).toEqual(outputs);
  });

  it('refuses a seed that is not an unsigned 32-bit integer, naming the field', () => {
    for (const bad of [-1, MAX_SEED + 1, 1.5, Number.NaN]) {
      expect(() => splitmix32(bad)).toThrow(InputError);
    }
    expect(() => uniformGenerator(-1)).toThrow(/seed: must be a whole number from 0 to 4294967295/);
  });
});

describe('the seeded generator (xoshiro128** whose state is four splitmix32 outputs)', () => {
  // computed by tests/growth/prng-reference.c (print_seeded)
  it.each([
    [0, [3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335]],
    [1, [2442144158, 3238099751, 3819917871, 2104621829, 2021136066, 4223536128]],
    [42, [2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]],
  ])('seed %i: exact 32-bit outputs', (seed, outputs) => {
    expect(take(uint32Generator(seed), 6)).toEqual(outputs);
  });

  it('uniform floats are the 32-bit outputs over 2^32, in [0, 1)', () => {
    const u = take(uniformGenerator(0), 6);
    expect(u).toEqual(
      [3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335].map((x) => x / 2 ** 32),
    );
    const many = take(uniformGenerator(7), 100_000);
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
    // mean 1/2, standard error 1/sqrt(12 × 100,000) ≈ 0.0009: 0.005 is over five of them
    expect(Math.abs(many.reduce((s, x) => s + x, 0) / many.length - 0.5)).toBeLessThan(0.005);
  });

  it('normals come from Box-Muller on pairs of outputs: u1 = (x + 1) / 2^32, u2 = y / 2^32', () => {
    const [x = 0, y = 0] = take(uint32Generator(0), 2);
    const r = Math.sqrt(-2 * Math.log((x + 1) / 2 ** 32));
    const th = (2 * Math.PI * y) / 2 ** 32;
    const g = normalGenerator(0);
    expect(g.next()).toBe(r * Math.cos(th));
    expect(g.next()).toBe(r * Math.sin(th));
  });

  it('normal draws have mean ≈ 0 and variance ≈ 1', () => {
    const g = normalGenerator(123);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let k = 0; k < n; k++) {
      const z = g.next();
      s += z;
      s2 += z * z;
    }
    // standard errors: mean 1/sqrt(n) ≈ 0.003, variance sqrt(2/n) ≈ 0.0045
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
});
