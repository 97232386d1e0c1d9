/**
 * The solo 401(k)'s 415(c) room and after-tax room for one owner, at both ends of the
 * trade-off (maximum employer contribution; no employer contribution and the most after-tax
 * money), beside W-2 jobs elsewhere (IRC 401(c)(2), 402(g), 414(v), 415(c), 415(f);
 * Treas. Reg. 1.415(f)-1(f); IRS Pub 560 ch. 5).
 *
 * Rules, in the order they are applied:
 * - 402(g) is per person: the solo plan's deferrals get only what other plans left.
 * - Compensation of a self-employed person = net earnings (worksheet Step 3, which already
 *   subtracts the deductible half of SE tax) − the deductible contribution for themself
 *   (Step 13). After-tax contributions are not deductible and do not reduce it.
 * - 415(c) is per employer: the solo plan has its own limit, the lesser of the dollar limit
 *   and 100% of its own compensation, unless aggregated.
 * - The 403(b) trap: a 403(b) is treated as maintained by its participant, so when the
 *   participant controls (more than 50%) the business, the 403(b) is aggregated with the
 *   business's plans (Treas. Reg. 1.415(f)-1(f)(2)). Its annual additions then share one
 *   dollar limit with the solo plan; for that combined limit compensation from both employers
 *   may be added, while the solo plan also stays within 100% of its own compensation. A 401(k)
 *   at an unrelated employer is never aggregated this way.
 * - Catch-ups do not count toward 415(c) (414(v)(3)(A)).
 *
 * The trade-off: each dollar of employer contribution lowers compensation by a dollar and uses
 * a dollar of 415(c) room. Moving a dollar from employer money to after-tax money gives up a
 * deduction worth the marginal rate today (t) and turns a pre-tax dollar, taxed at the marginal
 * rate when withdrawn (r), into a dollar that becomes Roth and is never taxed again. Per dollar
 * of cash spent today, the employer dollar gives (1 − r)/(1 − t) of a Roth dollar, so with the
 * same total in the two ends are worth the same when t = r. Any extra total the no-employer end
 * fits (when 100% of compensation binds) is extra tax-free room on top.
 */
import { inputError } from '../errors.js';
import { formatUsd, nonNegative, type Cents, type Rate } from '../money.js';
import { usd, type YearParameters } from '../params/index.js';
import { catchUpLimitFor, checkAge } from './catch-up-limit.js';
import {
  deductionWorksheet,
  type DeductionWorksheet,
  type HalfRounding,
} from './pub560-deduction-worksheet.js';
import { checkRateRounding, type RateRounding } from './pub560-rate.js';
import { sCorpOwner, type SCorpResult } from './s-corp.js';
import { scheduleSe, type FilingStatus, type ScheduleSe } from './schedule-se.js';

export type Business =
  | { readonly kind: 'self-employed'; readonly netProfit: Cents }
  | { readonly kind: 's-corp'; readonly wages: Cents };

/** A 403(b) that must be aggregated with the solo plan because the participant controls the business. */
export interface Aggregated403b {
  /** The 403(b)'s annual additions for the year: deferrals (not catch-ups) + employer money. */
  readonly annualAdditions: Cents;
  /** Compensation from the employer that provides the 403(b). */
  readonly compensation: Cents;
}

