/**
 * Additional Medicare Tax (IRC 3101(b)(2), 1401(b)(2); Form 8959): 0.9% of Medicare wages above
 * the filing status threshold, plus 0.9% of self-employment income above the threshold reduced
 * (not below zero) by those wages. The rate and thresholds come from `paramsFor(year).payroll`.
 * Rounding: each part is rounded half-up to the cent, as the form's lines are.
 */
import { inputError } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import { paramsFor, rate, usd } from '../params/index.js';
import type { FilingStatus } from './filing-status.js';

export interface AdditionalMedicareInput {
  /** Medicare wages and tips of the return (both spouses on a joint return), cents. */
  readonly wages: Cents;
  /** Self-employment income (Schedule SE line 6, 92.35% of net profit), cents; ≤ 0 counts as 0. */
  readonly seIncome: Cents;
}

export interface AdditionalMedicare {
  readonly onWages: Cents;
  readonly onSelfEmployment: Cents;
  readonly total: Cents;
}

/** Additional Medicare Tax on wages and self-employment income (Form 8959 Parts I and II). */
export function additionalMedicareTax(
  year: number,
  status: FilingStatus,
  input: AdditionalMedicareInput,
): AdditionalMedicare {
  if (input.wages < 0) throw inputError('wages', 'must not be negative');
  const payroll = paramsFor(year).payroll;
  const threshold = usd(payroll.additionalMedicareThreshold[status]);
  const r = rate(payroll.additionalMedicareRate);
  const onWages = applyRate(Math.max(0, input.wages - threshold), r);
  const seThreshold = Math.max(0, threshold - input.wages);
  const onSelfEmployment = applyRate(Math.max(0, Math.max(0, input.seIncome) - seThreshold), r);
  return { onWages, onSelfEmployment, total: onWages + onSelfEmployment };
}
