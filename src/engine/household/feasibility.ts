/**
 * Whether a job's pay can fund what its plans take from it: the deferrals, catch-up and
 * after-tax money elected in its plans against the wages less the employee's Social Security
 * and Medicare tax withheld from them (IRC 3101(a), (b), at the employer's rates of IRC 3111(a),
 * (b); 3102(a)). Self-employment income has no payroll: its limits already follow net earnings.
 */
import { formatUsd, type Cents } from '../money.js';
import { employeeFica } from '../payroll/fica.js';
import { percentOf } from '../self-employment/param-text.js';
import { usd, type YearParameters } from '../params/index.js';
import type { Scenario } from '../scenario/schema.js';
import type { Finding } from './report.js';
import { catchUpOf, jobPay, regularOf, type PlanState } from './work.js';

/** The employee's Social Security and Medicare tax withheld from one job's wages, cents. */
export function employeePayrollTax(p: YearParameters, job: Scenario['jobs'][number]): Cents {
  const wages = jobPay(job);
  const ssWages = job.socialSecurityWages ?? Math.min(wages, usd(p.payroll.socialSecurityWageBase));
  const fica = employeeFica(p, ssWages, wages);
  return fica.socialSecurity + fica.medicare;
}

/** A warning for each job whose plans' employee contributions exceed its pay after payroll tax. */
export function fundingWarnings(
  p: YearParameters,
  s: Scenario,
  states: readonly PlanState[],
): Finding[] {
  return s.jobs.flatMap((job, i): Finding[] => {
    if (job.type === 'schedule-c') return [];
    const plans = states.filter((w) => w.job.id === job.id);
    const elected = plans.reduce((a, w) => a + regularOf(w) + catchUpOf(w) + w.afterTax, 0);
    const wages = jobPay(job);
    const tax = employeePayrollTax(p, job);
    const fundable = Math.max(0, wages - tax);
    if (plans.length === 0 || elected <= fundable) return [];
    return [
      {
        severity: 'warning',
        path: `jobs[${String(i)}].wages`,
        message: `${job.id}: the ${formatUsd(elected)} elected from its pay (deferrals, catch-up and after-tax money in ${plans.map((w) => w.plan.id).join(', ')}) is ${formatUsd(elected - fundable)} more than the ${formatUsd(fundable)} its wages of ${formatUsd(wages)} leave after the employee's Social Security (${percentOf(p.payroll.employerOasdiRate)}) and Medicare (${percentOf(p.payroll.employerMedicareRate)}) tax of ${formatUsd(tax)} (IRC 3101(a), (b); 3102(a)): the payroll cannot withhold it`,
        fix: `elect at most ${formatUsd(fundable)} from this job, less what income tax withholding and other deductions take`,
      },
    ];
  });
}
