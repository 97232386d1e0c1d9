/**
 * The owner's own contribution in a solo 401(k) on self-employment income: Schedule SE, then
 * the Pub 560 Deduction Worksheet for Self-Employed with the 415(c) dollar room that is left
 * (less than the full limit when a 403(b) is aggregated), giving the employer contribution,
 * the deferrals the worksheet allows, and the owner's plan compensation
 * (IRC 401(c)(2), 404(a)(8), 415(c)(3)(B); IRS Pub 560 ch. 5).
 */
import { formatUsd, percentRate, rateValue, type Cents } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { electedCents } from './election.js';
import { deductionWorksheet } from '../self-employment/pub560-deduction-worksheet.js';
import { scheduleSe, type FilingStatus } from '../self-employment/schedule-se.js';

export interface OwnerInput {
  readonly netProfit: Cents;
  readonly w2SocialSecurityWages: Cents;
  readonly planRatePercent: number;
  readonly regularDeferrals: Cents;
  readonly catchUp: Cents;
  readonly rothDeferrals: Cents;
  /** 415(c) dollar limit left for this plan after aggregated plans' additions (worksheet step 8). */
  readonly dollarLimit: Cents;
  readonly employerElection: 'max' | number | { readonly percent: number };
  readonly age: number;
  readonly filingStatus: FilingStatus;
}

export interface OwnerResult {
  readonly netProfit: Cents;
  readonly netEarnings: Cents;
  readonly seTax: Cents;
  readonly seTaxWhy: string;
  readonly halfSeTax: Cents;
  /** Worksheet step 3: net profit − deductible half of SE tax. */
  readonly step3: Cents;
  readonly maxEmployerContribution: Cents;
  readonly employerContribution: Cents;
  readonly electionExcess: Cents;
  readonly employerWhy: string;
  readonly allowedRegularDeferrals: Cents;
  readonly allowedCatchUp: Cents;
  /** Plan compensation: step 3 − the owner's employer contribution. */
  readonly compensation: Cents;
  readonly dollarLimit: Cents;
  readonly planRatePercent: number;
}

/** Computes the owner's side of a solo plan with Schedule SE and the Pub 560 worksheet. */
export function selfEmployedOwner(p: YearParameters, input: OwnerInput): OwnerResult {
  const se = scheduleSe(p, {
    netProfit: input.netProfit,
    w2SocialSecurityWages: input.w2SocialSecurityWages,
    filingStatus: input.filingStatus,
  });
  const ws = deductionWorksheet(p, {
    netProfit: input.netProfit,
    seTaxDeduction: se.line13Deduction,
    planRate: percentRate(input.planRatePercent),
    electiveDeferrals: input.regularDeferrals,
    deferralLimitLeft: input.regularDeferrals,
    catchUp: input.catchUp,
    age: input.age,
    rothDeferrals: Math.min(input.rothDeferrals, input.regularDeferrals + input.catchUp),
    dollarLimit: Math.min(Math.max(0, input.dollarLimit), usd(p.plan.annualAdditionsLimit)),
  });
  const step3 = ws.step3NetEarnings;
  const max = ws.step13EmployerContribution;
  const wanted = electedCents(input.employerElection, max, step3);
  const employer = Math.min(wanted, max);
  // A smaller employer contribution leaves more earned income for deferrals (steps 14-18).
  const compensation = step3 - employer;
  const allowedRegular = Math.min(ws.step9ElectiveDeferrals, compensation);
  const allowedCatchUp = Math.min(input.catchUp, Math.max(0, compensation - allowedRegular));
  return {
    netProfit: ws.step1NetProfit,
    netEarnings: se.line6NetEarnings,
    seTax: se.line12SeTax,
    seTaxWhy: se.why.join('; '),
    halfSeTax: se.line13Deduction,
    step3,
    maxEmployerContribution: max,
    employerContribution: employer,
    electionExcess: Math.max(0, wanted - max),
    employerWhy: `Pub 560 Deduction Worksheet step 13, the smallest of step 7 (step 3 ${formatUsd(step3)} × the reduced rate ${rateValue(ws.step4SelfEmployedRate).toFixed(6)}, at most ${formatUsd(ws.step6CompLimitTimesPlanRate)}), step 10 (415(c) room ${formatUsd(ws.step8DollarLimit)} − deferrals) and step 12 (half of step 3 − deferrals: 100% of compensation); bound by ${ws.employerBoundBy}`,
    allowedRegularDeferrals: allowedRegular,
    allowedCatchUp,
    compensation,
    dollarLimit: ws.step8DollarLimit,
    planRatePercent: input.planRatePercent,
  };
}
