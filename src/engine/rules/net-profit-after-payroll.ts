/**
 * A sole proprietor's net profit (Schedule C line 31) from the profit before the household
 * members on the business's payroll: less their wages (line 26), the employer's share of
 * Social Security and Medicare tax on those wages (line 23; IRC 3111(a), (b); a spouse employed
 * by a spouse owes FICA, IRC 3121(b)(3)(A), but no FUTA, IRC 3306(c)(5)) and the employer's
 * contributions to their plans (line 19; IRC 404(a)(3)). The owner's own Pub 560 worksheet then
 * starts from this net profit (IRS Pub 560 ch. 5, Step 1: the net profit "reduced by" the
 * contributions for employees).
 */
import { applyRate, type Cents } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';

export interface PayrollMember {
  /** W-2 wages (box 5, deferrals included). */
  readonly wages: Cents;
  /** W-2 box 3 wages; default the wages up to the wage base. */
  readonly socialSecurityWages?: Cents | undefined;
  /** The employer's contributions to the member's plans (match, nonelective). */
  readonly employerContributions: Cents;
}

export interface NetProfitAfterPayroll {
  readonly profitBeforePayroll: Cents;
  readonly wages: Cents;
  readonly employerSocialSecurity: Cents;
  readonly employerMedicare: Cents;
  readonly employerContributions: Cents;
  /** Profit before payroll less all of the above; negative is a loss. */
  readonly netProfit: Cents;
}

/** The owner's net profit after the payroll of the household members the business pays. */
export function netProfitAfterPayroll(
  p: YearParameters,
  profitBeforePayroll: Cents,
  members: readonly PayrollMember[],
): NetProfitAfterPayroll {
  const base = usd(p.payroll.socialSecurityWageBase);
  let wages = 0;
  let ss = 0;
  let medicare = 0;
  let contributions = 0;
  for (const m of members) {
    wages += m.wages;
    // Each line rounded half-up to the cent, as a payroll register does per employee.
    ss += applyRate(
      m.socialSecurityWages ?? Math.min(m.wages, base),
      rate(p.payroll.employerOasdiRate),
    );
    medicare += applyRate(m.wages, rate(p.payroll.employerMedicareRate));
    contributions += m.employerContributions;
  }
  return {
    profitBeforePayroll,
    wages,
    employerSocialSecurity: ss,
    employerMedicare: medicare,
    employerContributions: contributions,
    netProfit: profitBeforePayroll - wages - ss - medicare - contributions,
  };
}
