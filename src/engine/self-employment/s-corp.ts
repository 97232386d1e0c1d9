/**
 * An S-corporation (or C-corporation) owner-employee in the corporation's one-participant
 * 401(k): compensation is the W-2 wages the corporation pays the owner, including elective
 * deferrals (IRC 415(c)(3)(D), 404(a)(12)); distributions and K-1 income are not compensation;
 * the employer nonelective contribution is at most 25% of compensation capped at 401(a)(17)
 * (IRC 404(a)(3)(A), 404(l)), and deferrals do not reduce that base (IRC 404(n)).
 */
import { inputError } from '../errors.js';
import { applyRate, formatUsd, nonNegative, type Cents, type Rate } from '../money.js';
import { rate, usd, type YearParameters } from '../params/index.js';
import { catchUpLimitFor } from './catch-up-limit.js';
import { checkPlanRate } from './pub560-deduction-worksheet.js';

export interface SCorpInput {
  /** W-2 wages from the corporation (box 5, i.e. including elective deferrals). */
  readonly wages: Cents;
  /** Nonelective rate, exact; default 25%. Above 25% is an error. */
  readonly planRate?: Rate;
  /** Deferrals wanted in this plan (no catch-up); at most the 402(g) left. */
  readonly electiveDeferrals: Cents;
  readonly deferralLimitLeft?: Cents;
  readonly catchUp: Cents;
  readonly age: number;
  /** 415(c) dollar room for this plan (less an aggregated 403(b)'s additions); default the limit. */
  readonly dollarLimit?: Cents;
}

export interface SCorpResult {
  /** 415(c)(3) compensation: the W-2 wages, including deferrals. */
  readonly compensation: Cents;
  /** Compensation the plan formula may use: capped at 401(a)(17). */
  readonly formulaCompensation: Cents;
  /** Deferrals allowed: the wanted amount, at most the compensation. */
  readonly deferrals: Cents;
  /** Catch-ups allowed: at most compensation left after deferrals (414(v)(2)(A)(ii)). */
  readonly catchUp: Cents;
  /** Plan rate × formula compensation (the 404(a)(3) deduction limit at 25%). */
  readonly rateCap: Cents;
  /** The maximum employer nonelective contribution. */
  readonly employerContribution: Cents;
  readonly employerBoundBy: 'rate' | 'dollar-limit' | 'compensation';
  /** This plan's 415(c) limit: the lesser of the dollar room and 100% of compensation. */
  readonly limit415c: Cents;
  readonly eligibilityNote: string;
  readonly why: readonly string[];
}

export const ONE_PARTICIPANT_NOTE =
  'A one-participant (solo) 401(k) covers only the business owners and their spouses; once the business has a common-law employee who meets the plan’s eligibility terms, that employee must be covered and the plan is no longer a one-participant plan (IRS, One-Participant 401(k) Plans).';

/** The most an S-corp owner-employee's plan can take: deferrals, catch-up, 25% nonelective. */
export function sCorpOwner(params: YearParameters, input: SCorpInput): SCorpResult {
  const plan = params.plan;
  for (const [field, v] of [
    ['wages', input.wages],
    ['electiveDeferrals', input.electiveDeferrals],
    ['catchUp', input.catchUp],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw inputError(field, 'must be a non-negative whole number of cents');
  }
  const planRate = input.planRate ?? rate(plan.profitSharingDeductionRate);
  checkPlanRate(params, planRate);
  const left402g = input.deferralLimitLeft ?? usd(plan.electiveDeferralLimit);
  if (input.electiveDeferrals > left402g) {
    throw inputError(
      'electiveDeferrals',
      `${formatUsd(input.electiveDeferrals)} is more than the ${formatUsd(left402g)} of 402(g) left`,
    );
  }
  const catchUpLimit = catchUpLimitFor(params, input.age);
  if (input.catchUp > catchUpLimit) {
    throw inputError(
      'catchUp',
      `${formatUsd(input.catchUp)} is more than the catch-up limit ${formatUsd(catchUpLimit)} at age ${String(input.age)}`,
    );
  }
  const full415 = usd(plan.annualAdditionsLimit);
  const dollarLimit = input.dollarLimit ?? full415;

  const compensation = input.wages;
  const formulaCompensation = Math.min(compensation, usd(plan.compensationLimit));
  // Deferrals come out of wages: they cannot exceed them.
  const deferrals = Math.min(input.electiveDeferrals, compensation);
  const catchUp = Math.min(input.catchUp, compensation - deferrals);
  const rateCap = applyRate(formulaCompensation, planRate);
  const limit415c = Math.min(dollarLimit, compensation);
  const dollarRoom = nonNegative(dollarLimit - deferrals);
  const compRoom = nonNegative(compensation - deferrals);
  const employerContribution = Math.min(rateCap, dollarRoom, compRoom);
  const employerBoundBy =
    employerContribution === rateCap
      ? 'rate'
      : employerContribution === dollarRoom
        ? 'dollar-limit'
        : 'compensation';
  return {
    compensation,
    formulaCompensation,
    deferrals,
    catchUp,
    rateCap,
    employerContribution,
    employerBoundBy,
    limit415c,
    eligibilityNote: ONE_PARTICIPANT_NOTE,
    why: [
      'compensation is the W-2 wages from the corporation, including deferrals; distributions are not compensation',
      `employer nonelective: at most the plan rate × ${formatUsd(formulaCompensation)} (wages capped at 401(a)(17)), and what the 415(c) limit leaves after deferrals`,
    ],
  };
}
