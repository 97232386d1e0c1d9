/**
 * Rounding half up to the nearest hundredth of a percent (Treas. Reg. 1.401(m)-2(a)(2)(i),
 * (a)(3)(i)) as the engine computed it before: the floor of the quotient, corrected by the
 * remainder, then one more when twice the remainder reaches the divisor. Kept as the test oracle
 * of `divHalfUp` in `src/engine/acp/ratios.ts`; it is not shipped.
 */
export function referenceDivHalfUp(numerator: number, denominator: number): number {
  let q = Math.floor(numerator / denominator);
  let r = numerator - q * denominator;
  if (r < 0) {
    q -= 1;
    r += denominator;
  } else if (r >= denominator) {
    q += 1;
    r -= denominator;
  }
  return 2 * r >= denominator ? q + 1 : q;
}
