/**
 * State income tax as one flat marginal rate the user gives (no state brackets are modelled):
 * tax = income × rate, rounded half-up to the cent.
 */
import { inputError } from '../errors.js';
import { applyRate, rateOf, type Cents } from '../money.js';

/** Largest accepted state rate (no state's top marginal rate reaches it). */
export const MAX_STATE_RATE = 0.2;

/** Checks a state rate given as a decimal (0.05 = 5%); throws an InputError naming `field`. */
function checkStateRate(stateRate: number, field = 'stateRate'): number {
  if (!Number.isFinite(stateRate) || stateRate < 0 || stateRate > MAX_STATE_RATE) {
    throw inputError(
      field,
      `must be a decimal rate from 0 to ${String(MAX_STATE_RATE)} (0.05 = 5%)`,
    );
  }
  return stateRate;
}

/** State tax on `income` (cents) at the flat marginal `stateRate`. */
export function stateIncomeTax(income: Cents, stateRate: number): Cents {
  return applyRate(Math.max(0, income), rateOf(checkStateRate(stateRate)));
}
