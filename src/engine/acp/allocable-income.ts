/**
 * The income allocable to a corrective distribution of excess contributions or excess aggregate
 * contributions: the allocable gain or loss through the end of the plan year (Treas. Reg.
 * 1.401(k)-2(b)(2)(iv)(A), 1.401(m)-2(b)(2)(iv)(A)). From the census's `gain_loss` and
 * `beginning_balance` of the employee's tested accounts: the year's gain or loss times the
 * refund over the beginning balance plus the plan year's contributions — the alternative method
 * of (iv)(C), applied to the tested accounts as one pool (every source earning alike, the
 * reasonable method of (iv)(B) that the plan also uses to credit income). Without the columns,
 * from a rate of return given for the plan (the same fraction, stated once). Rounded half up to
 * the cent, a loss away from zero alike.
 */
import { mulDiv, type Cents } from '../money.js';
import type { Census } from './census.js';

/** The contributions of the plan year in the tested accounts of row `i`, cents. */
export function yearContributions(census: Census, i: number): Cents {
  return (
    (census.columns.deferrals ? (census.deferrals[i] ?? 0) : 0) +
    (census.afterTax[i] ?? 0) +
    (census.match[i] ?? 0) +
    (census.qmac[i] ?? 0) +
    (census.qnec[i] ?? 0)
  );
}

/**
 * The income allocable to `amount` refunded to row `i`: from the census columns when it has
 * them, else `gainRateBps` (hundredths of a percent, negative for a loss), else null (unknown).
 */
export function allocableIncome(
  census: Census,
  i: number,
  amount: Cents,
  gainRateBps: number | undefined,
): Cents | null {
  if (census.columns.gainLoss) {
    const pool = (census.beginningBalance[i] ?? 0) + yearContributions(census, i);
    return pool > 0 ? mulDiv(census.gainLoss[i] ?? 0, amount, pool) : 0;
  }
  return gainRateBps === undefined ? null : mulDiv(amount, gainRateBps, 10_000);
}
