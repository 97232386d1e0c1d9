/**
 * The owner's own contribution in a solo 401(k) on self-employment income: the business's share
 * of the person's one Schedule SE (with Form 8959), then the Pub 560 Deduction Worksheet for
 * Self-Employed with the 415(c) dollar room that is left (less than the full limit when a 403(b)
 * is aggregated) and the employer contribution the owner elects, giving the deferrals the
 * worksheet allows and the owner's plan compensation (IRC 401(c)(2), 404(a)(8), 415(c)(3)(B);
 * IRS Pub 560 ch. 5).
 */
import type { Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import {
  deductionWorksheet,
  type DeductionWorksheet,
  type EmployerElection,
} from '../self-employment/pub560-deduction-worksheet.js';
import type { RateRounding } from '../self-employment/pub560-rate.js';
import type { PersonScheduleSe, SeShare } from '../self-employment/person-schedule-se.js';

export interface OwnerInput {
  readonly netProfit: Cents;
  /** The person's one Schedule SE over all of their businesses. */
  readonly personSe: PersonScheduleSe;
  /** This business's share of it (its Step 2). */
  readonly share: SeShare;
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
  /** The person's one Schedule SE (all businesses). */
  readonly personSe: PersonScheduleSe;
  /** This business's share of it. */
  readonly share: SeShare;
  readonly worksheet: DeductionWorksheet;
}

/** The Pub 560 worksheet for the owner of a Schedule C business, on its Schedule SE share. */
export function selfEmployedOwner(p: YearParameters, input: OwnerInput): OwnerResult {
  const worksheet = deductionWorksheet(p, {
    netProfit: input.netProfit,
    seTaxDeduction: input.share.deduction,
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
  return { personSe: input.personSe, share: input.share, worksheet };
}
