/**
 * The ACP test on a census and its correction (IRC 401(m)(2), (3), (6); Treas. Reg.
 * 1.401(m)-2): each eligible employee's ratio of counted contributions to compensation capped at
 * 401(a)(17), the HCE and NHCE averages, the limit, and — when the plan fails — the excess
 * aggregate contributions by ratio leveling, given back by dollar leveling, split per HCE into
 * after-tax money first and then match (vested match distributed, unvested forfeited), each
 * refund with its allocable income. NHCEs' QNECs count only up to the targeted QNEC limit
 * (Reg. 1.401(m)-2(a)(6)(v)); excess contributions recharacterized in the ADP test count as
 * after-tax money (Reg. 1.401(m)-2(a)(4)(ii)).
 */
import { isoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import { acpConstants } from '../params/acp.js';
import { paramsFor, rate, usd } from '../params/index.js';
import { applyRate, type Cents } from '../money.js';
import { allocableIncome } from './allocable-income.js';
import type { Census } from './census.js';
import { correctionDeadlines, type CorrectionDeadlines } from './deadlines.js';
import { splitGroups, type RatioSpread, type TestRows } from './groups.js';
import { determineHces, type HceDetermination } from './hce.js';
import { levelExcess, spreadOf } from './leveling.js';
import { qnecAlternative, type QnecAlternative } from './qnec-alternative.js';
import { acpLimitBps, averageBps, contributionRatioBps, percentShortText } from './ratios.js';
import { limitQnecs, qnecCap, qnecFloorBps, type QnecLimitInfo } from './targeted-qnec.js';

/** How the tests are run (the ACP test's options, and the ADP test's beside them). */
export interface AcpOptions {
  /** Plan year (calendar year of the plan year's end for the deadlines). */
  readonly year: number;
  /** `current`: this year's NHCE averages; `prior`: the prior year's (401(k)(3), 401(m)(3)). */
  readonly method: 'current' | 'prior';
  /** Prior-year method: the NHCE ACP of the prior year, bps. */
  readonly priorNhceAcpBps?: number;
  /** Prior-year method with deferrals in the census: the NHCE ADP of the prior year, bps. */
  readonly priorNhceAdpBps?: number;
  /** Prior-year method in the plan's first year: NHCE ACP (and ADP) deemed 3%. */
  readonly firstYear?: boolean;
  /**
   * Safe-harbor plan: the ADP test is met (Reg. 1.401(k)-3) and after-tax money (and QNECs) is
   * tested alone, match left out (Reg. 1.401(m)-2(a)(5)(iv)).
   */
  readonly safeHarbor?: boolean;
  /** Top-paid group election for HCEs by pay (414(q)(3)). */
  readonly topPaidGroup?: boolean;
  /** Last day of the plan year, YYYY-MM-DD (default December 31 of `year`). */
  readonly planYearEnd?: string;
  /** The plan has an eligible automatic contribution arrangement (6-month excise-tax deadline). */
  readonly eaca?: boolean;
  /** Vested share of match for employees without a vesting column, bps (default 10000). */
  readonly defaultVestedBps?: number;
  /** The test the census's QNECs count in (default `acp`; Reg. 1.401(k)-2(a)(6)(vi)). */
  readonly qnecTest?: 'acp' | 'adp';
  /** The QNECs are made for prevailing wages: they count up to 10% of pay (not 5%). */
  readonly prevailingWage?: boolean;
  /**
   * The plan's gain or loss for the year as a share of the tested accounts (beginning balance +
   * the year's contributions), hundredths of a percent, negative for a loss: the income
   * allocable to refunds for rows without the census's `gain_loss`.
   */
  readonly gainRateBps?: number;
  /** How excess contributions are corrected: distributed (default) or recharacterized. */
  readonly adpCorrection?: 'refund' | 'recharacterize';
  /**
   * Otherwise excludable employees (IRC 410(b)(4)(B)): tested apart from the others
   * (`separate`, Reg. 1.401(k)-2(a)(1)(iii)(B)) or the excludable NHCEs left out (`drop-nhces`,
   * (iii)(A)); absent: everyone eligible is tested together.
   */
  readonly excludable?: 'separate' | 'drop-nhces';
}

/** Where an NHCE average came from. */
export type NhceSource = 'current-year' | 'prior-year' | 'first-year-deemed';

/** Which rows one test counts and what came before it. */
export interface AcpScope extends TestRows {
  /** The HCEs, when already determined for the census (every test of it uses the same). */
  readonly hces?: HceDetermination;
  /** After-tax money added per census row: excess contributions recharacterized, cents. */
  readonly recharacterized?: Float64Array;
}

/** The eligible employees of one test, ready for the what-ifs: parallel arrays per group. */
export interface PreparedTest {
  readonly census: Census;
  readonly options: AcpOptions;
  readonly hces: HceDetermination;
  /** After-tax money added per census row by recharacterization, or null. */
  readonly recharacterized: Float64Array | null;
  /** 1 for a row this test leaves out (tested apart or disregarded), or null for none. */
  readonly leftOut: Uint8Array | null;
  /** Census index of each eligible HCE. */
  readonly hceIndex: Int32Array;
  /** Counted contributions, cents. */
  readonly hceAmount: Float64Array;
  /** Compensation capped at 401(a)(17), cents. */
  readonly hceComp: Int32Array;
  readonly hceRatio: Float64Array;
  /** `hceRatio`'s least, greatest and sum, taken in the split (one pass over the HCEs less). */
  readonly hceRatioSpread: RatioSpread;
  readonly nhceIndex: Int32Array;
  readonly nhceAmount: Float64Array;
  readonly nhceComp: Int32Array;
  readonly nhceAcpBps: number;
  readonly nhceSource: NhceSource;
  readonly compensationLimit: Cents;
  readonly ineligibleCount: number;
  /** Rows this test leaves out (tested apart or disregarded). */
  readonly leftOutCount: number;
  /** What the targeted QNEC limit did, or null when the QNECs count in the ADP test. */
  readonly qnecLimit: QnecLimitInfo | null;
}

/** One HCE's share of the correction. */
export interface Refund {
  readonly index: number;
  readonly id: string;
  /** Total taken from this HCE (distributed + forfeited), cents. */
  readonly amount: Cents;
  readonly afterTax: Cents;
  readonly matchDistributed: Cents;
  readonly matchForfeited: Cents;
  readonly qmac: Cents;
  readonly qnec: Cents;
  /** The HCE's counted contributions before correction, cents. */
  readonly contributions: Cents;
  readonly ratioBps: number;
  /** Income allocable to `amount` through the end of the plan year, or null when unknown. */
  readonly allocableIncome: Cents | null;
}

export type { QnecAlternative };

export interface AcpResult {
  readonly year: number;
  readonly method: 'current' | 'prior';
  readonly safeHarbor: boolean;
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly ineligibleCount: number;
  readonly leftOutCount: number;
  readonly hceAcpBps: number;
  readonly nhceAcpBps: number;
  readonly nhceSource: NhceSource;
  readonly limitBps: number;
  readonly passed: boolean;
  /** `no-eligible-nhces`: deemed to pass (Reg. 1.401(m)-2(a)(1)(ii)). */
  readonly passReason: 'within-limit' | 'no-eligible-nhces' | null;
  /** limit − HCE ACP, bps (negative when failing). */
  readonly marginBps: number;
  /** Highest permitted ACR after ratio leveling, bps, or null. */
  readonly permittedRatioBps: number | null;
  readonly leveledHceAcpBps: number;
  readonly excessAggregateContributions: Cents;
  readonly refunds: readonly Refund[];
  /** Total distributed (after-tax + vested match + QMAC/QNEC), cents. */
  readonly distributedTotal: Cents;
  readonly forfeitedTotal: Cents;
  /** Income allocable to the refunds, summed, or null when unknown. */
  readonly allocableIncomeTotal: Cents | null;
  readonly deadlines: CorrectionDeadlines;
  /** 10% of the excess if not distributed by the excise-tax deadline (IRC 4979(a)). */
  readonly exciseTaxIfLate: Cents;
  /** The uniform QNEC to NHCEs that would pass instead (current-year method only). */
  readonly qnecAlternative: QnecAlternative | null;
  readonly qnecLimit: QnecLimitInfo | null;
  readonly hceDetermination: Omit<HceDetermination, 'isHce'>;
}

/** The match (and QMAC) row `i` has counted in the ACP test: none under the safe-harbor option. */
function matchCounted(c: Census, i: number, safeHarbor: boolean): Cents {
  return safeHarbor ? 0 : (c.match[i] ?? 0) + (c.qmac[i] ?? 0);
}

/** Hundredths of a percent from -100% to 100%: a year's gain or loss. */
const MAX_GAIN_RATE_BPS = 10_000;

/**
 * Checks how the test is asked to run; every problem names its field (`priorNhceAcpBps`,
 * `firstYear`, `defaultVestedBps`, `gainRateBps`, `qnecTest`) and what is allowed.
 */
export function checkAcpOptions(o: AcpOptions): void {
  paramsFor(o.year, 'year');
  const issues: InputIssue[] = [];
  const prior = o.method === 'prior';
  const deemed = percentShortText(acpConstants.firstYearDeemedNhceAcpBps.value);
  if (o.priorNhceAcpBps !== undefined && !prior) {
    issues.push({ path: 'priorNhceAcpBps', message: 'only applies to prior-year testing' });
  }
  if (o.firstYear && !prior) {
    issues.push({ path: 'firstYear', message: 'only applies to prior-year testing' });
  } else if (o.firstYear && o.priorNhceAcpBps !== undefined) {
    issues.push({
      path: 'firstYear',
      message: `a plan’s first year has no prior-year NHCE ACP (it is deemed ${deemed}): give one or the other`,
    });
  }
  if (prior && o.priorNhceAcpBps === undefined && !o.firstYear) {
    issues.push({
      path: 'priorNhceAcpBps',
      message: `prior-year testing needs the prior year’s NHCE ACP (in a plan’s first year it is deemed ${deemed})`,
    });
  }
  for (const [path, v] of [
    ['priorNhceAcpBps', o.priorNhceAcpBps],
    ['defaultVestedBps', o.defaultVestedBps],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 10_000)) {
      issues.push({
        path,
        message: `expected hundredths of a percent from 0 to 10000, got ${String(v)}`,
      });
    }
  }
  const g = o.gainRateBps;
  if (
    g !== undefined &&
    (!Number.isInteger(g) || g < -MAX_GAIN_RATE_BPS || g > MAX_GAIN_RATE_BPS)
  ) {
    issues.push({
      path: 'gainRateBps',
      message: `expected a gain or loss from -100% to 100% with at most 2 decimals, got ${String(g / 100)}%`,
    });
  }
  if (o.qnecTest === 'adp' && o.safeHarbor) {
    issues.push({
      path: 'qnecTest',
      message: 'a safe-harbor plan has no ADP test to count QNECs in (Treas. Reg. 1.401(k)-3)',
    });
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** The last day of the plan year: as given, or December 31 of the plan year. */
export function planYearEndOf(o: AcpOptions): string {
  return o.planYearEnd ?? isoDate(o.year, 12, 31);
}

/**
 * Splits the census into the test's eligible HCEs and NHCEs with their ratios, and fixes the
 * NHCE ACP. Each row counts its after-tax money (with any recharacterized excess
 * contributions), match and QMACs (not under the safe-harbor option) and, when the QNECs are
 * the ACP test's, its QNEC — an NHCE's held to the targeted QNEC limit.
 */
export function prepareAcpTest(
  census: Census,
  options: AcpOptions,
  scope: AcpScope = {},
): PreparedTest {
  checkAcpOptions(options);
  const params = paramsFor(options.year, 'year');
  const cap = usd(params.plan.compensationLimit);
  const hces =
    scope.hces ??
    determineHces(census, options.year, {
      ...(options.topPaidGroup ? { topPaidGroup: true } : {}),
    });
  const safe = options.safeHarbor === true;
  const qnecHere = options.qnecTest !== 'adp';
  const rech = scope.recharacterized ?? null;
  const counted = [census.afterTax];
  if (rech !== null) counted.push(rech);
  if (!safe) counted.push(census.match, census.qmac);
  if (qnecHere) counted.push(census.qnec);
  const hceCount = hces.byColumn + hces.byOwnership + hces.byPay;
  const g = splitGroups(census, hces.isHce, cap, counted, scope, hceCount);
  let nhceRatioSum = g.nhceRatioSum;
  let qnecLimit: QnecLimitInfo | null = null;
  if (qnecHere) {
    const limited = limitQnecs(
      census,
      g,
      (i) => matchCounted(census, i, safe),
      qnecFloorBps(options.prevailingWage === true),
    );
    qnecLimit = limited.info;
    nhceRatioSum = limited.nhceRatioSum;
  }
  const nn = g.nhceIndex.length;
  let nhceAcpBps: number;
  let nhceSource: NhceSource;
  if (options.method === 'current') {
    nhceAcpBps = averageBps(nhceRatioSum, nn);
    nhceSource = 'current-year';
  } else if (options.priorNhceAcpBps !== undefined) {
    nhceAcpBps = options.priorNhceAcpBps;
    nhceSource = 'prior-year';
  } else {
    // checkAcpOptions: prior-year testing without a prior figure is the first-year rule
    nhceAcpBps = acpConstants.firstYearDeemedNhceAcpBps.value;
    nhceSource = 'first-year-deemed';
  }
  return {
    census,
    options,
    hces,
    recharacterized: rech,
    leftOut: scope.leftOut ?? null,
    hceIndex: g.hceIndex,
    hceAmount: g.hceAmount,
    hceComp: g.hceComp,
    hceRatio: g.hceRatio,
    hceRatioSpread: g.hceRatioSpread,
    nhceIndex: g.nhceIndex,
    nhceAmount: g.nhceAmount,
    nhceComp: g.nhceComp,
    nhceAcpBps,
    nhceSource,
    compensationLimit: cap,
    ineligibleCount: g.ineligibleCount,
    leftOutCount: g.leftOutCount,
    qnecLimit,
  };
}

/**
 * Row `i`'s contributions counted in the test (0 for a row not in it), cents: as
 * `prepareAcpTest` counts them, an NHCE's QNEC held to the targeted QNEC limit.
 */
export function countedAt(p: PreparedTest, i: number): Cents {
  const c = p.census;
  if (c.eligible[i] !== 1 || p.leftOut?.[i] === 1) return 0;
  const o = p.options;
  const lim = p.qnecLimit;
  let qnec = o.qnecTest === 'adp' ? 0 : (c.qnec[i] ?? 0);
  if (lim !== null && lim.representativeRateBps !== null && p.hces.isHce[i] !== 1) {
    const comp = Math.min(c.compensation[i] ?? 0, p.compensationLimit);
    qnec = Math.min(qnec, qnecCap(comp, lim.limitRateBps));
  }
  return (
    (c.afterTax[i] ?? 0) +
    (p.recharacterized?.[i] ?? 0) +
    matchCounted(c, i, o.safeHarbor === true) +
    qnec
  );
}

/** The refunds of a failing test and their totals. */
interface Refunds {
  readonly refunds: Refund[];
  readonly distributed: Cents;
  readonly forfeited: Cents;
  /** Income allocable to the refunds, summed, or null when unknown. */
  readonly income: Cents | null;
}

/** The positions (in the HCEs' order) of the HCEs with a reduction. */
function refundedOf(reductions: Float64Array): Int32Array {
  const into = new Int32Array(reductions.length);
  let m = 0;
  for (let j = 0; j < reductions.length; j++) if ((reductions[j] ?? 0) > 0) into[m++] = j;
  return into.subarray(0, m);
}

/** The ids of census rows `rows`, by the census's `idAt` (a loop compiled apart from the refunds'). */
function idsOf(census: Census, hceIndex: Int32Array, refunded: Int32Array): string[] {
  const ids = new Array<string>(refunded.length);
  for (let k = 0; k < refunded.length; k++) ids[k] = census.idAt(hceIndex[refunded[k] ?? 0] ?? 0);
  return ids;
}

/**
 * One refund per HCE with a reduction, in the HCEs' order, split over its sources: after-tax
 * money first (what-if money on top of the census, then the census's with any recharacterized
 * excess contributions), then match (vested share distributed, rounded down to the cent so
 * unvested money is never paid out; the rest forfeited), then QMAC, then QNEC (both always
 * vested; a QNEC only when the QNECs are the ACP test's); each with the income allocable to it
 * (`allocableIncome`). The HCEs refunded are found first and their ids made in a loop of their
 * own, so that this loop, compiled while it runs, does not take in the ids' decoding.
 */
function refundsOf(
  p: PreparedTest,
  reductions: Float64Array,
  amounts: Float64Array,
  ratios: Float64Array,
  extraHce: Float64Array | undefined,
): Refunds {
  const refunded = refundedOf(reductions);
  const ids = idsOf(p.census, p.hceIndex, refunded);
  const c = p.census;
  const o = p.options;
  const safe = o.safeHarbor === true;
  const afterTaxes = c.afterTax;
  const rech = p.recharacterized;
  // empty arrays (a column every row has at 0, or one this test does not count) give 0
  const matches = safe ? null : c.match;
  const qmacs = safe || c.qmac.length === 0 ? null : c.qmac;
  const qnecs = o.qnecTest === 'adp' || c.qnec.length === 0 ? null : c.qnec;
  const vesteds = c.columns.vested && c.vestedBps.length > 0 ? c.vestedBps : null;
  const vestedDefault = c.columns.vested ? 10_000 : (o.defaultVestedBps ?? 10_000);
  const m = refunded.length;
  const refunds = new Array<Refund>(m);
  let distributed = 0;
  let forfeited = 0;
  let income: number | null = 0;
  for (let k = 0; k < m; k++) {
    const j = refunded[k] ?? 0;
    const i = p.hceIndex[j] ?? 0;
    const amount = reductions[j] ?? 0;
    // what-if money is after-tax money on top of the census: refund it first
    const fromExtra = extraHce === undefined ? 0 : Math.min(extraHce[j] ?? 0, amount);
    let left = amount - fromExtra;
    const own = (afterTaxes[i] ?? 0) + (rech === null ? 0 : (rech[i] ?? 0));
    const afterTax = Math.min(left, own);
    left -= afterTax;
    const match = matches === null ? 0 : Math.min(left, matches[i] ?? 0);
    left -= match;
    const qmac = qmacs === null ? 0 : Math.min(left, qmacs[i] ?? 0);
    left -= qmac;
    const qnec = qnecs === null ? 0 : Math.min(left, qnecs[i] ?? 0);
    const vested = vesteds === null ? vestedDefault : (vesteds[i] ?? 10_000);
    const matchDistributed = Math.floor((match * vested) / 10_000);
    const inc = allocableIncome(c, i, amount, o.gainRateBps);
    refunds[k] = {
      index: i,
      id: ids[k] ?? '',
      amount,
      afterTax: afterTax + fromExtra,
      matchDistributed,
      matchForfeited: match - matchDistributed,
      qmac,
      qnec,
      contributions: amounts[j] ?? 0,
      ratioBps: ratios[j] ?? 0,
      allocableIncome: inc,
    };
    distributed += afterTax + fromExtra + matchDistributed + qmac + qnec;
    forfeited += match - matchDistributed;
    income = income === null || inc === null ? null : income + inc;
  }
  return { refunds, distributed, forfeited, income };
}

/**
 * Runs the test on prepared groups. `extraHce` optionally adds after-tax dollars per HCE (the
 * what-ifs use it), parallel to `prepared.hceAmount`.
 */
export function evaluateAcp(p: PreparedTest, extraHce?: Float64Array): AcpResult {
  const o = p.options;
  const safe = o.safeHarbor === true;
  const hn = p.hceIndex.length;
  const nn = p.nhceIndex.length;
  let amounts: Float64Array = p.hceAmount;
  let ratios: Float64Array = p.hceRatio;
  if (extraHce) {
    amounts = new Float64Array(hn);
    ratios = new Float64Array(hn);
    for (let j = 0; j < hn; j++) {
      const a = (p.hceAmount[j] ?? 0) + (extraHce[j] ?? 0);
      amounts[j] = a;
      ratios[j] = contributionRatioBps(a, p.hceComp[j] ?? 1);
    }
  }
  // the split's spread of these ratios (not of a copy's), else a pass over them
  const spread = p.hceRatioSpread.of === ratios ? p.hceRatioSpread : spreadOf(ratios);
  const hceAcp = averageBps(spread.total, hn);
  const limit = acpLimitBps(p.nhceAcpBps);
  const noNhces = o.method === 'current' && nn === 0;
  const passed = noNhces || hceAcp <= limit;
  const deadlines = correctionDeadlines(planYearEndOf(o), { ...(o.eaca ? { eaca: true } : {}) });
  const base = {
    year: o.year,
    method: o.method,
    safeHarbor: safe,
    hceCount: hn,
    nhceCount: nn,
    ineligibleCount: p.ineligibleCount,
    leftOutCount: p.leftOutCount,
    hceAcpBps: hceAcp,
    nhceAcpBps: p.nhceAcpBps,
    nhceSource: p.nhceSource,
    limitBps: limit,
    marginBps: limit - hceAcp,
    deadlines,
    qnecLimit: p.qnecLimit,
    hceDetermination: {
      thresholdCents: p.hces.thresholdCents,
      byColumn: p.hces.byColumn,
      byOwnership: p.hces.byOwnership,
      byPay: p.hces.byPay,
      topPaidGroupSize: p.hces.topPaidGroupSize,
    },
  };
  if (passed) {
    return {
      ...base,
      passed: true,
      passReason: noNhces ? 'no-eligible-nhces' : 'within-limit',
      permittedRatioBps: null,
      leveledHceAcpBps: hceAcp,
      excessAggregateContributions: 0,
      refunds: [],
      distributedTotal: 0,
      forfeitedTotal: 0,
      allocableIncomeTotal: 0,
      exciseTaxIfLate: 0,
      qnecAlternative: null,
    };
  }
  const lev = levelExcess({
    amounts,
    compensations: p.hceComp,
    ratios,
    limitBps: limit,
    ratioSpread: spread,
  });
  const { refunds, distributed, forfeited, income } = refundsOf(
    p,
    lev.reductions,
    amounts,
    ratios,
    extraHce,
  );
  const excise = applyRate(lev.totalExcess, rate(acpConstants.exciseTaxRate));
  return {
    ...base,
    passed: false,
    passReason: null,
    permittedRatioBps: lev.permittedRatioBps,
    leveledHceAcpBps: lev.leveledAverageBps,
    excessAggregateContributions: lev.totalExcess,
    refunds,
    distributedTotal: distributed,
    forfeitedTotal: forfeited,
    allocableIncomeTotal: income,
    exciseTaxIfLate: excise,
    qnecAlternative:
      o.method === 'current'
        ? qnecAlternative({
            census: p.census,
            nhceIndex: p.nhceIndex,
            nhceAmount: p.nhceAmount,
            nhceComp: p.nhceComp,
            nhceAverageBps: p.nhceAcpBps,
            hceAverageBps: hceAcp,
            qnecInTest: o.qnecTest !== 'adp',
            qnecLimitBps:
              p.qnecLimit === null || p.qnecLimit.representativeRateBps === null
                ? null
                : p.qnecLimit.limitRateBps,
            otherAmount: (i) => matchCounted(p.census, i, safe),
            floorBps: qnecFloorBps(o.prevailingWage === true),
          })
        : null,
  };
}

/** Prepares and runs the test in one call. */
export function runAcpTest(census: Census, options: AcpOptions, scope: AcpScope = {}): AcpResult {
  return evaluateAcp(prepareAcpTest(census, options, scope));
}
