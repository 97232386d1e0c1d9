/**
 * The employer match on elective deferrals under a tiered formula: each tier matches `rate`% of
 * the deferrals that fall between the previous tier's `upToPercent` and its own, as a percent
 * of compensation capped at 401(a)(17) (IRC 401(a)(17), 401(m)(4)(A)). Computed on the year's
 * totals (a plan with a true-up); rounded half-up to the cent.
 */
import { applyRate, type Cents, type Rate } from '../money.js';

/** One tier: `rate` of the deferrals up to `upToPercent` of pay (both exact rates). */
export interface Tier {
  readonly rate: Rate;
  readonly upToPercent: Rate;
}

/** Match for `deferrals` cents given `compensation` (already capped) and the tiers. */
export function matchFor(
  tiers: readonly Tier[],
  deferrals: Cents,
  compensation: Cents,
  capAmount?: Cents,
): Cents {
  let total = 0;
  let lower = 0;
  for (const t of tiers) {
    const upper = applyRate(compensation, t.upToPercent);
    const inTier = Math.max(0, Math.min(deferrals, upper) - lower);
    total += applyRate(inTier, t.rate);
    lower = Math.max(lower, upper);
  }
  return capAmount === undefined ? total : Math.min(total, capAmount);
}
