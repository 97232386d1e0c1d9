/**
 * The ADP test on a census and its correction (IRC 401(k)(3), (8); Treas. Reg. 1.401(k)-2): each
 * eligible employee's ratio of elective deferrals to compensation capped at 401(a)(17), the HCE
 * and NHCE averages and the limit (the ACP test's formula), and — when the plan fails — the
 * excess contributions by ratio leveling, apportioned by dollar leveling (the routine the ACP
 * correction uses), and each HCE's share corrected: kept as catch-up contributions up to the
 * catch-up room of a catch-up eligible HCE (Treas. Reg. 1.414(v)-1(b)(1)(iii), (d)(2)(iii),
 * 1.401(k)-2(b)(4)(v)), the rest distributed with its allocable income (Reg. 1.401(k)-2(b)(2)) or
 * recharacterized as after-tax employee contributions (Reg. 1.401(k)-2(b)(3)), which the ACP
 * test then counts.
 *
 * Deferrals above the 402(g) limit are catch-up contributions up to the catch-up limit for the
 * employee's age at December 31 (IRC 414(v); Reg. 1.414(v)-1(b)(1)(i)) and are not tested (Reg.
 * 1.401(k)-2(a)(5)(iii)); beyond the catch-up limit they are excess deferrals, counted for an HCE
 * (Reg. 1.401(k)-2(a)(4)(iii)) and not for an NHCE (Reg. 1.401(k)-2(a)(5)(ii), IRC 401(a)(30)).
 * Without an age or birth date an employee is taken as not catch-up eligible.
 */
import { InputError, type InputIssue } from '../errors.js';
import { applyRate, type Cents } from '../money.js';
import { acpConstants } from '../params/acp.js';
import { paramsFor, rate, usd } from '../params/index.js';
import { catchUpLimit } from '../rules/catch-up.js';
import { checkAcpOptions, planYearEndOf, type AcpOptions, type NhceSource } from './acp-test.js';
import { allocableIncome } from './allocable-income.js';
import type { Census } from './census.js';
import { addMonthsAndHalf, correctionDeadlines, type CorrectionDeadlines } from './deadlines.js';
import { splitGroups, type TestRows } from './groups.js';
import { determineHces, type HceDetermination } from './hce.js';
import { levelExcess, type LevelingResult } from './leveling.js';
import { qnecAlternative, type QnecAlternative } from './qnec-alternative.js';
import { acpLimitBps, averageBps, contributionRatioBps, percentShortText } from './ratios.js';
import { limitQnecs, qnecFloorBps, type QnecLimitInfo } from './targeted-qnec.js';

/** Which rows the ADP test counts. */
export interface AdpScope extends TestRows {
  /** The HCEs, when already determined for the census. */
  readonly hces?: HceDetermination;
}

/** The catch-ups the census shows, and the deferrals above every limit. */
export interface CatchUpSummary {
  /** The 402(g) limit for the year, cents. */
  readonly deferralLimit: Cents;
  /** Employees of the test catch-up eligible (age 50 or more at December 31). */
  readonly eligible: number;
  /** Deferrals above the 402(g) limit kept as catch-ups and left out of the test, cents. */
  readonly byLimit: Cents;
  readonly byLimitRows: number;
  /** Deferrals above the 402(g) limit and any catch-up: excess deferrals, cents. */
  readonly excessDeferrals: Cents;
  readonly excessDeferralRows: number;
  /** Rows above the 402(g) limit without an age or birth date (taken as not catch-up eligible). */
  readonly unknownAgeAboveLimit: number;
}