export interface SoloRoomInput {
  readonly business: Business;
  /** W-2 Social Security wages from other jobs (Schedule SE line 8d). */
  readonly w2SocialSecurityWages: Cents;
  /** W-2 Medicare wages from other jobs (Form 8959); default the Social Security wages. */
  readonly w2MedicareWages?: Cents;
  readonly filingStatus: FilingStatus;
  /** 402(g) already used by deferrals in other plans this year (not catch-ups). */
  readonly deferralsElsewhere: Cents;
  /** Catch-ups already made in other plans this year. */
  readonly catchUpElsewhere?: Cents;
  /** Deferrals wanted in the solo plan (no catch-up); default all of the 402(g) left. */
  readonly electiveDeferrals?: Cents;
  /** Catch-ups wanted in the solo plan; default all of the catch-up left for the age. */
  readonly catchUp?: Cents;
  /** Age at December 31. */
  readonly age: number;
  /** The solo plan's deferrals and catch-ups are designated Roth. */
  readonly rothDeferrals: boolean;
  /** Plan rate, exact; default 25%. */
  readonly planRate?: Rate;
  readonly rateRounding?: RateRounding;
  readonly step12Rounding?: HalfRounding;
  /** Present (with additions > 0) when the participant controls the business and has a 403(b) elsewhere. */
  readonly aggregated403b?: Aggregated403b;
}

/** One end of the trade-off. */
export interface SoloEnd {
  readonly employerContribution: Cents;
  readonly employeeDeferral: Cents;
  readonly catchUp: Cents;
  /** Compensation for 415(c) and for the plan: Step 3 − Step 13 (self-employed) or the wages (S-corp). */
  readonly compensation: Cents;
  /** The most annual additions this plan can take (own limit, and the combined room when aggregated). */
  readonly limit415c: Cents;
  readonly afterTaxRoom: Cents;
  /** Everything that goes in: employer + deferrals + catch-up + after-tax. */
  readonly total: Cents;
  /** Deductible: employer contribution + pre-tax deferrals and catch-ups. */
  readonly deduction: Cents;
  /** True when the combined-compensation test of an aggregated 403(b) lowered an amount. */
  readonly combinedCompensationBound: boolean;
}

export interface AggregationFinding {
  readonly applied: boolean;
  readonly rule: 'own-limit' | '403b-aggregated';
  /** The 415(c) dollar limit for the year. */
  readonly dollarLimit: Cents;
  /** Dollar room left for the solo plan (limit − aggregated 403(b) additions). */
  readonly dollarRoomLeft: Cents;
  readonly explanation: string;
  readonly citation: string;
  readonly warnings: readonly string[];
}

export interface SoloRoom {
  readonly business: Business['kind'];
  readonly scheduleSe: ScheduleSe | null;
  /** The Pub 560 worksheet at the maximum-employer end (self-employed only). */
  readonly worksheet: DeductionWorksheet | null;
  readonly sCorp: SCorpResult | null;
  readonly deferralLimit: Cents;
  readonly deferralLimitLeft: Cents;
  readonly catchUpLimit: Cents;
  readonly catchUpLeft: Cents;
  readonly aggregation: AggregationFinding;
  readonly maxEmployer: SoloEnd;
  readonly noEmployer: SoloEnd;
  readonly tradeOff: {
    /** Deduction at the max end minus at the no-employer end. */
    readonly deductionGivenUp: Cents;
    /** Total in at the no-employer end minus at the max end (≥ 0 when 100% of compensation binds). */
    readonly extraTotalAtNoEmployerEnd: Cents;
    readonly breakEven: string;
  };
  readonly notes: readonly string[];
}

function cents(field: string, c: Cents | undefined): void {
  if (c === undefined) return;
  if (!Number.isSafeInteger(c) || c < 0)
    throw inputError(field, 'must be a non-negative whole number of cents');
}

const AGG_CITE =
  'IRC 415(k)(4); Treas. Reg. 1.415(f)-1(f)(1)-(2); IRS Issue Snapshot "403(b) Plan – Application of IRC Section 415(c) when a 403(b) plan is aggregated with a Section 401(a) defined contribution plan"; Tax Facts Q 4045';

