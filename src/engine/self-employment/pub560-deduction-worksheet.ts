/**
 * The Pub 560 Deduction Worksheet for Self-Employed, steps 1-21, for a sole proprietor or
 * partner with one defined contribution plan: the most the owner can contribute and deduct for
 * themself (IRS Pub 560 ch. 5; IRC 401(c)(2), 404(a)(3), 404(a)(8), 401(a)(17), 402(g),
 * 414(v), 415(c)). Steps are named as on the worksheet so a reviewer can hold one against the
 * other. An owner who contributes less than the most (an elected employer contribution) enters
 * that amount on Step 13; Steps 14-21 then follow from it, so a smaller contribution leaves more
 * earned income for deferrals and catch-ups.
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
import { percentOf } from './param-text.js';
import { FULL_PRECISION, selfEmployedRate, type RateRounding } from './pub560-rate.js';

export type HalfRounding = 'down' | 'half-up';

/**
 * The employer contribution the owner makes for themself: the most the worksheet allows, an
 * amount, or a rate of Step 3 (net earnings less the deductible half of SE tax).
 */
export type EmployerElection =
  'max' | { readonly amount: Cents } | { readonly rateOfNetEarnings: Rate };

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
  /** Step 13 when the owner contributes less than the most; default 'max'. */
  readonly employerElection?: EmployerElection;
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
  readonly step9ElectiveDeferrals: Cents;
  readonly step10: Cents;
  readonly step11: Cents;
  readonly step12HalfOfStep11: Cents;
  /** The most the worksheet allows on Step 13: the smallest of Steps 7, 10 and 12. */
  readonly maxEmployerContribution: Cents;
  /** Step 13: the employer (profit-sharing) contribution for yourself: the election, at most the maximum. */
  readonly step13EmployerContribution: Cents;
  /** The part of an elected contribution above the maximum (not contributed; an error to fix). */
  readonly electionExcess: Cents;
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
  /** What set Step 13: Step 7, 10 or 12 (the maximum), or the owner's election below it. */
  readonly employerBoundBy: 'step7' | 'step10' | 'step12' | 'election';
  /** How Step 4's rate was found (exact, or rounded to the Rate Table's or Worksheet's places). */
  readonly step4Why: string;
  /** What set Step 13. */
  readonly step13Why: string;
}

function amount(field: string, c: Cents): void {
  if (!Number.isSafeInteger(c) || c < 0) {
    throw inputError(field, 'must be a non-negative whole number of cents');
  }
}

/** Checks a plan rate: from 0 to the 404(a)(3)(A) deduction limit (25%). */
export function checkPlanRate(params: YearParameters, planRate: Rate, field = 'planRate'): void {
  const capParam = params.plan.profitSharingDeductionRate;
  const cap = rate(capParam);
  if (planRate.num < 0 || planRate.num * cap.den > cap.num * planRate.den) {
    throw inputError(
      field,
      `must be from 0 to ${percentOf(capParam).replace('%', '')} percent, the deduction limit of a profit-sharing plan (${capParam.citation}), got ${String((planRate.num / planRate.den) * 100)}`,
    );
  }
}

const BOUND_WHY: Readonly<Record<DeductionWorksheet['employerBoundBy'], string>> = {
  step7: 'Step 7, the rate on net earnings',
  step10: 'Step 10, the 415(c) dollar room left after deferrals',
  step12: 'Step 12, half of net earnings after deferrals (the 100%-of-compensation limit)',
  election: 'the amount elected, below the maximum',
};

/** The cents an employer election asks for ('max' is the most the worksheet allows). */
function electedEmployer(e: EmployerElection, max: Cents, step3: Cents): Cents {
  if (e === 'max') return max;
  if ('amount' in e) {
    amount('employerElection.amount', e.amount);
    return e.amount;
  }
  if (e.rateOfNetEarnings.num < 0) throw inputError('employerElection', 'must not be negative');
  return applyRate(step3, e.rateOfNetEarnings);
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
  const step9ElectiveDeferrals = input.electiveDeferrals;
  const step10 = nonNegative(step8DollarLimit - step9ElectiveDeferrals);
  const step11 = nonNegative(step3NetEarnings - step9ElectiveDeferrals);
  const step12HalfOfStep11 = applyRate(
    step11,
    rate(K.worksheetHalfShare),
    input.step12Rounding === 'half-up' ? 'half-up' : 'down',
  );
  const maxEmployerContribution = Math.min(step7, step10, step12HalfOfStep11);
  const elected = electedEmployer(
    input.employerElection ?? 'max',
    maxEmployerContribution,
    step3NetEarnings,
  );
  const step13EmployerContribution = Math.min(elected, maxEmployerContribution);
  const employerBoundBy =
    elected < maxEmployerContribution
      ? 'election'
      : maxEmployerContribution === step7
        ? 'step7'
        : maxEmployerContribution === step10
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
  // With no deferrals the worksheet skips Steps 9-20 and enters the smaller of Steps 7 and 8:
  // that is Step 13 then (Step 12, half of Step 3, is never below Step 7 at a rate of at most
  // 25%), which Step 19 − Step 20 also gives.
  const step21MaxDeduction = step19 - step20Roth;

  return {
    step1NetProfit,
    step2SeTaxDeduction,
    step3NetEarnings,
    step4SelfEmployedRate,
    step5,
    step6CompLimitTimesPlanRate,
    step7,
    step8DollarLimit,
    step9ElectiveDeferrals,
    step10,
    step11,
    step12HalfOfStep11,
    maxEmployerContribution,
    step13EmployerContribution,
    electionExcess: Math.max(0, elected - maxEmployerContribution),
    step14,
    step15Deferrals,
    step16,
    step17CatchUp,
    step18CatchUp,
    step19,
    step20Roth,
    step21MaxDeduction,
    compensation: step14,
    employerBoundBy,
    step4Why: seRate.why,
    step13Why: `set by ${BOUND_WHY[employerBoundBy]}`,
  };
}