/** The ADP test's eligible employees: parallel arrays per group. */
export interface PreparedAdp {
  readonly census: Census;
  readonly options: AcpOptions;
  readonly hces: HceDetermination;
  readonly hceIndex: Int32Array;
  readonly hceAmount: Float64Array;
  readonly hceComp: Int32Array;
  readonly hceRatio: Float64Array;
  /** Each HCE's deferrals counted (the part a recharacterization may take), cents. */
  readonly hceDeferrals: Float64Array;
  /** Each HCE's catch-up limit not yet used by deferrals above 402(g), cents. */
  readonly hceCatchUpRoom: Float64Array;
  readonly nhceIndex: Int32Array;
  readonly nhceAmount: Float64Array;
  readonly nhceComp: Int32Array;
  readonly nhceAdpBps: number;
  readonly nhceSource: NhceSource;
  readonly compensationLimit: Cents;
  readonly ineligibleCount: number;
  readonly leftOutCount: number;
  readonly catchUps: CatchUpSummary;
  /** What the targeted QNEC limit did, or null when the QNECs count in the ACP test. */
  readonly qnecLimit: QnecLimitInfo | null;
}

/** One HCE's share of the correction of excess contributions. */
export interface AdpCorrection {
  readonly index: number;
  readonly id: string;
  /** The HCE's deferral ratio before the correction, bps. */
  readonly ratioBps: number;
  /** Contributions counted before the correction, cents. */
  readonly contributions: Cents;
  /** Excess contributions apportioned to this HCE by dollar leveling, cents. */
  readonly amount: Cents;
  /** Kept in the plan as catch-up contributions, cents. */
  readonly catchUp: Cents;
  /** Distributed, cents. */
  readonly refund: Cents;
  /** Recharacterized as after-tax employee contributions, cents. */
  readonly recharacterized: Cents;
  /** Income allocable to the refund through the end of the plan year, or null when unknown. */
  readonly allocableIncome: Cents | null;
}

export interface AdpResult {
  readonly year: number;
  readonly method: 'current' | 'prior';
  readonly correction: 'refund' | 'recharacterize';
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly ineligibleCount: number;
  readonly leftOutCount: number;
  readonly hceAdpBps: number;
  readonly nhceAdpBps: number;
  readonly nhceSource: NhceSource;
  readonly limitBps: number;
  readonly passed: boolean;
  /** `no-eligible-nhces`: deemed to pass (Reg. 1.401(k)-2(a)(1)(ii)). */
  readonly passReason: 'within-limit' | 'no-eligible-nhces' | null;
  readonly marginBps: number;
  readonly permittedRatioBps: number | null;
  readonly leveledHceAdpBps: number;
  readonly excessContributions: Cents;
  /** Only the HCEs with excess contributions, in census order. */
  readonly corrections: readonly AdpCorrection[];
  readonly catchUpTotal: Cents;
  readonly refundTotal: Cents;
  readonly recharacterizedTotal: Cents;
  readonly allocableIncomeTotal: Cents | null;
  readonly deadlines: CorrectionDeadlines;
  /** The last day to recharacterize (2½ months after the plan year, with or without an EACA). */
  readonly recharacterizationDeadline: string;
  /** 10% of the excess contributions not kept as catch-ups, if not corrected in time. */
  readonly exciseTaxIfLate: Cents;
  readonly qnecAlternative: QnecAlternative | null;
  readonly qnecLimit: QnecLimitInfo | null;
  readonly catchUps: CatchUpSummary;
}

/**
 * The ADP test's own option checks, against a census with deferrals: the prior year's NHCE ADP
 * under prior-year testing (or the first-year rule), and the correction chosen.
 */
