/**
 * The owner's own contribution in a solo 401(k) on self-employment income: Schedule SE (with
 * Form 8959), then the Pub 560 Deduction Worksheet for Self-Employed with the 415(c) dollar room
 * that is left (less than the full limit when a 403(b) is aggregated) and the employer
 * contribution the owner elects, giving the deferrals the worksheet allows and the owner's plan
 * compensation (IRC 401(c)(2), 404(a)(8), 415(c)(3)(B); IRS Pub 560 ch. 5).
 */
import type { Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import {
  deductionWorksheet,
  type DeductionWorksheet,
  type EmployerElection,
} from '../self-employment/pub560-deduction-worksheet.js';
import type { RateRounding } from '../self-employment/pub560-rate.js';
import { scheduleSe, type ScheduleSe } from '../self-employment/schedule-se.js';
import type { FilingStatus } from '../tax/filing-status.js';

export interface OwnerInput {
  readonly netProfit: Cents;
  /** W-2 box 3 wages of the person's other jobs (Schedule SE line 8a). */
  readonly w2SocialSecurityWages: Cents;
  /** W-2 box 5 wages of the person's other jobs (Form 8959 line 1). */
  readonly w2MedicareWages: Cents;
  readonly filingStatus: FilingStatus;
  readonly planRate: { readonly num: number; readonly den: number };
  readonly rateRounding: RateRounding;
  readonly regularDeferrals: Cents;
  readonly catchUp: Cents;
  readonly rothDeferrals: Cents;
  /** 415(c) dollar limit left for this plan after aggregated plans' additions (worksheet step 8). */
  readonly dollarLimit: Cents;
  readonly employerElection: EmployerElection;
  readonly age: number;
}

export interface OwnerResult {
  readonly scheduleSe: ScheduleSe;
  readonly worksheet: DeductionWorksheet;
}

/** Schedule SE and the Pub 560 worksheet for the owner of a Schedule C business. */
export function selfEmployedOwner(p: YearParameters, input: OwnerInput): OwnerResult {
  const se = scheduleSe(p, {
    netProfit: input.netProfit,
    w2SocialSecurityWages: input.w2SocialSecurityWages,
    w2MedicareWages: input.w2MedicareWages,
    filingStatus: input.filingStatus,
  });
  const worksheet = deductionWorksheet(p, {
    netProfit: input.netProfit,
    seTaxDeduction: se.line13Deduction,
    planRate: input.planRate,
    rateRounding: input.rateRounding,
    electiveDeferrals: input.regularDeferrals,
    deferralLimitLeft: input.regularDeferrals,
    catchUp: input.catchUp,
    age: input.age,
    rothDeferrals: Math.min(input.rothDeferrals, input.regularDeferrals + input.catchUp),
    dollarLimit: Math.min(Math.max(0, input.dollarLimit), usd(p.plan.annualAdditionsLimit)),
    employerElection: input.employerElection,
  });
  return { scheduleSe: se, worksheet };
}
