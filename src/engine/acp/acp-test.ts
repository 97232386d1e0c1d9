/**
 * The ACP test on a census and its correction (IRC 401(m)(2), (3), (6); Treas. Reg.
 * 1.401(m)-2): each eligible employee's ratio of counted contributions to compensation capped at
 * 401(a)(17), the HCE and NHCE averages, the limit, and — when the plan fails — the excess
 * aggregate contributions by ratio leveling, given back by dollar leveling, split per HCE into
 * after-tax money first and then match (vested match distributed, unvested forfeited).
 */
import { isoDate } from '../dates.js';
import { InputError, type InputIssue } from '../errors.js';
import { acpConstants } from '../params/acp.js';
import { paramsFor, rate, usd } from '../params/index.js';
import { applyRate, type Cents } from '../money.js';
import type { Census } from './census.js';
import { correctionDeadlines, type CorrectionDeadlines } from './deadlines.js';
import { determineHces, type HceDetermination } from './hce.js';
import { levelExcess } from './leveling.js';
import {
  acpLimitBps,
  averageBps,
  centsAtBps,
  contributionRatioBps,
  percentShortText,
} from './ratios.js';

/** How the test is run. */
export interface AcpOptions {
  /** Plan year (calendar year of the plan year's end for the deadlines). */
  readonly year: number;
  /** `current`: this year's NHCE ACP; `prior`: the prior year's (401(m)(3)). */
  readonly method: 'current' | 'prior';
  /** Prior-year method: the NHCE ACP of the prior year, bps. */
  readonly priorNhceAcpBps?: number;
  /** Prior-year method in the plan's first year: NHCE ACP deemed 3%. */
  readonly firstYear?: boolean;
  /** Safe-harbor plan: test after-tax money (and QNECs) alone, match left out (Reg. 1.401(m)-3(j)(6)). */
  readonly safeHarbor?: boolean;
  /** Top-paid group election for HCEs by pay (414(q)(3)). */
  readonly topPaidGroup?: boolean;
  /** Last day of the plan year, YYYY-MM-DD (default December 31 of `year`). */
  readonly planYearEnd?: string;
  /** The plan has an eligible automatic contribution arrangement (6-month excise-tax deadline). */
  readonly eaca?: boolean;
  /** Vested share of match for employees without a vesting column, bps (default 10000). */
  readonly defaultVestedBps?: number;
}

/** Where the NHCE ACP came from. */
export type NhceSource = 'current-year' | 'prior-year' | 'first-year-deemed';

/** The eligible employees of one test, ready for the what-ifs: parallel arrays per group. */
export interface PreparedTest {
  readonly census: Census;
  readonly options: AcpOptions;
  readonly hces: HceDetermination;
  /** Census index of each eligible HCE. */
  readonly hceIndex: Int32Array;
  /** Counted contributions, cents. */
  readonly hceAmount: Float64Array;
  /** Compensation capped at 401(a)(17), cents. */
  readonly hceComp: Float64Array;
  readonly hceRatio: Float64Array;
  readonly nhceIndex: Int32Array;
  readonly nhceAmount: Float64Array;
  readonly nhceComp: Float64Array;
  readonly nhceAcpBps: number;
  readonly nhceSource: NhceSource;
  readonly compensationLimit: Cents;
  readonly ineligibleCount: number;
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
}

export interface QnecAlternative {
  /** Uniform QNEC to every eligible NHCE, hundredths of a percent of capped pay. */
  readonly rateBps: number;
  readonly cost: Cents;
  readonly nhceAcpAfterBps: number;
  readonly limitAfterBps: number;
}

export interface AcpResult {
  readonly year: number;
  readonly method: 'current' | 'prior';
  readonly safeHarbor: boolean;
  readonly hceCount: number;
  readonly nhceCount: number;
  readonly ineligibleCount: number;
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
  readonly deadlines: CorrectionDeadlines;
  /** 10% of the excess if not distributed by the excise-tax deadline (IRC 4979(a)). */
  readonly exciseTaxIfLate: Cents;
  /** The uniform QNEC to NHCEs that would pass instead (current-year method only). */
  readonly qnecAlternative: QnecAlternative | null;
  readonly hceDetermination: Omit<HceDetermination, 'isHce'>;
}

