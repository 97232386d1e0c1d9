/**
 * In-plan Roth rollover (conversion) of after-tax money (IRC 402A(c)(4); Notice 2010-84,
 * Notice 2013-74): the amount converted minus the basis allocable to it under §72 is includible
 * in income; it is a direct rollover, so no 20% withholding and no 10% tax at conversion
 * (402A(c)(4)(A)). The taxable part carries a five-year recapture period (402A(c)(4)(D) applying
 * 408A(d)(3)(F)).
 */
import type { Cents } from '../money.js';
import { splitDistribution, type AccountFields, type PlanAccount } from './prorata.js';

/** The result of an in-plan Roth conversion. */
export interface InPlanConversion {
  readonly amount: Cents;
  /** Earnings and other pre-tax money converted: includible in income this year. */
  readonly taxable: Cents;
  /** After-tax contributions converted: not taxable. */
  readonly nontaxable: Cents;
  /** Always 0: an IRR is a direct rollover (no 3405(c) withholding). */
  readonly withholding: Cents;
  /** Always 0 at conversion; the taxable part is subject to the 5-year recapture instead. */
  readonly additionalTax: Cents;
}

/** Converts `amount` of the account (or its separate after-tax subaccount) to Roth in the plan. */
export function inPlanRothConversion(
  amount: Cents,
  account: PlanAccount,
  fields: AccountFields = {},
): InPlanConversion {
  const parts = splitDistribution(amount, account, fields);
  return {
    amount,
    taxable: parts.pretax,
    nontaxable: parts.afterTaxBasis,
    withholding: 0,
    additionalTax: 0,
  };
}
