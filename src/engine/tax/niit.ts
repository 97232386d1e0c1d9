/**
 * Net Investment Income Tax (IRC 1411(a)(1); Form 8960): 3.8% of the lesser of net investment
 * income and the excess of modified AGI over the filing status threshold. Distributions from
 * qualified plans and IRAs — including the taxable part of a Roth conversion or an in-plan Roth
 * rollover — are not net investment income (IRC 1411(c)(5)) but they do raise MAGI.
 * Rounding: the product is rounded half-up to the cent.
 */
import { inputError } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import { rate, usd } from '../params/index.js';
import { incomeTaxFor } from '../params/income-tax/index.js';
import type { FilingStatus } from './filing-status.js';

export interface NiitInput {
  /** Modified adjusted gross income (AGI plus the 911 exclusion), cents. */
  readonly magi: Cents;
  /** Net investment income, cents (≥ 0). */
  readonly netInvestmentIncome: Cents;
}

/** The NIIT for the year and filing status. */
export function netInvestmentIncomeTax(
  year: number,
  status: FilingStatus,
  input: NiitInput,
): Cents {
  if (input.netInvestmentIncome < 0) {
    throw inputError('netInvestmentIncome', 'must not be negative');
  }
  const p = incomeTaxFor(year);
  const over = Math.max(0, input.magi - usd(p.niitThreshold[status]));
  return applyRate(Math.min(input.netInvestmentIncome, over), rate(p.niitRate));
}
