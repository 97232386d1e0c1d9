/**
 * What a deduction is worth: federal ordinary income tax (IRC 1(j)) plus a flat state tax on
 * taxable income with and without the deduction, and the difference. Used for a pre-tax
 * deferral (IRC 402(e)(3)), a deductible employer contribution for a self-employed owner
 * (IRC 404(a)(8)) and the deductible half of SE tax (IRC 164(f)). The state base is taken to be
 * the federal taxable income (a simplification: states have their own bases).
 */
import { inputError } from '../errors.js';
import type { Cents } from '../money.js';
import type { FilingStatus } from './filing-status.js';
import { ordinaryIncomeTax } from './ordinary.js';
import { stateIncomeTax } from './state.js';

export interface TaxAt {
  readonly taxableIncome: Cents;
  readonly federal: Cents;
  readonly state: Cents;
  readonly total: Cents;
}

export interface DeductionValue {
  readonly key: string;
  readonly amount: Cents;
  readonly without: TaxAt;
  readonly with: TaxAt;
  /** Tax saved by the deduction (without − with). */
  readonly saved: Cents;
}

/** Federal plus state tax at a taxable income (negative income counts as zero). */
export function taxAt(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  stateRate: number,
): TaxAt {
  const ti = Math.max(0, taxableIncome);
  const federal = ordinaryIncomeTax(year, status, ti);
  const state = stateIncomeTax(ti, stateRate);
  return { taxableIncome: ti, federal, state, total: federal + state };
}

/**
 * Tax with and without one deduction of `amount` cents, starting from `taxableIncomeWithout`
 * (taxable income before this deduction is taken).
 */
export function taxWithAndWithout(
  year: number,
  status: FilingStatus,
  taxableIncomeWithout: Cents,
  amount: Cents,
  stateRate: number,
  key = 'deduction',
): DeductionValue {
  if (amount < 0) throw inputError(key, 'a deduction must not be negative');
  const without = taxAt(year, status, taxableIncomeWithout, stateRate);
  const withIt = taxAt(year, status, taxableIncomeWithout - amount, stateRate);
  return { key, amount, without, with: withIt, saved: without.total - withIt.total };
}

/**
 * The value of each deduction of a household at the margin: the tax with every deduction taken
 * (`taxableIncome`) against the tax with all but that one added back.
 */
export function deductionValues(
  year: number,
  status: FilingStatus,
  taxableIncome: Cents,
  deductions: readonly { readonly key: string; readonly amount: Cents }[],
  stateRate: number,
): DeductionValue[] {
  return deductions.map((d) =>
    taxWithAndWithout(year, status, taxableIncome + d.amount, d.amount, stateRate, d.key),
  );
}
