/**
 * Contribution ratios and the ACP limit (IRC 401(m)(2)(A); Treas. Reg. 1.401(m)-2(a)).
 *
 * Every ratio is an integer number of hundredths of a percent ("bps": 1.00% = 100), because the
 * regulation computes each ACR and each group's ACP "to the nearest hundredth of a percentage
 * point" (Reg. 1.401(m)-2(a)(2)(i), (a)(3)(i)). Rounding is half-up, done once per ratio and once
 * per average, with exact integer arithmetic on cents.
 */
import { acpConstants } from '../params/acp.js';

const BPS_PER_UNIT = 10_000;

/**
 * `numerator / denominator` rounded half-up to an integer: `floor((2·numerator + denominator) /
 * (2·denominator))`, exact for safe integers whose doubled sum stays a safe integer (the floating
 * quotient is correct to far better than one unit at these sizes; the remainder is then computed
 * exactly and corrects it). One division and branches that are never taken in practice: a
 * rounding branch on the remainder, taken half the time at random, cost more than the division
 * in the passes over a million employees.
 */
function divHalfUp(numerator: number, denominator: number): number {
  const n = 2 * numerator + denominator;
  const d = 2 * denominator;
  let q = Math.floor(n / d);
  const r = n - q * d;
  // guard the (theoretical) off-by-one of the floating quotient
  if (r < 0) q -= 1;
  else if (r >= d) q += 1;
  return q;
}

/**
 * An employee's actual contribution ratio in bps: contributions ÷ compensation (already capped
 * at 401(a)(17)), to the nearest 0.01% (Reg. 1.401(m)-2(a)(2)(i)). `compensation` must be > 0.
 */
export function contributionRatioBps(contributions: number, compensation: number): number {
  return divHalfUp(contributions * BPS_PER_UNIT, compensation);
}

/**
 * `bps` hundredths of a percent of `cents`, rounded half up to the cent (a QNEC, an added
 * after-tax amount or a match raise as a share of pay): exact for the safe-integer products here.
 */
export function centsAtBps(cents: number, bps: number): number {
  return Math.floor((cents * bps * 2 + BPS_PER_UNIT) / (2 * BPS_PER_UNIT));
}

/** A group's ACP: the average of its ratios, to the nearest 0.01% (Reg. 1.401(m)-2(a)(2)(i)). */
export function averageBps(sumOfRatios: number, count: number): number {
  return count === 0 ? 0 : divHalfUp(sumOfRatios, count);
}

const C = acpConstants;

/**
 * The highest HCE ACP that passes for an NHCE ACP of `nhceBps`:
 * `max(1.25·N, min(2·N, N + 2 points))` (IRC 401(m)(2)(A)). Returned in whole bps, rounded down,
 * because the HCE ACP is itself a whole number of bps: an HCE ACP passes exactly when it is at
 * most this figure (e.g. N = 0.01% gives 1.25 × 1 = 1.25 bps, and an HCE ACP of 1 bp passes, 2
 * do not).
 */
export function acpLimitBps(nhceBps: number): number {
  const basic = Math.floor((nhceBps * C.basicMultiplierPercent.value) / 100);
  const alternative = Math.min(
    nhceBps * C.alternativeMultiplier.value,
    nhceBps + C.alternativeSpreadBps.value,
  );
  return Math.max(basic, alternative);
}

/** bps as a percentage with two decimals, for explanations ("12.50%", "-4.78%"). */
export function percentText(bps: number): string {
  const sign = bps < 0 ? '-' : '';
  const a = Math.abs(bps);
  return `${sign}${String(Math.floor(a / 100))}.${String(a % 100).padStart(2, '0')}%`;
}

/** bps as a percentage without trailing zeros, for rules ("3%", "2.5%"). */
export function percentShortText(bps: number): string {
  return `${String(bps / 100)}%`;
}

/** bps as a decimal fraction, the report model's rate (1250 → 0.125). */
export function bpsRate(bps: number): number {
  return bps / BPS_PER_UNIT;
}