export function checkAdpOptions(o: AcpOptions): void {
  checkAcpOptions(o);
  const issues: InputIssue[] = [];
  const prior = o.method === 'prior';
  const deemed = percentShortText(acpConstants.firstYearDeemedNhceAdpBps.value);
  const v = o.priorNhceAdpBps;
  if (v !== undefined && !prior) {
    issues.push({ path: 'priorNhceAdpBps', message: 'only applies to prior-year testing' });
  } else if (v !== undefined && o.firstYear) {
    issues.push({
      path: 'firstYear',
      message: `a plan’s first year has no prior-year NHCE ADP (it is deemed ${deemed}): give one or the other`,
    });
  } else if (prior && v === undefined && !o.firstYear) {
    issues.push({
      path: 'priorNhceAdpBps',
      message: `prior-year testing of a census with deferrals needs the prior year’s NHCE ADP (in a plan’s first year it is deemed ${deemed})`,
    });
  }
  if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 10_000)) {
    issues.push({
      path: 'priorNhceAdpBps',
      message: `expected hundredths of a percent from 0 to 10000, got ${String(v)}`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Splits the census into the ADP test's eligible HCEs and NHCEs: each row's deferrals less its
 * catch-ups by the 402(g) limit (an NHCE's also less excess deferrals), with its QNEC when the
 * QNECs are the ADP test's (an NHCE's held to the targeted QNEC limit), over capped pay.
 */
export function prepareAdpTest(
  census: Census,
  options: AcpOptions,
  scope: AdpScope = {},
): PreparedAdp {
  checkAdpOptions(options);
  const params = paramsFor(options.year, 'year');
  const cap = usd(params.plan.compensationLimit);
  const deferralLimit = usd(params.plan.electiveDeferralLimit);
  const catchUpAge = params.plan.catchUpAge.value;
  const regular = catchUpLimit(params, catchUpAge).cents;
  const superFirst = params.plan.superCatchUpFirstAge.value;
  const superLast = params.plan.superCatchUpLastAge.value;
  const superAmount = catchUpLimit(params, superFirst).cents;
  const hces =
    scope.hces ??
    determineHces(census, options.year, {
      ...(options.topPaidGroup ? { topPaidGroup: true } : {}),
    });
  const qnecHere = options.qnecTest === 'adp';
  const n = census.size;
  const counted = new Float64Array(n);
  const leftOut = scope.leftOut;
  let eligibleForCatchUp = 0;
  let byLimit = 0;
  let byLimitRows = 0;
  let excess = 0;
  let excessRows = 0;
  let unknownAge = 0;
  const births = census.columns.birthDate ? census.birthDate : null;
  const ages = census.columns.age ? census.age : null;
  const year = options.year;
  /** The age at December 31 of the plan year: from the birth date, else the age column, else -1. */
  const ageOf = (i: number): number => {
    const birth = births === null ? 0 : (births[i] ?? 0);
    return birth > 0 ? year - Math.floor(birth / 10_000) : (ages?.[i] ?? -1);
  };
  /** The catch-up limit at an age (IRC 414(v)(2)(B)(i), (E)); 0 for an unknown age. */
  const limitAt = (age: number): number =>
    age < catchUpAge ? 0 : age >= superFirst && age <= superLast ? superAmount : regular;
  for (let i = 0; i < n; i++) {
    if (census.eligible[i] !== 1 || leftOut?.[i] === 1) continue;
    const d = census.deferrals[i] ?? 0;
    const age = ageOf(i);
    const limit = limitAt(age);
    if (limit > 0) eligibleForCatchUp++;
    const over = Math.max(0, d - deferralLimit);
    const catchUp = Math.min(over, limit);
    const excessDeferral = over - catchUp;
    if (over > 0 && age < 0) unknownAge++;
    if (catchUp > 0) {
      byLimit += catchUp;
      byLimitRows++;
    }
    if (excessDeferral > 0) {
      excess += excessDeferral;
      excessRows++;
    }
    const hce = hces.isHce[i] === 1;
    counted[i] =
      (hce ? d - catchUp : d - catchUp - excessDeferral) + (qnecHere ? (census.qnec[i] ?? 0) : 0);
  }
  const hceCount = hces.byColumn + hces.byOwnership + hces.byPay;
  const g = splitGroups(census, hces.isHce, cap, [counted], scope, hceCount);
  const hn = g.hceIndex.length;
  const hceDeferrals = new Float64Array(hn);
  const hceCatchUpRoom = new Float64Array(hn);
  for (let j = 0; j < hn; j++) {
    const i = g.hceIndex[j] ?? 0;
    hceDeferrals[j] = (g.hceAmount[j] ?? 0) - (qnecHere ? (census.qnec[i] ?? 0) : 0);
    const limit = limitAt(ageOf(i));
    hceCatchUpRoom[j] =
      limit - Math.min(Math.max(0, (census.deferrals[i] ?? 0) - deferralLimit), limit);
  }
  let nhceRatioSum = g.nhceRatioSum;
  let qnecLimit: QnecLimitInfo | null = null;
  if (qnecHere) {
    const limited = limitQnecs(census, g, () => 0, qnecFloorBps(options.prevailingWage === true));
    qnecLimit = limited.info;
    nhceRatioSum = limited.nhceRatioSum;
  }
  let nhceAdpBps: number;
  let nhceSource: NhceSource;
  if (options.method === 'current') {
    nhceAdpBps = averageBps(nhceRatioSum, g.nhceIndex.length);
    nhceSource = 'current-year';
  } else if (options.priorNhceAdpBps !== undefined) {
    nhceAdpBps = options.priorNhceAdpBps;
    nhceSource = 'prior-year';
  } else {
    // checkAdpOptions: prior-year testing without a prior figure is the first-year rule
    nhceAdpBps = acpConstants.firstYearDeemedNhceAdpBps.value;
    nhceSource = 'first-year-deemed';
  }
  return {
    census,
    options,
    hces,
    hceIndex: g.hceIndex,
    hceAmount: g.hceAmount,
    hceComp: g.hceComp,
    hceRatio: g.hceRatio,
    hceDeferrals,
    hceCatchUpRoom,
    nhceIndex: g.nhceIndex,
    nhceAmount: g.nhceAmount,
    nhceComp: g.nhceComp,
    nhceAdpBps,
    nhceSource,
    compensationLimit: cap,
    ineligibleCount: g.ineligibleCount,
    leftOutCount: g.leftOutCount,
    catchUps: {
      deferralLimit,
      eligible: eligibleForCatchUp,
      byLimit,
      byLimitRows,
      excessDeferrals: excess,
      excessDeferralRows: excessRows,
      unknownAgeAboveLimit: unknownAge,
    },
    qnecLimit,
  };
}

/** Runs the ADP test on prepared groups and corrects it when it fails. */
export function evaluateAdp(p: PreparedAdp): AdpResult {
  const o = p.options;
  const hn = p.hceIndex.length;
  const nn = p.nhceIndex.length;
  let sum = 0;
  for (let j = 0; j < hn; j++) sum += p.hceRatio[j] ?? 0;
  const hceAdp = averageBps(sum, hn);
  const limit = acpLimitBps(p.nhceAdpBps);
  const noNhces = o.method === 'current' && nn === 0;
  const passed = noNhces || hceAdp <= limit;
  const planYearEnd = planYearEndOf(o);
  const base = {
    year: o.year,
    method: o.method,
    correction: o.adpCorrection ?? 'refund',
    hceCount: hn,
    nhceCount: nn,
    ineligibleCount: p.ineligibleCount,
    leftOutCount: p.leftOutCount,
    hceAdpBps: hceAdp,
    nhceAdpBps: p.nhceAdpBps,
    nhceSource: p.nhceSource,
    limitBps: limit,
    marginBps: limit - hceAdp,
    deadlines: correctionDeadlines(planYearEnd, { ...(o.eaca ? { eaca: true } : {}) }),
    recharacterizationDeadline: addMonthsAndHalf(
      planYearEnd,
      acpConstants.recharacterizationMonths.value,
    ),
    qnecLimit: p.qnecLimit,
    catchUps: p.catchUps,
  } as const;
  if (passed) {
    return {
      ...base,
      passed: true,
      passReason: noNhces ? 'no-eligible-nhces' : 'within-limit',
      permittedRatioBps: null,
      leveledHceAdpBps: hceAdp,
      excessContributions: 0,
      corrections: [],
      catchUpTotal: 0,
      refundTotal: 0,
      recharacterizedTotal: 0,
      allocableIncomeTotal: 0,
      exciseTaxIfLate: 0,
      qnecAlternative: null,
    };
  }
  const lev = levelExcess({
    amounts: p.hceAmount,
    compensations: p.hceComp,
    ratios: p.hceRatio,
    limitBps: limit,
  });
  const recharacterize = o.adpCorrection === 'recharacterize';
  const corrections: AdpCorrection[] = [];
  let catchUpTotal = 0;
  let refundTotal = 0;
  let rechTotal = 0;
  let income: number | null = 0;
  for (let j = 0; j < hn; j++) {
    const amount = lev.reductions[j] ?? 0;
    if (amount <= 0) continue;
    const i = p.hceIndex[j] ?? 0;
    const catchUp = Math.min(amount, p.hceCatchUpRoom[j] ?? 0);
    const rest = amount - catchUp;
    const rech = recharacterize ? Math.min(rest, p.hceDeferrals[j] ?? 0) : 0;
    const refund = rest - rech;
    const inc = refund > 0 ? allocableIncome(p.census, i, refund, o.gainRateBps) : 0;
    corrections.push({
      index: i,
      id: p.census.idAt(i),
      ratioBps: p.hceRatio[j] ?? 0,
      contributions: p.hceAmount[j] ?? 0,
      amount,
      catchUp,
      refund,
      recharacterized: rech,
      allocableIncome: inc,
    });
    catchUpTotal += catchUp;
    refundTotal += refund;
    rechTotal += rech;
    income = income === null || inc === null ? null : income + inc;
  }
  return {
    ...base,
    passed: false,
    passReason: null,
    permittedRatioBps: lev.permittedRatioBps,
    leveledHceAdpBps: lev.leveledAverageBps,
    excessContributions: lev.totalExcess,
    corrections,
    catchUpTotal,
    refundTotal,
    recharacterizedTotal: rechTotal,
    allocableIncomeTotal: income,
    exciseTaxIfLate: applyRate(lev.totalExcess - catchUpTotal, rate(acpConstants.exciseTaxRate)),
    qnecAlternative:
      o.method === 'current'
        ? qnecAlternative({
            census: p.census,
            nhceIndex: p.nhceIndex,
            nhceAmount: p.nhceAmount,
            nhceComp: p.nhceComp,
            nhceAverageBps: p.nhceAdpBps,
            hceAverageBps: hceAdp,
            qnecInTest: o.qnecTest === 'adp',
            qnecLimitBps:
              p.qnecLimit === null || p.qnecLimit.representativeRateBps === null
                ? null
                : p.qnecLimit.limitRateBps,
            otherAmount: () => 0,
            floorBps: qnecFloorBps(o.prevailingWage === true),
          })
        : null,
  };
}

/** One HCE in a bare ADP correction: elective deferrals and compensation, cents. */
export interface AdpHce {
  readonly deferrals: Cents;
  readonly compensation: Cents;
}

/**
 * The correction alone, for HCEs given directly: excess contributions to a maximum HCE ADP (bps)
 * by the shared leveling routine, in input order.
 */
export function correctAdp(hces: readonly AdpHce[], maxHceAdpBps: number): LevelingResult {
  const amounts = Float64Array.from(hces, (h) => h.deferrals);
  const compensations = Float64Array.from(hces, (h) => h.compensation);
  const ratios = Float64Array.from(hces, (h) => contributionRatioBps(h.deferrals, h.compensation));
  return levelExcess({ amounts, compensations, ratios, limitBps: maxHceAdpBps });
}
