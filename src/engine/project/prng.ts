/**
 * A small, fast, seeded pseudo-random generator: xoshiro128** (Blackman and Vigna) seeded by
 * splitmix32, and standard normal draws by the Box-Muller transform (both values of each pair
 * used). The same seed always gives the same sequence, on every platform.
 */

export interface Normal {
  /** The next standard normal draw. */
  next(): number;
}

/** A standard normal generator seeded with a 32-bit unsigned integer. */
export function normalGenerator(seed: number): Normal {
  // splitmix32 fills the xoshiro state so that nearby seeds give unrelated streams
  let sm = seed >>> 0;
  const split = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  if ((a | b | c | d) === 0) a = 1;
  const u32 = (): number => {
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
  let spare = 0;
  let hasSpare = false;
  return {
    next(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1)
      const u1 = (u32() + 1) / 4294967296;
      const u2 = u32() / 4294967296;
      const r = Math.sqrt(-2 * Math.log(u1));
      const th = 2 * Math.PI * u2;
      spare = r * Math.sin(th);
      hasSpare = true;
      return r * Math.cos(th);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
