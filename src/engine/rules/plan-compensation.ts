/**
 * Compensation a plan formula may use: the participant's pay capped at the 401(a)(17) limit
 * (IRC 401(a)(17), 404(l)). Match, nonelective and percent-of-pay elections use it.
 */
import type { Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';

/** min(pay, 401(a)(17) limit). */
export function formulaCompensation(p: YearParameters, pay: Cents): Cents {
  return Math.min(pay, usd(p.plan.compensationLimit));
}
