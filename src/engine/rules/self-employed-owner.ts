/**
 * The owner's own contribution in a solo 401(k) on self-employment income: Schedule SE, then
 * the Pub 560 Deduction Worksheet for Self-Employed with the 415(c) dollar room that is left
 * (less than the full limit when a 403(b) is aggregated), giving the employer contribution,
 * the deferrals the worksheet allows, and the owner's plan compensation
 * (IRC 401(c)(2), 404(a)(8), 415(c)(3)(B); IRS Pub 560 ch. 5).
 */
import { applyRate, formatUsd, percentRate, rateValue, reducedRate, type Cents } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';

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
  /** Maximum deductible contribution (worksheet step 21) for the chosen contribution. */
  readonly deduction: Cents;
}

interface ScheduleSe {
  readonly netEarnings: Cents;
  readonly seTax: Cents;
  readonly half: Cents;
  readonly why: string;
}

/** Schedule SE lines 4a-13 for one person (IRC 1401, 1402; Schedule SE). */
function scheduleSe(p: YearParameters, netProfit: Cents, w2SsWages: Cents): ScheduleSe {
  const pay = p.payroll;
  const l4a = netProfit > 0 ? applyRate(netProfit, rate(pay.seNetEarningsFactor)) : netProfit;
  if (l4a < usd(pay.seMinimumNetEarnings)) {
    return {
      netEarnings: Math.max(0, l4a),
      seTax: 0,
      half: 0,
      why: `net earnings under ${formatUsd(usd(pay.seMinimumNetEarnings))}: no SE tax`,
    };
  }
  const l9 = Math.max(0, usd(pay.socialSecurityWageBase) - w2SsWages);
  const l10 = applyRate(Math.min(l4a, l9), rate(pay.seOasdiRate));
  const l11 = applyRate(l4a, rate(pay.seMedicareRate));
  const l12 = l10 + l11;
  return {
    netEarnings: l4a,
    seTax: l12,
    half: applyRate(l12, rate(pay.seDeductibleShare)),
    why: `12.4% × min(${formatUsd(l4a)}, wage base left after W-2 wages ${formatUsd(l9)}) + 2.9% × ${formatUsd(l4a)}`,
  };
}

/** Computes the owner's side of a solo plan (Pub 560 Deduction Worksheet steps named). */
export function selfEmployedOwner(p: YearParameters, input: OwnerInput): OwnerResult {
  const se = scheduleSe(p, input.netProfit, input.w2SocialSecurityWages);
  const step1 = input.netProfit;
  const step2 = se.half;
  const step3 = Math.max(0, step1 - step2);
  const planRate = percentRate(input.planRatePercent);
  const step4 = reducedRate(planRate); // full precision: r / (1 + r)
  const step5 = applyRate(step3, step4);
  const step6 = applyRate(usd(p.plan.compensationLimit), planRate);
  const step7 = Math.min(step5, step6);
  const step8 = Math.max(0, input.dollarLimit);
  const step9 = Math.min(input.regularDeferrals, usd(p.plan.electiveDeferralLimit));
  const step10 = Math.max(0, step8 - step9);
  const step11 = Math.max(0, step3 - step9);
  const step12 = applyRate(step11, { num: 1, den: 2 }, 'down');
  const step13 = Math.min(step7, step10, step12);
  const wanted =
    input.employerElection === 'max'
      ? step13
      : typeof input.employerElection === 'number'
        ? Math.round(input.employerElection * 100)
        : applyRate(step3, percentRate(input.employerElection.percent));
  const employer = Math.min(wanted, step13);
  const step14 = step3 - employer;
  const step15 = Math.min(step9, step14);
  const step16 = step14 - step15;
  const step18 = Math.min(step16, input.catchUp);
  const rothShare = Math.min(input.rothDeferrals, step15);
  return {
    netProfit: step1,
    netEarnings: se.netEarnings,
    seTax: se.seTax,
    seTaxWhy: se.why,
    halfSeTax: step2,
    step3,
    maxEmployerContribution: step13,
    employerContribution: employer,
    electionExcess: Math.max(0, wanted - step13),
    employerWhy: `smallest of step 7 (${formatUsd(step3)} × ${rateValue(step4).toFixed(6)} = ${formatUsd(step5)}, at most ${formatUsd(step6)}), step 10 (415(c) room ${formatUsd(step8)} − deferrals), step 12 (half of step 3 − deferrals: the 100%-of-compensation rule)`,
    allowedRegularDeferrals: step15,
    allowedCatchUp: step18,
    compensation: step14,
    dollarLimit: step8,
    planRatePercent: input.planRatePercent,
    deduction: employer + step15 + step18 - rothShare,
  };
}
