/**
 * The Pub 560 Deduction Worksheet for Self-Employed, steps 1-21, for a sole proprietor or
 * partner with one defined contribution plan: the most the owner can contribute and deduct for
 * themself (IRS Pub 560 ch. 5; IRC 401(c)(2), 404(a)(3), 404(a)(8), 401(a)(17), 402(g),
 * 414(v), 415(c)). Steps are named as on the worksheet so a reviewer can hold one against the
 * other.
 *
 * Rounding: every product is rounded to the cent half-up (`applyRate`), except Step 12, whose
 * half is rounded down by default: rounding it up would let employer + deferrals exceed
 * compensation (Step 3 − Step 13) by a cent, which 415(c)(1)(B) forbids. `step12Rounding:
 * 'half-up'` gives the plain-arithmetic figure (case E-7: 6,837.05 instead of 6,837.04).
 */
import { inputError } from '../errors.js';
import { applyRate, formatUsd, nonNegative, type Cents, type Rate } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';
import { catchUpLimitFor } from './catch-up-limit.js';
import { FULL_PRECISION, selfEmployedRate, type RateRounding } from './pub560-rate.js';

export type HalfRounding = 'down' | 'half-up';

export interface DeductionWorksheetInput {
  /** Step 1: net profit (Schedule C line 31, K-1 box 14 code A). */
  readonly netProfit: Cents;
  /** Step 2: deduction for self-employment tax (Schedule SE line 13). */
  readonly seTaxDeduction: Cents;
  /** Plan contribution rate as an exact fraction; default the 404(a)(3) 25%. Above 25% is an error. */
  readonly planRate?: Rate;
  readonly rateRounding?: RateRounding;
  /** Elective deferrals wanted in this plan (pre-tax + Roth, no catch-up); at most what is left of 402(g). */
  readonly electiveDeferrals: Cents;
  /** 402(g) left after deferrals in other plans; default the full limit. */
  readonly deferralLimitLeft?: Cents;
  /** Catch-up contributions wanted; at most the catch-up limit for the age. */
  readonly catchUp: Cents;
  /** Age at December 31 (decides the Step 17 limit). */
  readonly age: number;
  /** Designated Roth amount among the deferrals and catch-ups (Step 20). */
  readonly rothDeferrals: Cents;
  /** Step 8 when a 403(b) is aggregated: the 415(c) dollar room left; default the full limit. */
  readonly dollarLimit?: Cents;
  readonly step12Rounding?: HalfRounding;
}

export interface DeductionWorksheet {
  readonly step1NetProfit: Cents;
  readonly step2SeTaxDeduction: Cents;
  readonly step3NetEarnings: Cents;
  readonly step4SelfEmployedRate: Rate;
  readonly step5: Cents;
  readonly step6CompLimitTimesPlanRate: Cents;
  readonly step7: Cents;
  readonly step8DollarLimit: Cents;
  /** True when there are no deferrals or catch-ups: Steps 9-20 are skipped and Step 21 = min(7, 8). */
  readonly skipped9to20: boolean;
  readonly step9ElectiveDeferrals: Cents;
  readonly step10: Cents;
  readonly step11: Cents;
  readonly step12HalfOfStep11: Cents;
  /** Step 13: the employer (profit-sharing) contribution for yourself. */
  readonly step13EmployerContribution: Cents;
  readonly step14: Cents;
  /** Step 15: the deferrals allowed. */
  readonly step15Deferrals: Cents;
  readonly step16: Cents;
  readonly step17CatchUp: Cents;
  /** Step 18: the catch-ups allowed. */
  readonly step18CatchUp: Cents;
  readonly step19: Cents;
  readonly step20Roth: Cents;
  /** Step 21: maximum deductible contribution (Schedule 1 line 16). */
  readonly step21MaxDeduction: Cents;
  /** Plan compensation (IRC 401(c)(2)): Step 3 − Step 13. */
  readonly compensation: Cents;
  readonly planRate: Rate;
  /** Which of Steps 7, 10, 12 set Step 13. */
  readonly employerBoundBy: 'step7' | 'step10' | 'step12';
  readonly why: readonly string[];
}

function amount(field: string, c: Cents): void {
  if (!Number.isSafeInteger(c) || c < 0) {
    throw inputError(field, 'must be a non-negative whole number of cents');
  }
}

/** Checks a plan rate: from 0 to the 404(a)(3)(A) deduction limit (25%). */
export function checkPlanRate(params: YearParameters, planRate: Rate, field = 'planRate'): void {
  const cap = rate(params.plan.profitSharingDeductionRate);
  if (planRate.num < 0 || planRate.num * cap.den > cap.num * planRate.den) {
    throw inputError(
      field,
      `a profit-sharing plan rate must be from 0% to ${String(params.plan.profitSharingDeductionRate.value * 100)}% (IRC 404(a)(3)(A)), got ${String((planRate.num / planRate.den) * 100)}%`,
    );
  }
}