function aggregationFinding(
  params: YearParameters,
  agg: Aggregated403b | undefined,
): AggregationFinding {
  const limit = usd(params.plan.annualAdditionsLimit);
  if (!agg || agg.annualAdditions === 0) {
    return {
      applied: false,
      rule: 'own-limit',
      dollarLimit: limit,
      dollarRoomLeft: limit,
      explanation:
        `The solo plan has its own 415(c) limit of ${formatUsd(limit)} (or 100% of its compensation, if less): 415(c) applies per employer, and plans of unrelated employers — such as a W-2 job's 401(k) — are not added together. ` +
        'Only 402(g) (deferrals) is shared across all plans. If you also have a 403(b) and control this business, give its additions: a 403(b) is treated as your own plan and is aggregated.',
      citation:
        'IRC 415(c)(1), 415(f)(1), 402(g)(1); IRS "Greg, 46" example (one-participant 401(k) beside an unrelated 401(k))',
      warnings: [],
    };
  }
  const warnings: string[] = [];
  const own403b = Math.min(limit, agg.compensation);
  if (agg.annualAdditions > own403b) {
    warnings.push(
      `the 403(b)'s additions ${formatUsd(agg.annualAdditions)} exceed its own limit ${formatUsd(own403b)} (the lesser of ${formatUsd(limit)} and 100% of the 403(b) employer's compensation): the 403(b) itself has an excess`,
    );
  }
  const left = nonNegative(limit - agg.annualAdditions);
  return {
    applied: true,
    rule: '403b-aggregated',
    dollarLimit: limit,
    dollarRoomLeft: left,
    explanation:
      `A 403(b) is treated as maintained by its participant, and you control this business, so your 403(b) counts as a plan of this business too: its ${formatUsd(agg.annualAdditions)} of annual additions (deferrals and the employer's money) share one ${formatUsd(limit)} limit with the solo plan, leaving ${formatUsd(left)}. ` +
      'For that combined limit, compensation from both employers may be added; the solo plan must also stay within 100% of its own compensation. A 401(k) at the other employer would not be aggregated.',
    citation: AGG_CITE,
    warnings,
  };
}

interface EndInput {
  readonly employer: Cents;
  readonly deferral: Cents;
  readonly catchUp: Cents;
  readonly compensation: Cents;
}

/** Limits one end by the plan's own 415(c) limit and, when aggregated, the combined limit. */
function finishEnd(
  params: YearParameters,
  e: EndInput,
  agg: Aggregated403b | undefined,
  roth: boolean,
): SoloEnd {
  const limit = usd(params.plan.annualAdditionsLimit);
  const ownLimit = Math.min(limit, e.compensation);
  let employer = e.employer;
  let deferral = e.deferral;
  let limit415c = ownLimit;
  let combinedCompensationBound = false;
  if (agg && agg.annualAdditions > 0) {
    // Combined limit: lesser of the dollar limit and compensation from both employers, less the
    // 403(b)'s additions. Compensation here already reflects this end's employer contribution.
    const combinedRoom = nonNegative(
      Math.min(limit, e.compensation + agg.compensation) - agg.annualAdditions,
    );
    limit415c = Math.min(ownLimit, combinedRoom);
    if (employer + deferral > limit415c) {
      // Only when the 403(b) employer's compensation is small: lower the deferral first to fit,
      // then the employer contribution (the worksheet's Step 8 used the dollar room only).
      combinedCompensationBound = true;
      deferral = Math.min(deferral, limit415c);
      employer = Math.min(employer, nonNegative(limit415c - deferral));
    }
  }
  const afterTaxRoom = nonNegative(limit415c - employer - deferral);
  const total = employer + deferral + e.catchUp + afterTaxRoom;
  const deduction = employer + (roth ? 0 : deferral + e.catchUp);
  return {
    employerContribution: employer,
    employeeDeferral: deferral,
    catchUp: e.catchUp,
    compensation: e.compensation,
    limit415c,
    afterTaxRoom,
    total,
    deduction,
    combinedCompensationBound,
  };
}

