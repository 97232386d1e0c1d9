/**
 * One path of the four strategies through accumulation and withdrawals, for one sequence of
 * yearly growth factors. The deterministic projection and every Monte Carlo path run this same
 * code, so a path with zero volatility equals the deterministic projection exactly.
 *
 * Model (per year, contributions at the start of the year, then growth):
 * - (a) full Mega Backdoor: the budget C goes in after-tax and is converted to Roth at once, so
 *   no taxable conversion earnings arise (IRC 402A(c)(4): only earnings are taxable);
 *   withdrawals are tax-free (qualified, IRC 408A(d)(1)).
 * - (b) Roth-lite: C goes in after-tax and stays in the plan; at separation (retirement, or the
 *   end of `separationYears` when the employee leaves earlier, and the contributions stop) the
 *   basis goes to a Roth IRA and the earnings to a traditional IRA (Notice 2014-54), taxed at
 *   the retirement rate when withdrawn (IRC 72, 402(a)). A value below basis all goes to the
 *   Roth IRA.
 * - (c) pre-tax: P = min(C, pre-tax room) goes in pre-tax (costing P × (1 − current rate) of
 *   take-home pay); the rest of the budget, C − P × (1 − current rate), goes to a taxable
 *   account. Pre-tax money is taxed at the retirement rate when withdrawn.
 * - (d) taxable: C goes to a brokerage account. Each year the dividend yield is taxed at the
 *   capital gains rate (qualified dividends, IRC 1(h)(11)) and the rest reinvested (adding to
 *   basis); gains above basis are taxed at the capital gains rate when sold. A year's dividends
 *   are part of its total return, so they are at most what the account holds at the end of the
 *   year (a year that loses nearly everything pays at most that much): a taxable account never
 *   goes below zero.
 * Contributions are made in the first `contributionYears` years (all years to retirement unless
 * given). Withdrawals: each year 1/(years left) of every account is taken out and taxed as above; the
 * after-tax cash is counted as received (not reinvested).
 *
 * The wealth of a strategy after a year is what it has received so far plus the after-tax value
 * of what is left if sold that day. Amounts are floating-point cents; callers round to the
 * cent when they report (estimates, not tax figures).
 *
 * The paths of a block advance together a year at a time (`stepYear`), each path's accounts in
 * one slot of `PathAccounts`, so the Monte Carlo keeps one year of wealth per path of the block
 * rather than every year.
 */
import type { ProjectionInputs } from './inputs.js';

/** Balances of every account of the four strategies after a year (floating-point cents). */
export interface PathBalances {
  readonly fullMbr: { roth: number; received: number };
  readonly rothLite: {
    plan: number;
    basis: number;
    rothIra: number;
    traditionalIra: number;
    received: number;
  };
  readonly preTax: { preTax: number; taxable: number; taxableBasis: number; received: number };
  readonly taxable: { taxable: number; taxableBasis: number; received: number };
}

/** Called after each year with the balances (deterministic projection only). */
export type Recorder = (yearIndex: number, b: PathBalances) => void;

/** The numbers the kernel needs, precomputed once. */
export interface Kernel {
  readonly c: number;
  readonly p: number;
  readonly t: number;
  readonly tr: number;
  readonly cg: number;
  readonly dy: number;
  readonly years: number;
  readonly contributionYears: number;
  /** Years before Roth-lite money leaves the plan. */
  readonly separationYears: number;
  readonly withdrawalYears: number;
}

/** Precomputes the kernel constants from checked inputs. */
export function kernelOf(i: ProjectionInputs): Kernel {
  return {
    c: i.contribution,
    p: Math.min(i.contribution, i.preTaxRoom),
    t: i.currentRate,
    tr: i.retirementRate,
    cg: i.capitalGainsRate,
    dy: i.dividendYield,
    years: i.years,
    contributionYears: i.contributionYears ?? i.years,
    separationYears: i.separationYears ?? i.years,
    withdrawalYears: i.withdrawalYears,
  };
}

/**
 * The accounts of many paths (floating-point cents, all zero at the start): path p's fourteen
 * accounts at `ACCOUNTS * p` onwards, in the order of `ACCOUNT`.
 */
export type PathAccounts = Float64Array;

/** Where each account sits among a path's `ACCOUNTS` slots. */
export const ACCOUNT = {
  /** (a) the Roth account; what it has paid out. */
  roth: 0,
  recA: 1,
  /** (b) after-tax money in the plan and its basis; the IRAs after separation; paid out. */
  plan: 2,
  basisB: 3,
  rothIra: 4,
  tradIra: 5,
  recB: 6,
  /** (c) the pre-tax account, the taxable account and its basis; paid out. */
  pre: 7,
  txC: 8,
  bC: 9,
  recC: 10,
  /** (d) the taxable account and its basis; paid out. */
  txD: 11,
  bD: 12,
  recD: 13,
} as const;
export const ACCOUNTS = 14;