/** Runs the worksheet (Pub 560 ch. 5, Deduction Worksheet for Self-Employed). */
export function deductionWorksheet(
  params: YearParameters,
  input: DeductionWorksheetInput,
): DeductionWorksheet {
  const plan = params.plan;
  const planRate = input.planRate ?? rate(plan.profitSharingDeductionRate);
  checkPlanRate(params, planRate);
  amount('seTaxDeduction', input.seTaxDeduction);
  if (!Number.isSafeInteger(input.netProfit)) throw inputError('netProfit', 'must be cents');
  amount('electiveDeferrals', input.electiveDeferrals);
  amount('catchUp', input.catchUp);
  amount('rothDeferrals', input.rothDeferrals);
  const limit402g = usd(plan.electiveDeferralLimit);
  const left402g = input.deferralLimitLeft ?? limit402g;
  amount('deferralLimitLeft', left402g);
  if (left402g > limit402g) {
    throw inputError(
      'deferralLimitLeft',
      `must be at most the 402(g) limit ${formatUsd(limit402g)}`,
    );
  }
  if (input.electiveDeferrals > left402g) {
    throw inputError(
      'electiveDeferrals',
      `${formatUsd(input.electiveDeferrals)} is more than the ${formatUsd(left402g)} of the 402(g) limit left (IRC 402(g)(1))`,
    );
  }
  const catchUpLimit = catchUpLimitFor(params, input.age);
  if (input.catchUp > catchUpLimit) {
    throw inputError(
      'catchUp',
      `${formatUsd(input.catchUp)} is more than the catch-up limit ${formatUsd(catchUpLimit)} at age ${String(input.age)} (IRC 414(v))`,
    );
  }
  if (input.rothDeferrals > input.electiveDeferrals + input.catchUp) {
    throw inputError('rothDeferrals', 'must be at most the deferrals plus catch-ups');
  }
  const full415 = usd(plan.annualAdditionsLimit);
  const dollarLimit = input.dollarLimit ?? full415;
  amount('dollarLimit', dollarLimit);
  if (dollarLimit > full415) {
    throw inputError('dollarLimit', `must be at most the 415(c) limit ${formatUsd(full415)}`);
  }

  const step1NetProfit = input.netProfit;
  const step2SeTaxDeduction = input.seTaxDeduction;
  // Step 3 cannot go below zero: with no net earnings there is nothing to contribute.
  const step3NetEarnings = nonNegative(step1NetProfit - step2SeTaxDeduction);
  const seRate = selfEmployedRate(planRate, input.rateRounding ?? FULL_PRECISION);
  const step4SelfEmployedRate = seRate.rate;
  const step5 = applyRate(step3NetEarnings, step4SelfEmployedRate);
  // Step 6 uses the plan rate itself, not the reduced rate (401(a)(17), 404(l)).
  const step6CompLimitTimesPlanRate = applyRate(usd(plan.compensationLimit), planRate);
  const step7 = Math.min(step5, step6CompLimitTimesPlanRate);
  const step8DollarLimit = dollarLimit;
  const skipped9to20 = input.electiveDeferrals === 0 && input.catchUp === 0;
  const step9ElectiveDeferrals = input.electiveDeferrals;
  const step10 = nonNegative(step8DollarLimit - step9ElectiveDeferrals);
  const step11 = nonNegative(step3NetEarnings - step9ElectiveDeferrals);
  const step12HalfOfStep11 = applyRate(
    step11,
    rate(K.worksheetHalfShare),
    input.step12Rounding === 'half-up' ? 'half-up' : 'down',
  );
  const step13EmployerContribution = Math.min(step7, step10, step12HalfOfStep11);
  const employerBoundBy =
    step13EmployerContribution === step7
      ? 'step7'
      : step13EmployerContribution === step10
        ? 'step10'
        : 'step12';
  const step14 = step3NetEarnings - step13EmployerContribution;
  const step15Deferrals = Math.min(step9ElectiveDeferrals, step14);
  const step16 = step14 - step15Deferrals;
  const step17CatchUp = input.catchUp;
  const step18CatchUp = Math.min(step16, step17CatchUp);
  const step19 = step13EmployerContribution + step15Deferrals + step18CatchUp;
  // Step 20: the Roth among what Steps 15 and 18 allow (a Roth amount the worksheet did not allow
  // was never contributed, so it cannot reduce the deduction).
  const step20Roth = Math.min(input.rothDeferrals, step15Deferrals + step18CatchUp);
  const step21MaxDeduction = skipped9to20 ? Math.min(step7, step8DollarLimit) : step19 - step20Roth;

  const why = [
    `Step 4: ${seRate.why}`,
    `Step 6: the ${formatUsd(usd(plan.compensationLimit))} compensation limit × the plan rate`,
    `Step 13 (employer contribution) is set by ${employerBoundBy === 'step7' ? 'Step 7, the rate on net earnings' : employerBoundBy === 'step10' ? 'Step 10, the 415(c) dollar room left after deferrals' : 'Step 12, half of net earnings after deferrals (the 100%-of-compensation limit)'}`,
  ];
  return {
    step1NetProfit,
    step2SeTaxDeduction,
    step3NetEarnings,
    step4SelfEmployedRate,
    step5,
    step6CompLimitTimesPlanRate,
    step7,
    step8DollarLimit,
    skipped9to20,
    step9ElectiveDeferrals,
    step10,
    step11,
    step12HalfOfStep11,
    step13EmployerContribution,
    step14,
    step15Deferrals,
    step16,
    step17CatchUp,
    step18CatchUp,
    step19,
    step20Roth,
    step21MaxDeduction,
    compensation: step14,
    planRate,
    employerBoundBy,
    why,
  };
}