/** Contributions counted for employee `i`: match + after-tax + QMAC + QNEC, or after-tax + QNEC under the safe-harbor option. */
export function countedContributions(c: Census, i: number, safeHarbor: boolean): Cents {
  const at = c.afterTax[i] ?? 0;
  const qnec = c.qnec[i] ?? 0;
  if (safeHarbor) return at + qnec;
  return at + qnec + (c.match[i] ?? 0) + (c.qmac[i] ?? 0);
}

/**
 * Checks how the test is asked to run; every problem names its field (`priorNhceAcpBps`,
 * `firstYear`, `defaultVestedBps`) and what is allowed.
 */
function checkAcpOptions(o: AcpOptions): void {
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
  if (issues.length > 0) throw new InputError(issues);
}

/** The last day of the plan year: as given, or December 31 of the plan year. */
function planYearEndOf(o: AcpOptions): string {
  return o.planYearEnd ?? isoDate(o.year, 12, 31);
}

/** Splits the census into eligible HCEs and NHCEs with their ratios, and fixes the NHCE ACP. */
export function prepareAcpTest(census: Census, options: AcpOptions): PreparedTest {
  checkAcpOptions(options);
  const params = paramsFor(options.year, 'year');
  const cap = usd(params.plan.compensationLimit);
  const hces = determineHces(census, options.year, {
    ...(options.topPaidGroup ? { topPaidGroup: true } : {}),
  });
  const safe = options.safeHarbor === true;
  const n = census.size;
  let hn = 0;
  let nn = 0;
  let ineligible = 0;
  for (let i = 0; i < n; i++) {
    if (census.eligible[i] !== 1) ineligible++;
    else if (hces.isHce[i] === 1) hn++;
    else nn++;
  }
  const hceIndex = new Int32Array(hn);
  const hceAmount = new Float64Array(hn);
  const hceComp = new Float64Array(hn);
  const hceRatio = new Float64Array(hn);
  const nhceIndex = new Int32Array(nn);
  const nhceAmount = new Float64Array(nn);
  const nhceComp = new Float64Array(nn);
  let h = 0;
  let k = 0;
  let nhceRatioSum = 0;
  for (let i = 0; i < n; i++) {
    if (census.eligible[i] !== 1) continue;
    const comp = Math.min(census.compensation[i] ?? 0, cap);
    const amount = countedContributions(census, i, safe);
    const r = contributionRatioBps(amount, comp);
    if (hces.isHce[i] === 1) {
      hceIndex[h] = i;
      hceAmount[h] = amount;
      hceComp[h] = comp;
      hceRatio[h] = r;
      h++;
    } else {
      nhceIndex[k] = i;
      nhceAmount[k] = amount;
      nhceComp[k] = comp;
      nhceRatioSum += r;
      k++;
    }
  }
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
    hceIndex,
    hceAmount,
    hceComp,
    hceRatio,
    nhceIndex,
    nhceAmount,
    nhceComp,
    nhceAcpBps,
    nhceSource,
    compensationLimit: cap,
    ineligibleCount: ineligible,
  };
}

/** Sum of a typed array. */
function total(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
}

/**
 * Splits one HCE's refund over its sources: after-tax money first, then match (vested share
 * distributed, rounded down to the cent so unvested money is never paid out; the rest
 * forfeited), then QMAC, then QNEC (both always vested).
 */