/** Accounts for `n` paths, all empty. */
export function pathAccounts(n: number): PathAccounts {
  return new Float64Array(ACCOUNTS * n);
}

/** The after-tax wealth of the four strategies, slot p for path p (order of STRATEGIES). */
export type Wealth = readonly [Float64Array, Float64Array, Float64Array, Float64Array];

/**
 * Runs year `y` (0 = the first) of paths 0 to n − 1: `g[p]` is the growth factor of path p
 * that year (1 + return); the wealth of strategy s after the year is written to `out[s][p]`.
 */
export function stepYear(
  k: Kernel,
  y: number,
  g: Float64Array,
  a: PathAccounts,
  out: Wealth,
  n: number,
): void {
  const { c, p: pt, t, tr, cg, dy, years, contributionYears, separationYears, withdrawalYears } = k;
  const keepTr = 1 - tr;
  const keepDivAll = dy * (1 - cg);
  const loseDivAll = dy * cg;
  const toTaxableC = c - pt * (1 - t);
  const total = years + withdrawalYears;
  const contributing = y < contributionYears;
  const withdrawing = y >= years;
  if (!withdrawing && y < separationYears) {
    stepSaving(k, contributing, g, a, out, n);
    return;
  }
  const separating = y === separationYears;
  // the share of each account paid out this year (none while still saving, after an early
  // separation: the subtractions below then leave every account as it is)
  const f = withdrawing ? 1 / (total - y) : 0;
  const [oa, ob, oc, od] = out;
  for (let p = 0, q = 0; p < n; p++, q += ACCOUNTS) {
    const gy = g[p] ?? 1;
    let roth = a[q] ?? 0;
    let recA = a[q + 1] ?? 0;
    let plan = a[q + 2] ?? 0;
    let basisB = a[q + 3] ?? 0;
    let rothIra = a[q + 4] ?? 0;
    let tradIra = a[q + 5] ?? 0;
    let recB = a[q + 6] ?? 0;
    let pre = a[q + 7] ?? 0;
    let txC = a[q + 8] ?? 0;
    let bC = a[q + 9] ?? 0;
    let recC = a[q + 10] ?? 0;
    let txD = a[q + 11] ?? 0;
    let bD = a[q + 12] ?? 0;
    let recD = a[q + 13] ?? 0;
    if (contributing) {
      roth += c;
      plan += c;
      basisB += c;
      pre += pt;
      txC += toTaxableC;
      bC += toTaxableC;
      txD += c;
      bD += c;
    }
    if (separating) {
      // separation: basis to the Roth IRA, earnings to a traditional IRA (Notice 2014-54)
      if (plan > basisB) {
        rothIra = basisB;
        tradIra = plan - basisB;
      } else {
        rothIra = plan;
        tradIra = 0;
      }
      plan = 0;
      basisB = 0;
    }
    const wa = roth * f;
    roth -= wa;
    recA += wa;
    const wr = rothIra * f;
    const wt = tradIra * f;
    rothIra -= wr;
    tradIra -= wt;
    recB += wr + wt * keepTr;
    const wp = pre * f;
    pre -= wp;
    const wc = txC * f;
    const gainC = (txC - bC) * f;
    txC -= wc;
    bC -= bC * f;
    recC += wp * keepTr + wc - (gainC > 0 ? gainC * cg : 0);
    const wd = txD * f;
    const gainD = (txD - bD) * f;
    txD -= wd;
    bD -= bD * f;
    recD += wd - (gainD > 0 ? gainD * cg : 0);
    // growth; the taxable accounts pay tax on the year's dividends and reinvest the rest
    roth *= gy;
    plan *= gy;
    rothIra *= gy;
    tradIra *= gy;
    pre *= gy;
    const keepDiv = gy < dy ? gy * (1 - cg) : keepDivAll;
    const loseDiv = gy < dy ? gy * cg : loseDivAll;
    bC += txC * keepDiv;
    txC = txC * gy - txC * loseDiv;
    bD += txD * keepDiv;
    txD = txD * gy - txD * loseDiv;
    oa[p] = recA + roth;
    const earn = plan - basisB;
    ob[p] = recB + rothIra + tradIra * keepTr + (earn > 0 ? basisB + earn * keepTr : plan);
    const gc = txC - bC;
    oc[p] = recC + pre * keepTr + txC - (gc > 0 ? gc * cg : 0);
    const gd = txD - bD;
    od[p] = recD + txD - (gd > 0 ? gd * cg : 0);
    a[q] = roth;
    a[q + 1] = recA;
    a[q + 2] = plan;
    a[q + 3] = basisB;
    a[q + 4] = rothIra;
    a[q + 5] = tradIra;
    a[q + 6] = recB;
    a[q + 7] = pre;
    a[q + 8] = txC;
    a[q + 9] = bC;
    a[q + 10] = recC;
    a[q + 11] = txD;
    a[q + 12] = bD;
    a[q + 13] = recD;
  }
}

