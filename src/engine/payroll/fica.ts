/**
 * The employee's payroll tax withheld from one paycheck: Social Security on wages up to the
 * wage base paid by this employer (IRC 3101(a), 3121(a)(1)), Medicare on all wages (IRC
 * 3101(b)(1)), and the Additional Medicare Tax withheld on this employer's wages above the
 * withholding threshold (IRC 3101(b)(2), 3102(f)(1)). Elective deferrals stay FICA wages
 * (IRC 3121(v)(1)(A)). The employee's rates equal the employer's (IRC 3101 and 3111 impose the
 * same percentages), so the employer-rate parameters serve both.
 */
import { applyRate, type Cents } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';

export const FICA_CITATION = 'IRC 3101(a), 3101(b), 3102(f)(1), 3121(a)(1), 3121(v)(1)(A)';

export interface PaycheckFica {
  readonly socialSecurity: Cents;
  readonly medicare: Cents;
}

/** The employee's Social Security tax on `ssWages` and Medicare tax on `medicareWages`. */
export function employeeFica(
  p: YearParameters,
  ssWages: Cents,
  medicareWages: Cents,
): PaycheckFica {
  return {
    socialSecurity: applyRate(ssWages, rate(p.payroll.employerOasdiRate)),
    medicare: applyRate(medicareWages, rate(p.payroll.employerMedicareRate)),
  };
}

/** Payroll tax on a paycheck of `gross` when this employer has paid `before` so far this year. */
export function paycheckFica(p: YearParameters, gross: Cents, before: Cents): PaycheckFica {
  const base = usd(p.payroll.socialSecurityWageBase);
  const ssWages = Math.max(0, Math.min(gross, base - before));
  // 3102(f)(1): the employer withholds the Additional Medicare Tax on its own wages above the
  // threshold, whatever the filing status; the threshold is the single filer's amount.
  const threshold = usd(p.payroll.additionalMedicareThreshold.single);
  const above = Math.max(0, before + gross - Math.max(threshold, before));
  const fica = employeeFica(p, ssWages, gross);
  return {
    socialSecurity: fica.socialSecurity,
    medicare: fica.medicare + applyRate(above, rate(p.payroll.additionalMedicareRate)),
  };
}
