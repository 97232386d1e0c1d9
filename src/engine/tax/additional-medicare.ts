/**
 * Form 8959, Additional Medicare Tax, line by line (IRC 3101(b)(2), 1401(b)(2); Form 8959 and
 * its instructions): Part I, the rate on Medicare wages above the filing-status threshold;
 * Part II, the rate on self-employment income above that threshold reduced (not below zero) by
 * the Medicare wages. Tips not on a W-2 (line 2), Form 8919 wages (line 3) and RRTA
 * compensation (Part III) are not modelled. The rate and thresholds come from the year's
 * parameters. Rounding: lines 7 and 13 are rounded half-up to the cent, as the form's lines are.
 */
import { inputError } from '../errors.js';
import { applyRate, nonNegative, type Cents } from '../money.js';
import { paramsFor, rate, usd, type YearParameters } from '../params/index.js';
import type { FilingStatus } from './filing-status.js';

export interface Form8959Input {
  /** Line 1: Medicare wages and tips (W-2 box 5) of the return, cents. */
  readonly medicareWages: Cents;
  /** Line 8: self-employment income (Schedule SE line 6), cents; a loss counts as 0. */
  readonly seIncome: Cents;
}

/** The lines of Form 8959 Parts I and II, and line 18 (their total). */
export interface Form8959 {
  /** Line 1 (= line 4 here): Medicare wages and tips. */
  readonly line1MedicareWages: Cents;
  /** Line 5: the threshold for the filing status. */
  readonly line5Threshold: Cents;
  /** Line 6: line 4 − line 5, not below zero. */
  readonly line6WagesOverThreshold: Cents;
  /** Line 7: Additional Medicare Tax on wages (line 6 × the rate). */
  readonly line7OnWages: Cents;
  /** Line 8: self-employment income, not below zero. */
  readonly line8SeIncome: Cents;
  /** Line 9: the threshold for the filing status. */
  readonly line9Threshold: Cents;
  /** Line 10: the Medicare wages of line 4. */
  readonly line10Wages: Cents;
  /** Line 11: line 9 − line 10, not below zero: the threshold left for SE income. */
  readonly line11ReducedThreshold: Cents;
  /** Line 12: line 8 − line 11, not below zero. */
  readonly line12Excess: Cents;
  /** Line 13: Additional Medicare Tax on self-employment income (line 12 × the rate). */
  readonly line13OnSeIncome: Cents;
  /** Line 18: line 7 + line 13 (Schedule 2 line 11). */
  readonly line18Total: Cents;
}

/** Form 8959 Parts I and II for one return. */
export function form8959(
  params: YearParameters,
  status: FilingStatus,
  input: Form8959Input,
): Form8959 {
  if (!Number.isSafeInteger(input.medicareWages) || input.medicareWages < 0) {
    throw inputError('medicareWages', 'must be a non-negative whole number of cents');
  }
  if (!Number.isSafeInteger(input.seIncome)) {
    throw inputError('seIncome', 'must be a whole number of cents');
  }
  const pay = params.payroll;
  const threshold = usd(pay.additionalMedicareThreshold[status]);
  const r = rate(pay.additionalMedicareRate);
  const line6 = nonNegative(input.medicareWages - threshold);
  const line7 = applyRate(line6, r);
  const line8 = nonNegative(input.seIncome);
  const line11 = nonNegative(threshold - input.medicareWages);
  const line12 = nonNegative(line8 - line11);
  const line13 = applyRate(line12, r);
  return {
    line1MedicareWages: input.medicareWages,
    line5Threshold: threshold,
    line6WagesOverThreshold: line6,
    line7OnWages: line7,
    line8SeIncome: line8,
    line9Threshold: threshold,
    line10Wages: input.medicareWages,
    line11ReducedThreshold: line11,
    line12Excess: line12,
    line13OnSeIncome: line13,
    line18Total: line7 + line13,
  };
}

export interface AdditionalMedicareInput {
  /** Medicare wages and tips of the return (both spouses on a joint return), cents. */
  readonly wages: Cents;
  /** Self-employment income (Schedule SE line 6), cents; ≤ 0 counts as 0. */
  readonly seIncome: Cents;
}

export interface AdditionalMedicare {
  readonly onWages: Cents;
  readonly onSelfEmployment: Cents;
  readonly total: Cents;
}

/** The totals of Form 8959 (lines 7, 13 and 18) for a year and filing status. */
export function additionalMedicareTax(
  year: number,
  status: FilingStatus,
  input: AdditionalMedicareInput,
): AdditionalMedicare {
  if (input.wages < 0) throw inputError('wages', 'must not be negative');
  const f = form8959(paramsFor(year), status, {
    medicareWages: input.wages,
    seIncome: input.seIncome,
  });
  return { onWages: f.line7OnWages, onSelfEmployment: f.line13OnSeIncome, total: f.line18Total };
}
