/**
 * The tax on the taxable earnings of a Roth conversion or in-plan Roth rollover of after-tax
 * money (IRC 402A(c)(4), 408A(d)(3); basis converts tax-free, earnings are ordinary income):
 * the increase in federal ordinary income tax and flat state tax, plus the increase in the Net
 * Investment Income Tax — the converted earnings are not net investment income
 * (IRC 1411(c)(5)) but they raise MAGI, which can expose other investment income.
 */
import { inputError } from '../errors.js';
import type { Cents } from '../money.js';
import type { FilingStatus } from './filing-status.js';
import { netInvestmentIncomeTax } from './niit.js';
import { ordinaryIncomeTax } from './ordinary.js';
import { stateIncomeTax } from './state.js';

export interface ConversionTaxInput {
  /** Taxable income before the conversion, cents. */
  readonly taxableIncome: Cents;
  /** Modified AGI before the conversion, cents. */
  readonly magi: Cents;
  /** Net investment income of the year, cents. */
  readonly netInvestmentIncome: Cents;
  /** Taxable earnings converted, cents (≥ 0). */
  readonly earnings: Cents;
  /** Flat state marginal rate (0.05 = 5%). */
  readonly stateRate: number;
}

export interface ConversionTax {
  readonly federal: Cents;
  readonly state: Cents;
  readonly niit: Cents;
  readonly total: Cents;
}

/** Federal plus state tax at a taxable income (the state base taken to be the federal one). */
function taxAt(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  stateRate: number,
): { readonly federal: Cents; readonly state: Cents } {
  return {
    federal: ordinaryIncomeTax(year, status, taxableIncome),
    state: stateIncomeTax(taxableIncome, stateRate),
  };
}

/** The extra tax caused by converting `earnings` of taxable conversion earnings. */
export function taxOnConversionEarnings(
  year: number,
  status: FilingStatus,
  input: ConversionTaxInput,
): ConversionTax {
  if (input.earnings < 0) throw inputError('earnings', 'must not be negative');
  const before = taxAt(year, status, input.taxableIncome, input.stateRate);
  const after = taxAt(year, status, input.taxableIncome + input.earnings, input.stateRate);
  const nii = input.netInvestmentIncome;
  const niitBefore = netInvestmentIncomeTax(year, status, {
    magi: input.magi,
    netInvestmentIncome: nii,
  });
  const niitAfter = netInvestmentIncomeTax(year, status, {
    magi: input.magi + input.earnings,
    netInvestmentIncome: nii,
  });
  const federal = after.federal - before.federal;
  const state = after.state - before.state;
  const niit = niitAfter - niitBefore;
  return { federal, state, niit, total: federal + state + niit };
}