function splitRefund(
  census: Census,
  i: number,
  amount: Cents,
  safeHarbor: boolean,
  defaultVestedBps: number,
): Pick<Refund, 'afterTax' | 'matchDistributed' | 'matchForfeited' | 'qmac' | 'qnec'> {
  let left = amount;
  const take = (have: number): number => {
    const t = Math.min(have, left);
    left -= t;
    return t;
  };
  const afterTax = take(census.afterTax[i] ?? 0);
  const match = safeHarbor ? 0 : take(census.match[i] ?? 0);
  const qmac = safeHarbor ? 0 : take(census.qmac[i] ?? 0);
  const qnec = take(census.qnec[i] ?? 0);
  const vested = census.columns.vested ? (census.vestedBps[i] ?? 10_000) : defaultVestedBps;
  const matchDistributed = Math.floor((match * vested) / 10_000);
  return { afterTax, matchDistributed, matchForfeited: match - matchDistributed, qmac, qnec };
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
  const hceAcp = averageBps(total(ratios), hn);
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
    hceAcpBps: hceAcp,
    nhceAcpBps: p.nhceAcpBps,
    nhceSource: p.nhceSource,
    limitBps: limit,
    marginBps: limit - hceAcp,
    deadlines,
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
      exciseTaxIfLate: 0,
      qnecAlternative: null,
    };
  }
  const lev = levelExcess({ amounts, compensations: p.hceComp, ratios, limitBps: limit });
  const refunds: Refund[] = [];
  let distributed = 0;
  let forfeited = 0;
  const vestedDefault = o.defaultVestedBps ?? 10_000;
  for (let j = 0; j < hn; j++) {
    const amount = lev.reductions[j] ?? 0;
    if (amount <= 0) continue;
    const i = p.hceIndex[j] ?? 0;
    const extra = extraHce?.[j] ?? 0;
    // what-if money is after-tax money on top of the census: refund it first
    const fromExtra = Math.min(extra, amount);
    const split = splitRefund(p.census, i, amount - fromExtra, safe, vestedDefault);
    const r: Refund = {
      index: i,
      id: p.census.idAt(i),
      amount,
      ...split,
      afterTax: split.afterTax + fromExtra,
      contributions: amounts[j] ?? 0,
      ratioBps: ratios[j] ?? 0,
    };
    distributed += r.afterTax + r.matchDistributed + r.qmac + r.qnec;
    forfeited += r.matchForfeited;
    refunds.push(r);
  }
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
    exciseTaxIfLate: excise,
    qnecAlternative: o.method === 'current' ? qnecAlternative(p, hceAcp) : null,
  };
}

/** The smallest NHCE ACP whose limit admits `hceBps`. */
function nhceAcpNeeded(hceBps: number): number {
  const c = acpConstants;
  // 1.25·N ≥ H  ⇔  N ≥ ceil(100·H / 125)
  const basic = Math.ceil((hceBps * 100) / c.basicMultiplierPercent.value);
  // 2·N ≥ H and N + 2 points ≥ H
  const alternative = Math.max(
    Math.ceil(hceBps / c.alternativeMultiplier.value),
    hceBps - c.alternativeSpreadBps.value,
  );
  return Math.max(0, Math.min(basic, alternative));
}

/**
 * The uniform QNEC (a percentage of capped pay given to every eligible NHCE) that makes the plan
 * pass, and its cost. Each NHCE's QNEC is rounded half-up to the cent; the NHCE ACP is
 * recomputed from the rounded dollars, and the rate raised one hundredth at a time until the
 * recomputed test passes.
 */
function qnecAlternative(p: PreparedTest, hceAcp: number): QnecAlternative | null {
  const nn = p.nhceIndex.length;
  if (nn === 0) return null;
  let x = Math.max(1, nhceAcpNeeded(hceAcp) - p.nhceAcpBps);
  for (let guard = 0; guard < 10_000; guard++, x++) {
    let sum = 0;
    let cost = 0;
    for (let k = 0; k < nn; k++) {
      const comp = p.nhceComp[k] ?? 1;
      const q = centsAtBps(comp, x);
      cost += q;
      sum += contributionRatioBps((p.nhceAmount[k] ?? 0) + q, comp);
    }
    const after = averageBps(sum, nn);
    const limit = acpLimitBps(after);
    if (hceAcp <= limit) {
      return { rateBps: x, cost, nhceAcpAfterBps: after, limitAfterBps: limit };
    }
  }
  return null;
}

/** Prepares and runs the test in one call. */
export function runAcpTest(census: Census, options: AcpOptions): AcpResult {
  return evaluateAcp(prepareAcpTest(census, options));
}