/** The solo plan's room at both ends of the trade-off (see the module comment for the rules). */
export function soloRoom(params: YearParameters, input: SoloRoomInput): SoloRoom {
  checkAge(input.age);
  cents('w2SocialSecurityWages', input.w2SocialSecurityWages);
  cents('w2MedicareWages', input.w2MedicareWages);
  cents('deferralsElsewhere', input.deferralsElsewhere);
  cents('catchUpElsewhere', input.catchUpElsewhere);
  if (input.rateRounding) checkRateRounding(input.rateRounding);
  if (input.aggregated403b) {
    cents('aggregated403b.annualAdditions', input.aggregated403b.annualAdditions);
    cents('aggregated403b.compensation', input.aggregated403b.compensation);
  }
  const plan = params.plan;
  const deferralLimit = usd(plan.electiveDeferralLimit);
  if (input.deferralsElsewhere > deferralLimit) {
    throw inputError(
      'deferralsElsewhere',
      `${formatUsd(input.deferralsElsewhere)} is more than the ${formatUsd(deferralLimit)} 402(g) limit for ${String(params.year)}; count catch-ups separately, and an amount above the limit is an excess deferral to correct`,
    );
  }
  const deferralLimitLeft = deferralLimit - input.deferralsElsewhere;
  const catchUpLimit = catchUpLimitFor(params, input.age);
  const catchUpElsewhere = input.catchUpElsewhere ?? 0;
  if (catchUpElsewhere > catchUpLimit) {
    throw inputError(
      'catchUpElsewhere',
      `is more than the ${formatUsd(catchUpLimit)} catch-up limit at age ${String(input.age)}`,
    );
  }
  const catchUpLeft = catchUpLimit - catchUpElsewhere;
  cents('electiveDeferrals', input.electiveDeferrals);
  cents('catchUp', input.catchUp);
  const deferralsWanted = input.electiveDeferrals ?? deferralLimitLeft;
  const catchUpWanted = input.catchUp ?? catchUpLeft;
  if (deferralsWanted > deferralLimitLeft) {
    throw inputError(
      'electiveDeferrals',
      `${formatUsd(deferralsWanted)} is more than the ${formatUsd(deferralLimitLeft)} of 402(g) left after other plans`,
    );
  }
  if (catchUpWanted > catchUpLeft) {
    throw inputError(
      'catchUp',
      `${formatUsd(catchUpWanted)} is more than the ${formatUsd(catchUpLeft)} of catch-up left`,
    );
  }
  const agg = input.aggregated403b;
  const aggregation = aggregationFinding(params, agg);
  const roth = input.rothDeferrals;
  const notes: string[] = [...aggregation.warnings];

  let se: ScheduleSe | null = null;
  let worksheet: DeductionWorksheet | null = null;
  let sCorp: SCorpResult | null = null;
  let maxEnd: EndInput;
  let noEnd: EndInput;

  if (input.business.kind === 'self-employed') {
    const seInput = {
      netProfit: input.business.netProfit,
      w2SocialSecurityWages: input.w2SocialSecurityWages,
      filingStatus: input.filingStatus,
      ...(input.w2MedicareWages === undefined ? {} : { w2MedicareWages: input.w2MedicareWages }),
    };
    se = scheduleSe(params, seInput);
    worksheet = deductionWorksheet(params, {
      netProfit: input.business.netProfit,
      seTaxDeduction: se.line13Deduction,
      ...(input.planRate ? { planRate: input.planRate } : {}),
      ...(input.rateRounding ? { rateRounding: input.rateRounding } : {}),
      ...(input.step12Rounding ? { step12Rounding: input.step12Rounding } : {}),
      electiveDeferrals: deferralsWanted,
      deferralLimitLeft,
      catchUp: catchUpWanted,
      age: input.age,
      rothDeferrals: roth ? deferralsWanted + catchUpWanted : 0,
      dollarLimit: aggregation.dollarRoomLeft,
    });
    maxEnd = {
      employer: worksheet.step13EmployerContribution,
      deferral: worksheet.step15Deferrals,
      catchUp: worksheet.step18CatchUp,
      compensation: worksheet.compensation,
    };
    // No employer contribution: compensation is all of Step 3; deferrals and catch-ups come out of it.
    const s3 = worksheet.step3NetEarnings;
    const d = Math.min(deferralsWanted, s3);
    noEnd = {
      employer: 0,
      deferral: d,
      catchUp: Math.min(catchUpWanted, s3 - d),
      compensation: s3,
    };
    if (se.belowFloor)
      notes.push(
        `net earnings under ${formatUsd(usd(params.payroll.seMinimumNetEarnings))}: no SE tax`,
      );
  } else {
    sCorp = sCorpOwner(params, {
      wages: input.business.wages,
      ...(input.planRate ? { planRate: input.planRate } : {}),
      electiveDeferrals: deferralsWanted,
      deferralLimitLeft,
      catchUp: catchUpWanted,
      age: input.age,
      dollarLimit: aggregation.dollarRoomLeft,
    });
    maxEnd = {
      employer: sCorp.employerContribution,
      deferral: sCorp.deferrals,
      catchUp: sCorp.catchUp,
      compensation: sCorp.compensation,
    };
    noEnd = { ...maxEnd, employer: 0 };
    notes.push(sCorp.eligibilityNote);
    notes.push('S-corp distributions are not compensation; only the W-2 wages count');
  }

  const maxEmployer = finishEnd(params, maxEnd, agg, roth);
  const noEmployer = finishEnd(params, noEnd, agg, roth);
  if (input.business.kind === 's-corp') {
    const wages = input.business.wages;
    const fromPay = noEmployer.employeeDeferral + noEmployer.catchUp + noEmployer.afterTaxRoom;
    if (fromPay > wages) {
      notes.push(
        `deferrals, catch-up and after-tax money all come out of pay: at the no-employer end they add up to ${formatUsd(fromPay)}, more than the ${formatUsd(wages)} of wages, so take-home pay caps what can really go in`,
      );
    }
    const threshold = usd(plan.rothCatchUpWageThreshold);
    if (plan.rothCatchUpRequired.value && maxEmployer.catchUp > 0 && wages > threshold) {
      notes.push(
        `if last year's FICA wages from the corporation exceeded ${formatUsd(threshold)}, the catch-up must be designated Roth (IRC 414(v)(7))`,
      );
    }
  }
  if (maxEmployer.combinedCompensationBound || noEmployer.combinedCompensationBound) {
    notes.push(
      'the combined 415(c) limit with the 403(b) is below the dollar room because compensation from both employers is small: contributions were lowered to fit it',
    );
  }
  if (input.deferralsElsewhere > 0 && deferralLimitLeft === 0) {
    notes.push(
      '402(g) is used up by deferrals in other plans: no elective deferrals in the solo plan',
    );
  }
  const extra = noEmployer.total - maxEmployer.total;
  return {
    business: input.business.kind,
    scheduleSe: se,
    worksheet,
    sCorp,
    deferralLimit,
    deferralLimitLeft,
    catchUpLimit,
    catchUpLeft,
    aggregation,
    maxEmployer,
    noEmployer,
    tradeOff: {
      deductionGivenUp: maxEmployer.deduction - noEmployer.deduction,
      extraTotalAtNoEmployerEnd: extra,
      breakEven:
        maxEmployer.employerContribution === 0
          ? 'there is no employer contribution to trade for after-tax room'
          : `The two ends are worth the same when your marginal rate today equals your marginal rate when the employer money is withdrawn (t = r): per dollar of cash today an employer dollar gives (1 − r)/(1 − t) of a Roth dollar. Above that the maximum employer contribution wins; below it the after-tax end wins.` +
            (extra > 0
              ? ` The no-employer end also puts ${formatUsd(extra)} more in, because the smaller contribution leaves more compensation for the 100%-of-compensation limit.`
              : ''),
    },
    notes,
  };
}
