/**
 * What an election asks for, in cents: "max" is whatever the limits allow (`most`), an amount
 * is taken as given, a percent applies to the pay the plan's formulas use.
 */
import { applyRate, type Cents } from '../money.js';
import type { Election } from '../scenario/schema.js';

/** The cents an election asks for. */
export function electedCents(e: Election, most: Cents, pay: Cents): Cents {
  if (e === 'max') return most;
  if (typeof e === 'number') return e;
  return applyRate(pay, e.percent);
}