/**
 * A year before retirement: `stepYear` for accounts that hold nothing yet (the IRAs and every
 * amount received are zero until separation), so only the others are read and written. The
 * zeros are added where `stepYear` adds them, so the figures are the same to the last bit.
 */
function stepSaving(
  k: Kernel,
  contributing: boolean,
  g: Float64Array,
  a: PathAccounts,
  out: Wealth,
  n: number,
): void {
  const { c, p: pt, t, tr, cg, dy } = k;
  const keepTr = 1 - tr;
  const keepDivAll = dy * (1 - cg);
  const loseDivAll = dy * cg;
  const toTaxableC = c - pt * (1 - t);
  const [oa, ob, oc, od] = out;
  for (let p = 0, q = 0; p < n; p++, q += ACCOUNTS) {
    const gy = g[p] ?? 1;
    let roth = a[q] ?? 0;
    let plan = a[q + 2] ?? 0;
    let basisB = a[q + 3] ?? 0;
    let pre = a[q + 7] ?? 0;
    let txC = a[q + 8] ?? 0;
    let bC = a[q + 9] ?? 0;
    let txD = a[q + 11] ?? 0;
    let bD = a[q + 12] ?? 0;
    if (contributing) {
      roth += c;
      plan += c;
      basisB += c;
      pre += pt;
      txC += toTaxableC;
      bC += toTaxableC;
      txD += c;
      bD += c;
    }
    roth *= gy;
    plan *= gy;
    pre *= gy;
    const keepDiv = gy < dy ? gy * (1 - cg) : keepDivAll;
    const loseDiv = gy < dy ? gy * cg : loseDivAll;
    bC += txC * keepDiv;
    txC = txC * gy - txC * loseDiv;
    bD += txD * keepDiv;
    txD = txD * gy - txD * loseDiv;
    oa[p] = 0 + roth;
    const earn = plan - basisB;
    ob[p] = 0 + 0 + 0 * keepTr + (earn > 0 ? basisB + earn * keepTr : plan);
    const gc = txC - bC;
    oc[p] = 0 + pre * keepTr + txC - (gc > 0 ? gc * cg : 0);
    const gd = txD - bD;
    od[p] = 0 + txD - (gd > 0 ? gd * cg : 0);
    a[q] = roth;
    a[q + 2] = plan;
    a[q + 3] = basisB;
    a[q + 7] = pre;
    a[q + 8] = txC;
    a[q + 9] = bC;
    a[q + 11] = txD;
    a[q + 12] = bD;
  }
}

/**
 * Runs one path. `g[t]` is the growth factor of year t (1 + return); the wealth of strategy s
 * after year t is written to `out[s][t * stride + col]` (s in the order of STRATEGIES).
 */
export function runPath(
  k: Kernel,
  g: Float64Array,
  out: Wealth,
  stride: number,
  col: number,
  rec?: Recorder,
): void {
  const a = pathAccounts(1);
  const w: Wealth = [
    new Float64Array(1),
    new Float64Array(1),
    new Float64Array(1),
    new Float64Array(1),
  ];
  const gy = new Float64Array(1);
  const total = k.years + k.withdrawalYears;
  for (let y = 0; y < total; y++) {
    gy[0] = g[y] ?? 1;
    stepYear(k, y, gy, a, w, 1);
    const at = y * stride + col;
    for (let s = 0; s < 4; s++) {
      const o = out[s as 0 | 1 | 2 | 3];
      o[at] = w[s as 0 | 1 | 2 | 3][0] ?? 0;
    }
    if (rec) {
      const v = (j: number) => a[j] ?? 0;
      const A = ACCOUNT;
      rec(y, {
        fullMbr: { roth: v(A.roth), received: v(A.recA) },
        rothLite: {
          plan: v(A.plan),
          basis: v(A.basisB),
          rothIra: v(A.rothIra),
          traditionalIra: v(A.tradIra),
          received: v(A.recB),
        },
        preTax: {
          preTax: v(A.pre),
          taxable: v(A.txC),
          taxableBasis: v(A.bC),
          received: v(A.recC),
        },
        taxable: { taxable: v(A.txD), taxableBasis: v(A.bD), received: v(A.recD) },
      });
    }
  }
}
